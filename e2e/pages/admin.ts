import { expect, type Locator, type Page } from '@playwright/test';

// The administrator's screens as a user finds them: by roles and labels.

export class ApiTokensPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/api-tokens');
    await expect(this.page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
  }

  get table() {
    return this.page.getByRole('table', { name: 'API tokens' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  get createButton() {
    return this.page.getByRole('button', { name: 'Create token' });
  }

  /** Opens "Create token"; the dialog, found by its title. */
  async openCreate(): Promise<Locator> {
    await this.createButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Create API token' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Fills and submits the form; answers the dialog now showing the secret, and the secret. */
  async create(name: string, scopes: readonly string[]): Promise<{ dialog: Locator; secret: string }> {
    const form = await this.openCreate();
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    for (const scope of scopes) await form.getByRole('checkbox', { name: new RegExp(`^${scope}\\b`) }).check();
    await form.getByRole('button', { name: 'Create token' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'API token created' });
    const secret = dialog.getByRole('textbox', { name: 'Secret' });
    // Focus moves to the secret, the one thing to do next.
    await expect(secret).toBeFocused();
    return { dialog, secret: await secret.inputValue() };
  }

  async revoke(name: string) {
    await this.row(name).getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = this.page.getByRole('alertdialog', { name: 'Revoke API token' });
    await expect(confirm).toContainText(name);
    await expect(confirm).toContainText('cannot be undone');
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await expect(confirm).toBeHidden();
  }
}

export class WatchlistsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/watchlists');
    await expect(this.page.getByRole('heading', { name: 'Watchlists', level: 1 })).toBeVisible();
  }

  get table() {
    return this.page.getByRole('table', { name: 'Watchlists' });
  }

  /** Opens the import dialog of one source. */
  async openImport(code: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Import OFAC sdn.csv into ${code}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Import OFAC sdn.csv into ${code}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Opens the match-threshold dialog of one source. */
  async openThreshold(code: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Match threshold of ${code}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Match threshold: ${code}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Chooses the file through its labelled input and starts the import. */
  async startImport(dialog: Locator, file: string) {
    await dialog.getByLabel('OFAC sdn.csv file').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  }
}
