import { expect, type Locator, type Page } from '@playwright/test';

// The users screen and the password pages as a user finds them: by roles and labels.

export class UsersPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/users');
    await expect(this.page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  }

  get table() {
    return this.page.getByRole('table', { name: 'Users' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** Fills and submits "Create user"; answers the dialog now showing the initial password, and the password. */
  async create(user: { name: string; email: string; role: string; unit: string }): Promise<{ dialog: Locator; password: string }> {
    await this.page.getByRole('button', { name: 'Create user' }).click();
    const form = this.page.getByRole('dialog', { name: 'Create user' });
    await form.getByLabel('Name').fill(user.name);
    await form.getByLabel('Email').fill(user.email);
    await form.getByLabel('Role').selectOption({ label: user.role });
    await form.getByLabel('Unit').fill(user.unit);
    await form.getByRole('button', { name: 'Create user' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'User created' });
    const password = dialog.getByRole('textbox', { name: 'Initial password' });
    await expect(password).toBeFocused();
    return { dialog, password: await password.inputValue() };
  }

  async changeRole(name: string, role: string) {
    await this.row(name).getByRole('button', { name: `Change role of ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Change the role of ${name}` });
    await dialog.getByLabel('Role').selectOption({ label: role });
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The password form of /account and /account/password. */
export class PasswordForm {
  constructor(
    readonly page: Page,
    readonly currentLabel = 'Current password',
  ) {}

  async change(current: string, next: string) {
    await this.page.getByLabel(this.currentLabel, { exact: true }).fill(current);
    await this.page.getByLabel('New password', { exact: true }).fill(next);
    await this.page.getByLabel('New password again', { exact: true }).fill(next);
    await this.page.getByRole('button', { name: 'Change password' }).click();
  }
}
