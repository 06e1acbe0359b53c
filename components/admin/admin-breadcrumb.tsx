import { Link } from '@/components/ui/app-link';

/** The way back to the administration overview from one of its screens. */
export function AdminBreadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-muted">
        <li>
          <Link href="/admin" className="text-primary underline-offset-4 hover:underline">
            Administration
          </Link>
        </li>
        <li aria-hidden="true">/</li>
        <li aria-current="page" className="text-fg">
          {current}
        </li>
      </ol>
    </nav>
  );
}
