import { ingestUrgentHits } from '../attack/harness';
import { demoUser, expect, expectSignedIn, test } from '../fixtures';
import { expectFocusTrapped, expectVisibleFocus, pressShortcut, tabTo } from './keyboard';

// Issue 10: a full triage with the keyboard alone. After page.goto, only page.keyboard: sign in,
// skip to the main content, open the first hit of the queue, reveal a field for a purpose, clear
// the hit with a reason, then request the escalation of the next one with its justification.
// The focus must be visible at every stop, and dialogs must keep it and give it back.

const FACTS = 'Family name, year of birth and passport series agree with the listed person; paid in cash at the airport.';
const NECESSITY = 'The flight leaves within hours and the recipient needs identity and itinerary to act; no milder source gives them.';

test('a hit is cleared and the next one escalated with the keyboard alone', async ({ page, playwright, sql }) => {
  // About 150 key presses, each checked; a minute on a machine busy with other work.
  test.setTimeout(180_000);
  const analyst = demoUser('analyst');
  // Two fresh hits, the most urgent of the queue (first, then second), so the queue's first row
  // and "next hit" are these and no hit another test counts on.
  const [first, second] = await ingestUrgentHits(playwright, 2);

  // Sign in: Tab to the email field, type, Tab, type, Enter.
  await page.goto('/hits');
  await expect(page).toHaveURL(/\/login/);
  await tabTo(page, page.getByLabel('Email'), 'sign-in: email');
  await page.keyboard.type(analyst.email);
  await tabTo(page, page.getByLabel('Password'), 'sign-in: password');
  await page.keyboard.type(analyst.password);
  await page.keyboard.press('Enter');
  await expectSignedIn(page, { timeout: 20_000 });
  await expect(page).toHaveURL(/\/hits$/);
  await page.waitForLoadState('networkidle');

  // The first Tab reaches the skip link, which shows itself; Enter moves on to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await expectVisibleFocus(page, 'skip link');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await page.locator('main').evaluate((main) => main.contains(document.activeElement)), 'after the skip link, Tab lands inside main').toBe(true);
  await expectVisibleFocus(page, 'first stop in main');

  // "j" moves to the first row of the queue (the most urgent hit); Enter opens it.
  await pressShortcut(page, 'j');
  const firstRow = page.locator(`tr[data-hit-id="${first}"]`);
  await expect(firstRow).toBeFocused();
  await expectVisibleFocus(page, 'first row of the queue');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/hits/${first}$`));
  await expect(page.getByRole('button', { name: 'Clear as false positive' })).toBeEnabled();

  // "r" asks for the purpose of a reveal; the dialog keeps the focus; the revealed value gets it after.
  await pressShortcut(page, 'r');
  const reveal = page.getByRole('dialog', { name: 'Reveal a masked field' });
  await expect(reveal).toBeVisible();
  expect(await reveal.evaluate((dialog) => dialog.contains(document.activeElement)), 'the reveal dialog takes the focus').toBe(true);
  await expectFocusTrapped(page, reveal, 'reveal dialog');
  await tabTo(page, reveal.getByRole('radio', { name: 'Compare identity with the watchlist entry' }), 'reveal: purpose');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(reveal).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.id ?? ''), 'the focus goes to the revealed value').toMatch(/^revealed-/);
  await expectVisibleFocus(page, 'revealed value');

  // "c" opens the decision; Escape closes it and the focus returns to its button.
  await pressShortcut(page, 'c');
  const decision = page.getByRole('dialog', { name: 'Clear as false positive' });
  await expect(decision).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(decision).toBeHidden();
  await expect(page.getByRole('button', { name: 'Clear as false positive' })).toBeFocused();
  await expectVisibleFocus(page, 'decision button after Escape');

  // Enter on the button opens it again. Submitted without a reason: the error is announced
  // (an alert) and the focus goes to the reasons, which name the error as their description.
  await page.keyboard.press('Enter');
  await expect(decision).toBeVisible();
  await expectFocusTrapped(page, decision, 'decision dialog');
  const firstReason = decision.getByRole('radio', { name: 'Different date of birth' });
  await tabTo(page, firstReason, 'decision: first reason');
  await page.keyboard.press('Enter');
  await expect(decision.getByRole('alert')).toContainText('Choose why this hit is a false positive.');
  await expect(firstReason).toBeFocused();
  const reasons = decision.getByRole('radiogroup', { name: 'Reason' });
  await expect(reasons).toHaveAttribute('aria-invalid', 'true');
  await expect(reasons).toHaveAccessibleDescription('Choose why this hit is a false positive.');

  // Space picks the reason, Tab reaches the note, then the submit button.
  await page.keyboard.press('Space');
  await expect(firstReason).toBeChecked();
  await tabTo(page, decision.getByRole('textbox', { name: 'Note' }), 'decision: note');
  await page.keyboard.type('Listed person born 20 years earlier.');
  await tabTo(page, decision.getByRole('button', { name: 'Clear hit' }), 'decision: submit');
  await page.keyboard.press('Enter');
  await expect(decision).toBeHidden();

  // After the decision the focus is on the hit's new status, which says what happened.
  const status = page.locator('p', { hasText: 'Status:' });
  await expect(status).toBeFocused();
  await expect(status).toContainText('Cleared');
  await expectVisibleFocus(page, 'status after the decision');
  const [cleared] = await sql<{ status: string; clearReason: string; email: string }>(
    `SELECT h.status, h."clearReason", u.email FROM "Hit" h JOIN "User" u ON u.id = h."decidedById" WHERE h.id = $1`,
    [first],
  );
  expect(cleared).toEqual({ status: 'CLEARED', clearReason: 'DIFFERENT_DOB', email: analyst.email });

  // "n" claims and opens the next hit; "e" opens its escalation request.
  await pressShortcut(page, 'n');
  await page.waitForURL(new RegExp(`/hits/${second}$`));
  await expect(page.getByRole('link', { name: /Request escalation/ })).toBeVisible();
  await pressShortcut(page, 'e');
  await page.waitForURL(new RegExp(`/hits/${second}/escalate$`));
  const submit = page.getByRole('button', { name: 'Submit request' });
  await expect(submit).toBeEnabled();

  // Submitted empty: one alert sums the errors up and the focus goes to the first field in error.
  await tabTo(page, submit, 'escalation: submit (empty)', { max: 60 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'fields need attention' })).toBeVisible();
  const legalBasis = page.getByRole('radiogroup', { name: 'Legal basis' });
  await expect(legalBasis.getByRole('radio').first()).toBeFocused();
  await expect(legalBasis).toHaveAttribute('aria-invalid', 'true');
  await expectVisibleFocus(page, 'first field in error');

  // The request, field by field: Space on a choice, typing in the text, arrow keys in a list.
  await page.keyboard.press('Space');
  const offence = page.getByLabel('Offence category');
  await tabTo(page, offence, 'escalation: offence category');
  if ((await offence.inputValue()) === '') await page.keyboard.press('ArrowDown');
  await tabTo(page, page.getByRole('textbox', { name: 'Objective facts' }), 'escalation: objective facts');
  await page.keyboard.type(FACTS);
  await tabTo(page, page.getByRole('textbox', { name: 'Necessity and proportionality' }), 'escalation: necessity');
  await page.keyboard.type(NECESSITY);
  await tabTo(page, page.getByRole('group', { name: 'Data to disclose' }).getByRole('checkbox').first(), 'escalation: data');
  await page.keyboard.press('Space');
  const recipient = page.getByLabel('Recipient authority');
  await tabTo(page, recipient, 'escalation: recipient');
  await page.keyboard.press('ArrowDown');
  await expect(recipient).not.toHaveValue('');
  await tabTo(page, page.getByRole('radiogroup', { name: 'Urgency' }).getByRole('radio').first(), 'escalation: urgency');
  await page.keyboard.press('Space');
  await tabTo(page, submit, 'escalation: submit');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/hits/${second}$`));

  const [requested] = await sql<{ status: string; objectiveFacts: string; necessity: string; email: string }>(
    `SELECT h.status, e."objectiveFacts", e.necessity, u.email FROM "Escalation" e JOIN "Hit" h ON h.id = e."hitId" JOIN "User" u ON u.id = e."requesterId" WHERE e."hitId" = $1`,
    [second],
  );
  expect(requested).toEqual({ status: 'ESCALATION_PENDING', objectiveFacts: FACTS, necessity: NECESSITY, email: analyst.email });
  // The hit again, now waiting for a supervisor (the toast says so); the next Tab carries on in
  // the main content, where the form was, with the focus visible.
  await expect(page.getByText('Escalation pending').first()).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await page.locator('main').evaluate((main) => main.contains(document.activeElement)), 'after the request, Tab stays in main').toBe(true);
  await expectVisibleFocus(page, 'first stop after the request');
});
