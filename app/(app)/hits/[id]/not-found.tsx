import { Link } from '@/components/ui/app-link';

// notFound() from the page: a malformed id, or a hit that does not exist (or no longer does).
export default function HitNotFound() {
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="text-2xl font-semibold">Hit not found</h1>
      <p className="mt-2 text-muted">
        There is no hit at this address. It may have been erased under the retention rules, or the link is mistyped.
      </p>
      <p className="mt-6">
        <Link href="/hits" className="text-primary underline underline-offset-4">
          Back to the hits
        </Link>
      </p>
    </div>
  );
}
