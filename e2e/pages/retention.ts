import { expect, type Locator, type Page } from '@playwright/test';

// The retention screen (/admin/retention) as a user finds it: by roles and labels.

export class RetentionPage {
  constructor(readonly page: Page) {}

  async goto() {
    const response = await this.page.goto('/admin/retention');
    await expect(this.page.getByRole('heading', { name: 'Retention', level: 1 })).toBeVisible();
    // The buttons and forms are React's once the page has hydrated; a click earlier would be lost.
    await this.page.waitForLoadState('networkidle');
    return response;
  }

  get policies() {
    return this.page.getByRole('table', { name: 'Retention policies' });
  }

  get runs() {
    return this.page.getByRole('table', { name: 'Retention runs' });
  }

  get holds() {
    return this.page.getByRole('table', { name: 'Records held past their erasure date' });
  }

  /** A data class's row, found by its name at the start of the row header. */
  policyRow(name: string): Locator {
    return this.policies.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  }

  editButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Edit ${name}` });
  }

  /** Opens a class's Edit dialog; the dialog, found by its title. */
  async openEdit(name: string): Promise<Locator> {
    await this.editButton(name).click();
    const dialog = this.page.getByRole('dialog', { name: `Edit retention: ${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  get dryRunButton() {
    return this.page.getByRole('button', { name: 'Dry run', exact: true });
  }

  get runNowButton() {
    return this.page.getByRole('button', { name: 'Run now', exact: true });
  }

  get result() {
    return this.page.getByRole('region', { name: /^Result of the (dry run|retention run)$|^The retention run (did not finish|was stopped)$/ });
  }
}
