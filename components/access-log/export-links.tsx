import { Link } from '@/components/ui/app-link';

const LINK_CLASS = 'inline-flex h-10 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium text-fg hover:bg-border/40';

/**
 * Downloads as plain links: `download` makes the browser fetch the file once, with no
 * client-side navigation; the server records the export as an access event.
 */
export function ExportLinks({ csvHref, jsonHref, label = 'Export' }: { csvHref: string; jsonHref: string; label?: string }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-2 print:hidden">
      <Link href={csvHref} download className={LINK_CLASS}>
        Export CSV
      </Link>
      <Link href={jsonHref} download className={LINK_CLASS}>
        Export JSON
      </Link>
    </div>
  );
}
