import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/admin-breadcrumb';
import { ApiTokenList } from '@/components/admin/api-token-list';
import { DataBoundary } from '@/components/layout/data-boundary';
import { AdminListSkeleton } from '@/components/layout/page-skeletons';
import { Link } from '@/components/ui/app-link';
import { PageHeader } from '@/components/ui/page-header';
import { listApiTokens } from '@/server/api-tokens/manage-api-tokens';
import type { Caller } from '@/server/auth/caller';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'API tokens' };

// A server component renders once per request, so its clock reading is stable; the client's
// query counts its freshness from it.
function requestTime(): number {
  return Date.now();
}

// The tokens a unit's systems use to feed Proportio (issue 7); the first read hydrates the client's query.
export default async function ApiTokensPage() {
  const caller = await requirePagePermission('api-tokens.manage', '/admin/api-tokens');
  return (
    <>
      <AdminBreadcrumb current="API tokens" />
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let a system send watchlists, travellers and hits; each call is checked against the token’s scopes and recorded in the access log.
            The{' '}
            <Link href="/api-docs" className="text-primary underline underline-offset-4">
              API reference
            </Link>{' '}
            describes every operation and the scope it needs.
          </>
        }
      />
      {/* The permission is checked above (a refusal is a 403); a skeleton shows while the data are read on a client-side navigation. */}
      <DataBoundary fallback={<AdminListSkeleton label="Loading the API tokens…" />} load={() => apiTokenListSection({ caller })} />
    </>
  );
}

async function apiTokenListSection({ caller }: { caller: Caller }) {
  const renderedAt = requestTime();
  const items = await listApiTokens(caller);
  return <ApiTokenList initialItems={items} renderedAt={renderedAt} />;
}
