import { expect, type Page } from '@playwright/test';

// The hit detail page: reveal and decision dialogs, found by role and label.
export class HitDetailPage {
  constructor(readonly page: Page) {}

  get id(): string {
    return new URL(this.page.url()).pathname.split('/').at(-1) ?? '';
  }

  async reveal(label: string, purpose: string) {
    await this.page.getByRole('button', { name: `Reveal ${label}` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: purpose }).check();
    await dialog.getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async clear(reason: string, note?: string) {
    await this.page.getByRole('button', { name: 'Clear as false positive' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: reason }).check();
    if (note) await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await dialog.getByRole('button', { name: 'Clear hit' }).click();
    await expect(dialog).toBeHidden();
  }
}
