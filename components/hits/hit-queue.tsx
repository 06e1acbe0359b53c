'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { ShortcutHelp } from '@/components/ui/shortcut-help';
import { useShortcuts, type Shortcut } from '@/components/ui/use-shortcuts';
import { hitListOptions, hitQueueHref } from '@/lib/queries/hits';
import type { HitListItem, HitListPage, HitQuery } from '@/lib/schemas/hit';
import { DEFAULT_HIT_QUERY, hitQueryToParams } from '@/lib/schemas/hit-values';
import { BulkAssignBar, type Assignee } from './bulk-assign-bar';
import { HitQueueEmpty } from './hit-queue-empty';
import { HitFilters, type HitFilterOptions } from './hit-filters';
import { errorMessage, useAssignmentMutation, useNextHitMutation, usePendingAssignmentIds, type CurrentUser } from './hit-queue-mutations';
import { HitQueueTable, type HitSelection } from './hit-queue-table';

export interface HitQueueProps {
  query: HitQuery;
  /** Notices from parseHitQuery for URL parameters that were ignored. */
  ignored: { key: string; message: string }[];
  /** The first page, read on the server for the same query (same query key). */
  initialPage: HitListPage;
  renderedAt: number;
  currentUser: CurrentUser;
  canAssign: boolean;
  assignees: Assignee[];
  filterOptions: HitFilterOptions;
}

// Enter is handled by the focused row itself, so it never steals Enter from a button.
const SHORTCUT_HELP = {
  j: 'Move to the next hit in the list',
  k: 'Move to the previous hit in the list',
  Enter: 'Open the highlighted hit',
  n: 'Claim the most urgent unassigned hit and open it',
  '?': 'Show these shortcuts',
} as const;
const HELP_LIST = Object.entries(SHORTCUT_HELP).map(([key, description]) => ({ key, description }));

const SORT_WORDS = { deadline: 'review deadline, soonest first', score: 'score, highest first', age: 'age, oldest first' } as const;

// The clock for "time left": starts at the server's render time so hydration matches, then ticks.
function useNow(initial: number): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function focusRow(id: string) {
  const row = document.querySelector<HTMLElement>(`tr[data-hit-id="${CSS.escape(id)}"]`);
  row?.focus();
  row?.scrollIntoView({ block: 'nearest' });
}

