import { toast } from '@/components/ui/toast';

/** Long enough to notice the toast and reach its Undo (sonner also pauses it while hovered or focused; Alt+T focuses it). */
export const UNDO_TOAST_MS = 10_000;

/**
 * A completed action that can be taken back: the toast says what happened and offers Undo.
 * Only for actions whose opposite is an ordinary request (claim, release, assignment) —
 * never for a decision, which is final and asks first instead (ConfirmDialog or its own dialog).
 */
export function toastWithUndo(message: string, onUndo: () => void): void {
  toast.success(message, { duration: UNDO_TOAST_MS, action: { label: 'Undo', onClick: onUndo } });
}
