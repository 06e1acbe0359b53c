import 'server-only';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';
import type { IndexedEntry } from './indexed-entry';
import { normaliseDocumentNumber } from './normalise';

/** Whether an identifier agrees; null when either side does not give one. */
export type Agreement = boolean | null;

const nationalityCode = (value: string | null) => value?.trim().toUpperCase() ?? '';

/** Nationality against every listed nationality (people hold several). */
export function nationalityAgreement(travellerValue: string | null, entry: IndexedEntry): Agreement {
  const code = nationalityCode(travellerValue);
  if (code === '' || entry.nationalities.length === 0) return null;
  return entry.nationalities.includes(code);
}

export function explainNationality(travellerValue: string | null, entry: IndexedEntry): FieldExplanation {
  const agrees = nationalityAgreement(travellerValue, entry);
  const listed = entry.nationalities.join(', ') || null;
  const base = { field: 'nationality', travellerValue, travellerField: 'nationality' } as const;
  if (agrees === null) return { ...base, method: 'absent', entryValue: listed, similarity: null, agrees: null };
  return { ...base, method: agrees ? 'exact' : 'none', entryValue: agrees ? nationalityCode(travellerValue) : listed, similarity: agrees ? 1 : 0, agrees };
}

/** Document number against every listed one, compared as letters and digits only. */
export function documentAgreement(documentKey: string, entry: IndexedEntry): Agreement {
  if (documentKey === '' || entry.documents.length === 0) return null;
  for (const document of entry.documents) if (document.key === documentKey) return true;
  return false;
}

export function explainDocument(travellerValue: string | null, entry: IndexedEntry): FieldExplanation {
  const key = normaliseDocumentNumber(travellerValue ?? '');
  const agrees = documentAgreement(key, entry);
  const first = entry.documents[0];
  const base = { field: 'document', travellerValue, travellerField: 'documentNumber' } as const;
  if (agrees === null) return { ...base, method: 'absent', entryValue: first?.number ?? null, similarity: null, agrees: null };
  // A differing number is not evidence to show (the sentence hides it); the first listed stands in.
  const shown = entry.documents.find((document) => document.key === key) ?? first;
  return { ...base, method: agrees ? 'exact' : 'none', entryValue: shown?.number ?? null, similarity: agrees ? 1 : 0, agrees };
}
