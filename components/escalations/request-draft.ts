'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod';
import type { DataCategory, LegalBasis, Urgency } from '@/lib/schemas/escalation';
import { DATA_CATEGORIES, LEGAL_BASES, URGENCIES } from '@/lib/schemas/escalation-values';

// The escalation request's draft lives in sessionStorage, one key per hit, so a reload or a
// slip of the back button loses nothing; it leaves with the tab and on a successful submit.

export interface EscalationDraft {
  legalBasis: LegalBasis | '';
  offenceCategory: string;
  objectiveFacts: string;
  necessity: string;
  dataCategories: DataCategory[];
  recipientId: string;
  urgency: Urgency | '';
}

export const draftKey = (hitId: string) => `proportio:escalation-draft:${hitId}`;

const text = z.string().max(4000).catch('');
const oneOf = <T extends string>(record: Readonly<Record<T, string>>) =>
  z
    .string()
    .catch('')
    .transform((value) => (value in record ? (value as T) : ''));

// Whatever is in storage is read leniently: a stale or hand-edited draft never breaks the form.
const storedDraftSchema = z.object({
  legalBasis: oneOf(LEGAL_BASES),
  offenceCategory: text,
  objectiveFacts: text,
  necessity: text,
  dataCategories: z
    .array(z.string())
    .catch([])
    .transform((values) => values.filter((value): value is DataCategory => value in DATA_CATEGORIES)),
  recipientId: text,
  urgency: oneOf(URGENCIES),
});

const listeners = new Set<() => void>();
// The page's own copy of each draft it has written: the truth when storage refuses a write
// (blocked storage, quota), so typing never stalls; storage is what survives a reload.
const written = new Map<string, string | null>();

function read(key: string): string | null {
  if (written.has(key)) return written.get(key) ?? null;
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  written.set(key, value);
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Kept for this page only; nothing else to do.
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function parseDraft(stored: string | null, initial: EscalationDraft): EscalationDraft {
  if (!stored) return initial;
  try {
    const parsed = storedDraftSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : initial;
  } catch {
    return initial;
  }
}

/**
 * The form's state, kept in sessionStorage as it changes. The server render and hydration
 * use `initial`; the stored draft takes over right after, without a hydration mismatch.
 */
export function useEscalationDraft(hitId: string, initial: EscalationDraft) {
  const key = draftKey(hitId);
  const stored = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const draft = useMemo(() => parseDraft(stored, initial), [stored, initial]);
  const update = useCallback(
    (change: Partial<EscalationDraft>) => write(key, JSON.stringify({ ...parseDraft(read(key), initial), ...change })),
    [key, initial],
  );
  const clear = useCallback(() => write(key, null), [key]);
  return { draft, update, clear, saved: stored !== null };
}
