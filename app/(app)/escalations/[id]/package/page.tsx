import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { DisclosurePackageView } from '@/components/escalations/disclosure-package-view';
import { Link } from '@/components/ui/app-link';
import type { DisclosurePackageView as DisclosurePackage } from '@/lib/schemas/escalation';
import { ForbiddenError } from '@/server/auth/errors';
import { requireCaller } from '@/server/auth/session';
import { getDisclosurePackage } from '@/server/escalations/get-disclosure-package';
import { ConflictError, NotFoundError } from '@/server/errors';

export const metadata: Metadata = { title: 'Disclosure package' };

// Who may open a package (requester or approver, before expiry) is decided by
// getDisclosurePackage, which also records the view as a disclosure.
export default async function DisclosurePackagePage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = z.uuid().safeParse((await params).id);
  if (!parsedId.success) notFound();
  const caller = await requireCaller();
  let pkg: DisclosurePackage;
  try {
    pkg = await getDisclosurePackage(caller, parsedId.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof ConflictError) return <Unavailable escalationId={parsedId.data} message={error.message} />;
    throw error;
  }
  return <DisclosurePackageView pkg={pkg} />;
}

function Unavailable({ escalationId, message }: { escalationId: string; message: string }) {
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="text-2xl font-semibold">Disclosure package</h1>
      <p role="alert" className="mt-4 rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
        {message}
      </p>
      <p className="mt-6">
        <Link href={`/escalations/${encodeURIComponent(escalationId)}`} className="text-primary underline underline-offset-4">
          Back to the escalation request
        </Link>
      </p>
    </div>
  );
}
