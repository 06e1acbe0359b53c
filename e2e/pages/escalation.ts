import { expect, type Page } from '@playwright/test';

export const FACTS =
  'Family name, year of birth and passport series agree with the listed person; the booking was paid in cash two hours before departure.';
export const NECESSITY =
  'The flight leaves within hours; the recipient needs identity and itinerary to act on the alert, and no less intrusive source gives them in time.';

// The analyst's escalation request form, found by its labels.
export async function requestEscalation(page: Page, hitId: string) {
  await page.goto(`/hits/${hitId}`);
  await page.getByRole('link', { name: 'Request escalation' }).click();
  await expect(page.getByRole('heading', { name: 'Request escalation', level: 1 })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Legal basis' }).getByRole('radio').first().check();
  await page.getByLabel('Offence category').selectOption('terrorism');
  await page.getByLabel('Objective facts').fill(FACTS);
  await page.getByLabel('Necessity and proportionality').fill(NECESSITY);
  await page.getByRole('group', { name: 'Data to disclose' }).getByRole('checkbox').first().check();
  await page.getByLabel('Recipient authority').selectOption({ index: 1 });
  await page.getByRole('radiogroup', { name: 'Urgency' }).getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await page.waitForURL(new RegExp(`/hits/${hitId}$`));
  await expect(page.getByRole('heading', { name: 'Escalation' })).toBeVisible();
}
