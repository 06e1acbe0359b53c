import { Badge } from '@/components/ui/badge';
import type { UserView } from '@/lib/schemas/user';

// A user's state in words with a symbol; colour only repeats them.

export function UserStateBadges({ user }: { user: UserView }) {
  return (
    <div className="flex flex-wrap items-start gap-1">
      {user.active ? (
        <Badge className="gap-1 border-ok text-ok whitespace-nowrap">
          <span aria-hidden="true">✓</span>Active
        </Badge>
      ) : (
        <Badge className="gap-1 border-danger bg-danger-bg text-danger whitespace-nowrap">
          <span aria-hidden="true">✕</span>Deactivated
        </Badge>
      )}
      {user.lockedUntil ? (
        <Badge className="gap-1 border-warn text-warn whitespace-nowrap">
          <span aria-hidden="true">🔒</span>Locked
        </Badge>
      ) : null}
      {user.mustChangePassword ? <Badge className="whitespace-nowrap">Initial password</Badge> : null}
    </div>
  );
}

/** The id of a user's name cell: focus returns there after a dialog opened from its row. */
export function userNameId(id: string): string {
  return `user-${id}`;
}
