import { Link } from '@/components/ui/app-link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-6">
        <Link href="/" className="text-primary underline underline-offset-4">
          Back to your start page
        </Link>
      </p>
    </main>
  );
}
