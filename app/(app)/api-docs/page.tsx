import type { Metadata } from 'next';
import { apiReference } from '@/components/api-docs/api-reference-model';
import { ApiReference } from '@/components/api-docs/api-reference';
import { Link } from '@/components/ui/app-link';
import { PageHeader } from '@/components/ui/page-header';
import { openApiDocument } from '@/lib/api/openapi-document';
import { callerMay } from '@/server/auth/require-permission';
import { requireCaller } from '@/server/auth/session';

export const metadata: Metadata = { title: 'API reference' };

// Any signed-in user may read it: the document holds the API's shape, no data (it is public
// at /api/v1/openapi.json too). Rendered on the server from the same document.
export default async function ApiDocsPage() {
  const caller = await requireCaller();
  const reference = apiReference(openApiDocument());
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            {reference.title}, version {reference.version}. Generated from the schemas the server validates requests with, so it cannot drift from
            what the server accepts. The same description for tools:{' '}
            <Link href="/api/v1/openapi.json" className="font-mono text-primary underline underline-offset-4">
              /api/v1/openapi.json
            </Link>{' '}
            (OpenAPI 3.1).
          </>
        }
      />
      <ApiReference reference={reference} canManageTokens={callerMay(caller, 'api-tokens.manage')} />
    </>
  );
}
