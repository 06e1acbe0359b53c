import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { Caller } from '@/server/auth/caller';
import type { ChainedFields } from './chain';
import { jsonbSafe } from './jsonb-safe';
import { canonicalContent, digestContent } from './record-digest';
import type { AccessEventInput } from './record';

type Content = Omit<ChainedFields, 'seq'>;

/** What a batch of events shares: everything but the resource, the traveller and a few numbers in the details. */
export type SharedEventInput = Omit<AccessEventInput, 'resourceId' | 'travellerId'> & { details: Prisma.InputJsonObject | null };

/**
 * The canonical content (chain.ts canonicalEvent) of events that differ only in a few values,
 * made once per batch: the text with a slot where each variable value goes, the JSON string of
 * a marker no caller's text can contain.
 */
export interface EventTemplate {
  /** The shared fields, jsonb-safe as recordAccessEvents stores them; the resource and traveller null. */
  fields: Content;
  /** The canonical text with every variable value a slot. */
  text: string;
  /** The slot of the variable called `name`: the text to replace with the value's JSON. */
  slot: (name: string) => string;
  /** The content hash of the event with these values (JSON.stringify of each) in the slots. */
  hash: (values: Readonly<Record<string, string | number | null | undefined>>) => string;
}

export interface TemplateSlots {
  /** Name of the variable that is the event's resourceId. */
  resourceId: string;
  /** Name of the variable that is the event's travellerId. */
  travellerId: string;
  /** Names of numbers added to the shared details (each also the key it is stored under). */
  details?: readonly string[];
}

// Random per process and never shown to anyone, so no caller's text can contain it; one
// marker, so the slots' pattern is compiled once rather than per batch (a queue page makes one).
const marker = `@@event-${randomUUID()}@@`;
const SLOTS = new RegExp(`"${marker}([A-Za-z]+)"`);
const slot = (name: string) => JSON.stringify(`${marker}${name}`);

export function eventTemplate(caller: Caller, shared: SharedEventInput, slots: TemplateSlots, at = new Date()): EventTemplate {
  const fields: Content = jsonbSafe({
    at,
    actorType: caller.actorType,
    actorId: caller.actorId,
    actorLabel: caller.actorLabel,
    role: caller.role,
    operation: shared.operation,
    outcome: shared.outcome ?? 'ALLOWED',
    resourceType: shared.resourceType,
    resourceId: null,
    travellerId: null,
    purpose: shared.purpose ?? null,
    recipient: shared.recipient ?? null,
    requestId: caller.requestId,
    ip: caller.ip,
    userAgent: caller.userAgent,
    details: shared.details,
  });
  const detailSlots = slots.details ?? [];
  const eventWith = (values: (name: string) => unknown): Content => ({
    ...fields,
    resourceId: values(slots.resourceId) as string | null,
    travellerId: values(slots.travellerId) as string | null,
    details: detailSlots.length === 0 ? fields.details : { ...(fields.details as Record<string, unknown>), ...Object.fromEntries(detailSlots.map((name) => [name, values(name)])) },
  });
  // Markers are plain ASCII, so JSON.stringify quotes them unchanged and the split finds exactly the slots.
  const text = canonicalContent(eventWith((name) => `${marker}${name}`));
  const pieces = text.split(SLOTS);
  const hash: EventTemplate['hash'] = (values) => {
    let filled = '';
    for (let index = 0; index < pieces.length; index += 1) {
      const piece = pieces[index] as string;
      filled += index % 2 === 0 ? piece : JSON.stringify(values[piece] ?? null);
    }
    return createHash('sha256').update(filled).digest('hex');
  };
  // The slots must stand for exactly the values the writer's digest covers: checked on a sample
  // per template (digestContent is contentHash of chain.ts, built faster; record-digest.test.ts).
  const sample = Object.fromEntries([slots.resourceId, slots.travellerId, ...detailSlots].map((name, index) => [name, index < 2 ? randomUUID() : index]));
  if (hash(sample) !== digestContent(eventWith((name) => sample[name]))) throw new Error('eventTemplate: the templated content hash differs from contentHash');
  return { fields, text, slot, hash };
}
