'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
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

// Whatever is in storage is read leniently: a stale or hand-edited draft never breaks the form.
// Each field that is not what it should be reads as empty; anything but an object is no draft.
// By hand rather than with zod, which would load with the page for it (30 KB gzipped).
const text = (value: unknown): string => (typeof value === 'string' && value.length <= 4000 ? value : '');
const oneOf =
  <T extends string>(record: Readonly<Record<T, string>>) =>
  (value: unknown): T | '' =>
    typeof value === 'string' && value in record ? (value as T) : '';
const legalBasis = oneOf(LEGAL_BASES);
const urgency = oneOf(URGENCIES);

export function storedDraft(value: unknown): EscalationDraft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const stored = value as Record<string, unknown>;
  const categories = Array.isArray(stored.dataCategories) && stored.dataCategories.every((item) => typeof item === 'string') ? (stored.dataCategories as string[]) : [];
  return {
    legalBasis: legalBasis(stored.legalBasis),
    offenceCategory: text(stored.offenceCategory),
    objectiveFacts: text(stored.objectiveFacts),
    necessity: text(stored.necessity),
    dataCategories: categories.filter((item): item is DataCategory => item in DATA_CATEGORIES),
    recipientId: text(stored.recipientId),
    urgency: urgency(stored.urgency),
  };
}

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
    return storedDraft(JSON.parse(stored)) ?? initial;
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