export function HitQueue({ query, ignored, initialPage, renderedAt, currentUser, canAssign, assignees, filterOptions }: HitQueueProps) {
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const { data, isFetching, isError, error } = useQuery({ ...hitListOptions(query), initialData: initialPage, initialDataUpdatedAt: renderedAt });
  const items = data.items;
  const now = useNow(renderedAt);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [rowSelection, setRowSelection] = useState<HitSelection>({});
  const [helpOpen, setHelpOpen] = useState(false);
  const helpOpener = useRef<HTMLElement | null>(null);

  // A new view (filters, sort or page) starts with nothing selected and no active row.
  const viewKey = hitQueryToParams(query).toString();
  const [seenViewKey, setSeenViewKey] = useState(viewKey);
  if (viewKey !== seenViewKey) {
    setSeenViewKey(viewKey);
    setRowSelection({});
    setActiveId(null);
  }

  const { mutate: mutateAssignment } = useAssignmentMutation(query, currentUser);
  const nextHit = useNextHitMutation();
  const pendingIds = usePendingAssignmentIds();
  const onClaim = useCallback((hit: HitListItem) => mutateAssignment({ hit, action: 'claim' }), [mutateAssignment]);
  const onRelease = useCallback((hit: HitListItem) => mutateAssignment({ hit, action: 'release' }), [mutateAssignment]);

  function navigate(next: HitQuery, mode: 'push' | 'replace') {
    startTransition(() => {
      if (mode === 'push') router.push(hitQueueHref(next));
      else router.replace(hitQueueHref(next), { scroll: false });
    });
  }
  const openHit = (id: string) => router.push(`/hits/${encodeURIComponent(id)}`);
  const claimNext = () => {
    if (!nextHit.isPending) nextHit.mutate();
  };

  function move(delta: 1 | -1) {
    if (items.length === 0) return;
    const index = activeId ? items.findIndex((hit) => hit.id === activeId) : -1;
    const target = index < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + delta));
    const id = items[target]?.id;
    if (!id) return;
    setActiveId(id);
    focusRow(id);
  }

  // The help dialog has no trigger when "?" opens it, so focus goes back to where it was by hand.
  function setHelp(open: boolean) {
    if (open) helpOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    else setTimeout(() => helpOpener.current?.focus(), 0);
    setHelpOpen(open);
  }

  const shortcuts: Shortcut[] = [
    { key: 'j', description: SHORTCUT_HELP.j, run: () => move(1) },
    { key: 'k', description: SHORTCUT_HELP.k, run: () => move(-1) },
    { key: 'n', description: SHORTCUT_HELP.n, run: claimNext },
    { key: '?', description: SHORTCUT_HELP['?'], run: () => setHelp(true) },
  ];
  // Off while the help is open: the dialog is modal, and Radix does not mark it aria-modal.
  useShortcuts(shortcuts, !helpOpen);

  const selectedIds = items.filter((hit) => rowSelection[hit.id]).map((hit) => hit.id);

  return (
    <div className="space-y-4">
      <div role="status">
        {ignored.length > 0 ? (
          <ul className="space-y-1 rounded-md border border-warn bg-surface p-3 text-sm text-warn">
            {ignored.map((notice) => (
              <li key={notice.key}>{notice.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={claimNext} disabled={nextHit.isPending} aria-keyshortcuts="n">
          Next hit
          <Kbd aria-hidden="true" className="border-primary-fg/40 bg-transparent text-primary-fg">
            n
          </Kbd>
        </Button>
        <Button variant="secondary" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Keyboard shortcuts (?)
        </Button>
        <span aria-hidden="true" className="text-sm text-muted">
          {navigating || isFetching ? 'Updating…' : ''}
        </span>
      </div>
      <HitFilters
        query={query}
        options={filterOptions}
        onApply={(next) => navigate(next, 'replace')}
        onClear={() => navigate(DEFAULT_HIT_QUERY, 'replace')}
      />
      {canAssign ? <BulkAssignBar query={query} selectedIds={selectedIds} assignees={assignees} onDone={() => setRowSelection({})} /> : null}
      {isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          Could not refresh the queue: {errorMessage(error)} The list below is the last one loaded.
        </p>
      ) : null}
      <p id="hit-queue-description" className="text-sm text-muted">
        {items.length} {items.length === 1 ? 'hit' : 'hits'} on this page, by {SORT_WORDS[query.sort]}. Names are masked; every view is recorded in the access log.
      </p>
      <HitQueueTable
        items={items}
        sort={query.sort}
        now={now}
        currentUserId={currentUser.id}
        canAssign={canAssign}
        busy={navigating}
        rowSelection={rowSelection}
        onRowSelectionChange={setRowSelection}
        activeId={activeId}
        onActiveChange={setActiveId}
        onMove={move}
        onOpen={openHit}
        pendingIds={pendingIds}
        onClaim={onClaim}
        onRelease={onRelease}
        emptyState={<HitQueueEmpty query={query} />}
      />
      <nav aria-label="Pages" className="flex gap-2">
        <Button variant="secondary" disabled={!query.cursor || navigating} onClick={() => navigate({ ...query, cursor: undefined }, 'push')}>
          First page
        </Button>
        <Button
          variant="secondary"
          disabled={!data.nextCursor || navigating}
          onClick={() => data.nextCursor && navigate({ ...query, cursor: data.nextCursor }, 'push')}
        >
          Next page
        </Button>
      </nav>
      <ShortcutHelp open={helpOpen} onOpenChange={setHelp} shortcuts={HELP_LIST} />
    </div>
  );
}
