'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { extendSession, sessionKeys, sessionStatusOptions, type ReceivedSessionStatus } from '@/lib/queries/session';
import { SESSION_WARNING_MS } from '@/lib/session-activity';

// The dialog (Radix: focus trap, scroll lock — 12 KB gzipped) loads when the warning is due,
// not with every page: most sessions never see it.
const SessionTimeoutDialog = lazy(() => import('./session-timeout-dialog').then((module) => ({ default: module.SessionTimeoutDialog })));

/** Where the session stands by the server's clock, estimated from the last answer and the time since. */
function timing(status: ReceivedSessionStatus, clientNow: number) {
  const offset = Date.parse(status.serverNow) - status.receivedAt;
  const deadline = Math.min(Date.parse(status.idleExpiresAt), Date.parse(status.absoluteExpiresAt));
  return {
    remaining: deadline - (clientNow + offset),
    // An answer from inside the warning window is fresh enough to warn on; an older one may
    // predate activity (in this tab or another) that moved the deadline, so it is asked again first.
    answeredInWindow: Date.parse(status.serverNow) >= deadline - SESSION_WARNING_MS - 1000,
  };
}

/**
 * Warns 2 minutes before the idle sign-out (ASVS V7.3): an alertdialog that takes the focus and
 * counts down; "Stay signed in" is user activity and moves the deadline, "Sign out" signs out.
 * Reading the deadline never extends it. When the time is up, asking again gets a 401 and the
 * API client takes the browser to the login page, which says why.
 */
export function SessionTimeoutWarning() {
  const queryClient = useQueryClient();
  const { data, refetch, isFetching } = useQuery(sessionStatusOptions());
  const [now, setNow] = useState(() => Date.now());
  const stay = useMutation({
    mutationFn: extendSession,
    onSuccess: (status) => queryClient.setQueryData(sessionKeys.status(), status),
  });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const state = data ? timing(data, now) : null;
  const due = state !== null && state.remaining <= SESSION_WARNING_MS;
  const needsCheck = due && (!state.answeredInWindow || state.remaining <= 0);
  useEffect(() => {
    if (needsCheck && !isFetching) void refetch();
  }, [needsCheck, isFetching, refetch, now]);

  const open = due && state.answeredInWindow && state.remaining > 0;
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <SessionTimeoutDialog remaining={state.remaining} onStay={() => stay.mutate()} staying={stay.isPending} />
    </Suspense>
  );
}
