import 'server-only';
import { createHash } from 'node:crypto';
import type { EntryType, Prisma } from '@/generated/prisma/client';
import { canonicalJson } from '@/server/access-log/chain';

/** A watchlist entry as stored, without the columns the database owns (id, version, times). */
export interface EntryContent {
  externalId: string;
  type: EntryType;
  primaryName: string;
  familyName: string | null;
  givenNames: string | null;
  aliases: Prisma.InputJsonValue[];
  datesOfBirth: Prisma.InputJsonValue[];
  nationalities: string[];
  documents: Prisma.InputJsonValue[];
  programs: string[];
  offenceCategory: string;
  legalBasis: string;
  remarks: string | null;
  expiresAt: Date | null;
}

/**
 * What the list says about the person; a change of any of it is a new version of the
 * entry, which lifts the cleared-hit memory resting on the old one (Suppression). The
 * legal basis and the expiry are ours, not the list's, so they are left out.
 */
export function entryContentHash(entry: Omit<EntryContent, 'legalBasis' | 'expiresAt'> & Partial<Pick<EntryContent, 'legalBasis' | 'expiresAt'>>): string {
  const { externalId, type, primaryName, familyName, givenNames, aliases, datesOfBirth, nationalities, documents, programs, offenceCategory, remarks } = entry;
  const content = { externalId, type, primaryName, familyName, givenNames, aliases, datesOfBirth, nationalities, documents, programs, offenceCategory, remarks };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
