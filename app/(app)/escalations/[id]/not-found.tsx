import { Link } from '@/components/ui/app-link';

// notFound() from the request or its package page: a malformed id, or a request that does not exist (or no longer does).
export default function EscalationNotFound() {
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="text-2xl font-semibold">Escalation request not found</h1>
      <p className="mt-2 text-muted">
        There is no escalation request at this address. Its hit may have been erased under the retention rules, or the link is mistyped.
      </p>
      <p className="mt-6">
        <Link href="/escalations" className="text-primary underline underline-offset-4">
          Back to the escalations
        </Link>
      </p>
    </div>
  );
}
