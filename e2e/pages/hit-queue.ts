import { expect, type Page } from '@playwright/test';

// The hit queue as a user finds it: by roles and labels.
export class HitQueuePage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/hits${query}`);
    await expect(this.table).toBeVisible();
    // The shortcuts and buttons are React's once the page has hydrated; a key pressed earlier is lost.
    await this.page.waitForLoadState('networkidle');
  }

  get table() {
    return this.page.getByRole('table', { name: /Hit queue/ });
  }

  get rows() {
    return this.table.locator('tbody tr[data-hit-id]');
  }

  async rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-hit-id') ?? ''));
  }

  async nextHit() {
    await this.page.getByRole('button', { name: 'Next hit' }).click();
    await this.page.waitForURL(/\/hits\/[0-9a-f-]{36}$/);
  }
}
