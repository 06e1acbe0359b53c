import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { ApiTokenView } from '@/lib/schemas/api-token';

// A token's state in words with a symbol; colour only repeats them.

export const API_TOKEN_STATE_LABELS: Readonly<Record<ApiTokenView['state'], string>> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

const STATE_STYLES: Readonly<Record<ApiTokenView['state'], { symbol: string; className: string }>> = {
  active: { symbol: '✓', className: 'border-ok text-ok' },
  expired: { symbol: '⌛', className: 'border-warn text-warn' },
  revoked: { symbol: '✕', className: 'border-danger bg-danger-bg text-danger' },
};

export function ApiTokenStateBadge({ state }: { state: ApiTokenView['state'] }) {
  const style = STATE_STYLES[state];
  return (
    <Badge className={cn('gap-1 whitespace-nowrap', style.className)}>
      <span aria-hidden="true">{style.symbol}</span>
      {API_TOKEN_STATE_LABELS[state]}
    </Badge>
  );
}

/** How a token is named without its secret: `ppt_<prefix>_…`. */
export function tokenLabel(prefix: string): string {
  return `ppt_${prefix}_…`;
}
