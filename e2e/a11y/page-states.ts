import { expect as baseExpect, type Page } from '@playwright/test';
import { userMenuButton } from '../fixtures';
import type { A11yRole } from './a11y-world';

// The states of each page worth an axe run beyond "loaded": empty, a dialog open, an error
// shown. Keyed by the route manifest's page path, so a page added to app/ (and, by
// manifest.spec.ts, to the manifest) is checked loaded at least, with no entry here.
// Each state opens its own address and proves it is in that state before axe runs.

/** Who opens a page: a demo role, nobody signed in, or a user who must still choose a password. */
export type Visitor = A11yRole | 'anonymous' | 'new-user';

export interface PageState {
  name: string;
  /** The address, when not the page's own (a query string, another id). */
  url?: (own: string) => string;
  /** Brings the opened page into the state and checks that it is there. */
  act?: (page: Page) => Promise<void>;
  /** Only for these visitors (a dialog only managers get). */
  only?: readonly Visitor[];
}

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
// A state's page streams its data after a permission check: seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 15_000 });

/** Clicks the trigger and waits for its dialog (a confirmation is an alertdialog). */
async function openDialog(page: Page, trigger: ReturnType<Page['getByRole']>) {
  await trigger.click();
  await expect(page.getByRole('dialog').or(page.getByRole('alertdialog'))).toBeVisible();
}

/** Submits the open dialog's form as it is and waits for the field errors it must show. */
async function submitDialog(page: Page, submit: string, error: RegExp | string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await expect(dialog.getByText(error).first()).toBeVisible();
}

