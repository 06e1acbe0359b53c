import { test as base, expect, type Page } from '@playwright/test';
import pg from 'pg';
import { DEMO_USERS, type DemoUser } from '../prisma/demo-users';

export type RoleKey = DemoUser['key'];

export function demoUser(key: RoleKey): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`No demo user ${key}`);
  return user;
}

// The page object for the login form, found by role and label as a user would.
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/login');
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}

/**
 * The header's user menu button ("User menu: <name> · <role>"): on every page of a signed-in
 * user, so finding it is how a test knows the sign-in went through.
 */
export function userMenuButton(page: Page) {
  return page.getByRole('button', { name: /^User menu:/ });
}

// A sign-in checks an argon2 hash and follows a redirect or two: seconds on a loaded machine.
const SIGN_IN_MS = 15_000;

export async function expectSignedIn(page: Page, options: { timeout?: number } = {}): Promise<void> {
  await expect(userMenuButton(page)).toBeVisible({ timeout: options.timeout ?? SIGN_IN_MS });
}

/** Signs out as a user does: opens the user menu and chooses Sign out (the login page follows). */
export async function signOut(page: Page): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole('dialog', { name: 'User menu' }).getByRole('button', { name: 'Sign out' }).click();
}

interface Fixtures {
  loginAs: (key: RoleKey) => Promise<DemoUser>;
  sql: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>;
}

export const test = base.extend<Fixtures>({
  loginAs: async ({ page }, use) => {
    await use(async (key) => {
      const user = demoUser(key);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(user.email, user.password);
      await expectSignedIn(page);
      return user;
    });
  },
  sql: async ({}, use) => {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    await use(async (text, values) => {
      // The server links committed access events into the chain every fraction of a second;
      // linking here first makes a check of the log right after an action see that action.
      await client.query('SELECT chain_access_events()');
      return (await client.query(text, values)).rows;
    });
    await client.end();
  },
});

export { expect };
