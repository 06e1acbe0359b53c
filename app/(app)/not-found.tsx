import { Link } from '@/components/ui/app-link';

// notFound() from a signed-in page without a not-found of its own (a malformed or unknown id):
// shown inside the app's layout, so no <main> of its own (app/not-found.tsx, for addresses
// that match no page at all, stands alone and has one).
export default function SignedInNotFound() {
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-muted">There is nothing at this address. What it named may have been erased under the retention rules, or the link is mistyped.</p>
      <p className="mt-6">
        <Link href="/" className="text-primary underline underline-offset-4">
          Back to your start page
        </Link>
      </p>
    </div>
  );
}