export const PAGE_STATES: Readonly<Record<string, readonly PageState[]>> = {
  '/hits': [
    {
      name: 'empty: filters that match nothing',
      url: () => '/hits?flightFrom=2000-01-01&flightTo=2000-01-02',
      act: (page) => expect(page.getByText('No hits match these filters')).toBeVisible(),
    },
    { name: 'error: an invalid filter value', url: () => '/hits?scoreMin=banana', act: (page) => expect(page.getByText(/“banana” is not valid/)).toBeVisible() },
    { name: 'dialog: keyboard shortcuts', act: (page) => openDialog(page, page.getByRole('button', { name: 'Keyboard shortcuts (?)' })) },
    {
      name: 'bulk assignment with a hit selected',
      only: ['supervisor'],
      act: async (page) => {
        await page.getByRole('checkbox', { name: /^Select hit for/ }).and(page.locator(':enabled')).first().check();
        await expect(page.getByRole('region', { name: 'Bulk assignment' }).getByText('1 selected')).toBeVisible();
      },
    },
  ],
  '/hits/[id]': [
    { name: 'dialog: clear as false positive', act: (page) => openDialog(page, page.getByRole('button', { name: 'Clear as false positive' })) },
    {
      name: 'error: clear without a reason',
      act: async (page) => {
        await openDialog(page, page.getByRole('button', { name: 'Clear as false positive' }));
        await submitDialog(page, 'Clear hit', 'Choose why this hit is a false positive.');
      },
    },
    { name: 'dialog: confirm match', act: (page) => openDialog(page, page.getByRole('button', { name: 'Confirm match' })) },
    { name: 'dialog: reveal a masked field', act: (page) => openDialog(page, page.getByRole('button', { name: /^Reveal / }).first()) },
    { name: 'dialog: keyboard shortcuts', act: (page) => openDialog(page, page.getByRole('button', { name: 'Keyboard shortcuts (?)' })) },
    { name: 'not found', url: () => `/hits/${NO_SUCH_ID}`, act: (page) => expect(page.getByRole('heading', { name: 'Hit not found' })).toBeVisible() },
  ],
  '/hits/[id]/escalate': [
    {
      name: 'error: the request submitted empty',
      act: async (page) => {
        await page.getByRole('button', { name: 'Submit request' }).click();
        await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      },
    },
  ],
  '/escalations/[id]': [
    { name: 'dialog: approve', act: (page) => openDialog(page, page.getByRole('button', { name: 'Approve', exact: true })) },
    {
      name: 'error: reject without a note',
      act: async (page) => {
        await openDialog(page, page.getByRole('button', { name: 'Reject', exact: true }));
        await page.getByRole('dialog').getByRole('button', { name: 'Reject request' }).click();
        await expect(page.getByRole('dialog').locator('[aria-invalid="true"]')).toBeVisible();
      },
    },
    {
      name: 'not found',
      url: () => `/escalations/${NO_SUCH_ID}`,
      act: (page) => expect(page.getByRole('heading', { name: 'Escalation request not found' })).toBeVisible(),
    },
  ],
  '/access-log': [
    {
      name: 'empty: a search that matches nothing',
      url: () => '/access-log?actor=nobody-a11y%40example.invalid',
      act: (page) => expect(page.getByText('No access events match this search.')).toBeVisible(),
    },
    {
      name: 'error: a booking reference too short',
      act: async (page) => {
        await page.getByLabel('Booking reference').fill('x');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(page.getByText('Enter a booking reference of 3 to 20 characters.').first()).toBeVisible();
      },
    },
  ],
  '/access-log/person/[travellerId]': [
    { name: 'not found', url: () => `/access-log/person/${NO_SUCH_ID}`, act: (page) => expect(page.getByRole('heading', { name: /not found/i })).toBeVisible() },
  ],
  '/account': [
    {
      name: 'error: a new password too short',
      act: async (page) => {
        await page.getByLabel('New password', { exact: true }).fill('short');
        await page.getByRole('button', { name: 'Change password' }).click();
        await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      },
    },
  ],
  '/account/password': [
    {
      name: 'error: a new password too short',
      act: async (page) => {
        await page.getByLabel('New password', { exact: true }).fill('short');
        await page.getByRole('button', { name: 'Change password' }).click();
        await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      },
    },
  ],
  '/admin/users': [
    { name: 'dialog: create user', act: (page) => openDialog(page, page.getByRole('button', { name: 'Create user' })) },
    {
      name: 'error: create user submitted empty',
      act: async (page) => {
        await openDialog(page, page.getByRole('button', { name: 'Create user' }));
        await page.getByRole('dialog').getByRole('button', { name: 'Create user' }).click();
        await expect(page.getByRole('dialog').locator('[aria-invalid="true"]').first()).toBeVisible();
      },
    },
    { name: 'dialog: change role', act: (page) => openDialog(page, page.getByRole('button', { name: /^Change role of/ }).first()) },
  ],
  '/admin/api-tokens': [
    { name: 'dialog: create API token', act: (page) => openDialog(page, page.getByRole('button', { name: 'Create token' })) },
    {
      name: 'error: create API token submitted empty',
      act: async (page) => {
        await openDialog(page, page.getByRole('button', { name: 'Create token' }));
        await page.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
        await expect(page.getByRole('dialog').locator('[aria-invalid="true"]').first()).toBeVisible();
      },
    },
    { name: 'dialog: revoke API token', act: (page) => openDialog(page, page.getByRole('button', { name: /^Revoke / }).first()) },
  ],
  '/admin/watchlists': [
    { name: 'dialog: match threshold', act: (page) => openDialog(page, page.getByRole('button', { name: /^Match threshold of/ }).first()) },
    {
      name: 'error: match threshold out of range',
      act: async (page) => {
        await openDialog(page, page.getByRole('button', { name: /^Match threshold of/ }).first());
        await page.getByRole('dialog').getByLabel('Minimum score').fill('7');
        await page.getByRole('dialog').getByRole('button', { name: 'Save threshold' }).click();
        await expect(page.getByRole('dialog').locator('[aria-invalid="true"]')).toBeVisible();
      },
    },
    { name: 'dialog: OFAC SDN import', act: (page) => openDialog(page, page.getByRole('button', { name: /^Import OFAC sdn\.csv/ }).first()) },
  ],
  '/admin/retention': [
    { name: 'dialog: retention policy', only: ['admin'], act: (page) => openDialog(page, page.getByRole('button', { name: /^Edit / }).first()) },
    {
      name: 'error: retention policy with a bad value',
      only: ['admin'],
      act: async (page) => {
        await openDialog(page, page.getByRole('button', { name: /^Edit / }).first());
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('textbox').or(dialog.getByRole('spinbutton')).first().fill('-1');
        await dialog.getByRole('button', { name: 'Save policy' }).click();
        await expect(dialog.locator('[aria-invalid="true"]').first()).toBeVisible();
      },
    },
    { name: 'dialog: confirm a retention run', only: ['admin'], act: (page) => openDialog(page, page.getByRole('button', { name: 'Run now' })) },
  ],
  '/metrics': [
    {
      name: 'empty: a period without data',
      url: () => '/metrics?from=2000-01-01&to=2000-01-31',
      act: (page) => expect(page.getByRole('heading', { name: 'Funnel', exact: true })).toBeVisible(),
    },
    { name: 'error: an invalid period', url: () => '/metrics?from=banana', act: (page) => expect(page.getByText(/Showing the last 30 days instead/)).toBeVisible() },
  ],
  '/login': [
    {
      name: 'error: a wrong password',
      act: async (page) => {
        await page.getByLabel('Email').fill('nobody-a11y@proportio.test');
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 15_000 });
      },
    },
    { name: 'session ended notice', url: () => '/login?ended=idle', act: (page) => expect(page.getByRole('status')).toContainText('without activity') },
  ],
};

/** States every signed-in visitor gets once, whatever page: the app's own error pages. */
export const APP_STATES: readonly { name: string; url: string; act: (page: Page) => Promise<void> }[] = [
  { name: 'not found: an unknown address', url: '/a11y-no-such-page', act: (page) => expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible() },
  {
    name: 'user menu open',
    url: '/account',
    act: async (page) => {
      await userMenuButton(page).click();
      await expect(page.getByRole('dialog', { name: 'User menu' })).toBeVisible();
    },
  },
];
