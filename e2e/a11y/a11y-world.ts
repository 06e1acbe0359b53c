import type { APIRequestContext, Browser, PlaywrightWorkerArgs } from '@playwright/test';
import { demoUser, expect, type RoleKey } from '../fixtures';
import { apiContext, Db, ingestHits, pool, signIn, type StorageState } from '../attack/harness';

// The objects the accessibility checks open, made once per run: fresh hits of the suite's own
// (claimed, so their decision buttons show), an escalation waiting for a supervisor, an approved
// one with its disclosure package, a traveller with a person report and a user who still holds
// a one-time initial password. Sessions are made through the login form, one per role.

export const ROLE_KEYS = ['analyst', 'supervisor', 'privacy', 'admin'] as const satisfies readonly RoleKey[];
export type A11yRole = (typeof ROLE_KEYS)[number];

export interface A11yWorld {
  sessions: Record<A11yRole, StorageState>;
  /** A hit each deciding role has claimed. */
  hit: Partial<Record<A11yRole, string>>;
  /** Requested by the analyst, waiting for the supervisor's decision. */
  escalation: string;
  /** Requested by the analyst, approved by the supervisor: both may open its package. */
  package: string;
  traveller: string;
  /** A user created by the administrator who has not yet chosen a password. */
  newUser: { email: string; password: string };
}

const JUSTIFICATION = 'Accessibility suite fixture: the objective facts and the necessity, stated at enough length.';

async function expectStatus(response: Awaited<ReturnType<APIRequestContext['post']>>, status: number, what: string) {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
  return response.json() as Promise<Record<string, unknown>>;
}

export async function makeWorld(browser: Browser, playwright: PlaywrightWorkerArgs['playwright']): Promise<A11yWorld> {
  const db = await Db.connect();
  try {
    // Two at a time: each sign-in hashes with argon2id, and the machine has two cores.
    const states = await pool(ROLE_KEYS, 2, (key) => signIn(browser, key));
    const sessions = Object.fromEntries(ROLE_KEYS.map((key, index) => [key, states[index]])) as Record<A11yRole, StorageState>;
    const as = (key: A11yRole) => apiContext(playwright, sessions[key]);
    const [analyst, supervisor, admin] = await Promise.all([as('analyst'), as('supervisor'), as('admin')]);
    try {
      const [analystHit, supervisorHit, escalationHit, packageHit] = await ingestHits(admin, db, 4);
      const claim = async (context: APIRequestContext, hitId: string) => ((await expectStatus(await context.post(`/api/v1/hits/${hitId}/claim`), 200, 'claim')).version as number);
      const [recipient] = await db.query<{ id: string }>(`SELECT id FROM "RecipientAuthority" WHERE active ORDER BY name LIMIT 1`);
      const escalate = async (hitId: string) => {
        const hitVersion = await claim(analyst, hitId);
        const data = { legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: JUSTIFICATION, necessity: JUSTIFICATION, dataCategories: ['PASSPORT', 'ITINERARY'], recipientId: recipient?.id, urgency: 'ROUTINE', hitVersion };
        return (await expectStatus(await analyst.post(`/api/v1/hits/${hitId}/escalations`, { data }), 201, 'escalation request')).id as string;
      };
      await claim(analyst, analystHit as string);
      await claim(supervisor, supervisorHit as string);
      const escalation = await escalate(escalationHit as string);
      const pkg = await escalate(packageHit as string);
      await expectStatus(await supervisor.post(`/api/v1/escalations/${pkg}/decision`, { data: { decision: 'approve', version: 1 } }), 200, 'approval');

      const email = `a11y-${Date.now().toString(36)}@proportio.test`;
      const created = await expectStatus(await admin.post('/api/v1/users', { data: { email, name: 'Accessibility Fixture', role: 'ANALYST', unit: 'Accessibility suite' } }), 201, 'create user');
      const [traveller] = await db.query<{ id: string }>(`SELECT "travellerId" AS id FROM "Hit" WHERE id = $1`, [analystHit]);
      return {
        sessions,
        hit: { analyst: analystHit, supervisor: supervisorHit },
        escalation,
        package: pkg,
        traveller: traveller?.id as string,
        newUser: { email, password: created.initialPassword as string },
      };
    } finally {
      await Promise.all([analyst, supervisor, admin].map((context) => context.dispose()));
    }
  } finally {
    await db.close();
  }
}

export const roleOf = (key: A11yRole) => demoUser(key).role;
