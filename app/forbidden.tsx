import { Link } from '@/components/ui/app-link';

// Rendered with HTTP 403 by forbidden() when a role may not use a page. Only the signed-in
// pages call forbidden(), and Next.js renders this inside their layout's <main>: a second
// main landmark here would be one too many.
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-semibold">403 — Not allowed</h1>
      <p className="mt-2 text-muted">
        Your role does not give access to this page. The attempt has been recorded in the access log.
      </p>
      <p className="mt-6">
        <Link href="/" className="text-primary underline underline-offset-4">
          Back to your start page
        </Link>
      </p>
    </div>
  );
}
