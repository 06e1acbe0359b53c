import type { ExternalToast } from 'sonner';
import type { ReactNode } from 'react';

// The app's toasts: sonner's toast(), with sonner loaded when the first toast is shown rather
// than with every page (12 KB gzipped). The first call mounts the Toaster (AppToaster), waits
// until it listens and its live region has been in the page a moment (so a screen reader
// announces what appears in it), then shows the toast; later calls show theirs at once.

type Toast = typeof import('sonner').toast;

let ready: Promise<Toast> | null = null;
let markReady: (() => void) | null = null;
let requestToaster: (() => void) | null = null;

/** AppToaster: call `request` to mount the Toaster (now, if a toast is already waiting). */
export function registerToasterRequest(request: () => void): () => void {
  requestToaster = request;
  if (ready) request();
  return () => {
    if (requestToaster === request) requestToaster = null;
  };
}

/** The mounted Toaster listens: toasts may be shown. */
export function toasterMounted(): void {
  markReady?.();
}

function sonner(): Promise<Toast> {
  ready ??= Promise.all([
    import('sonner'),
    new Promise<void>((resolve) => {
      markReady = () => setTimeout(resolve, 100);
      requestToaster?.();
    }),
  ]).then(([module]) => module.toast);
  return ready;
}

type Show = (message: ReactNode, options?: ExternalToast) => void;

const show =
  (kind: 'success' | 'error' | 'info'): Show =>
  (message, options) =>
    void sonner().then((toast) => toast[kind](message, options));

export const toast: { success: Show; error: Show; info: Show } = { success: show('success'), error: show('error'), info: show('info') };
