import { expect, type Download, type Locator, type Page } from '@playwright/test';

// The metrics dashboard as a user finds it: by roles and labels.
export class MetricsPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/metrics${query}`);
    await expect(this.page.getByRole('heading', { name: 'Metrics', level: 1 })).toBeVisible();
  }

  /** A chart's figure, named by its caption. */
  figure(title: string): Locator {
    return this.page.getByRole('figure', { name: title, exact: true });
  }

  /** A table, named by its caption. */
  table(caption: string | RegExp): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  /** The text of a row's cell in a table, the row found by its header. */
  cell(table: Locator, rowHeader: string, column: number): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: rowHeader, exact: true }) }).getByRole('cell').nth(column);
  }

  async preset(name: 'Last 7 days' | 'Last 30 days' | 'Last 12 months') {
    await this.page.getByRole('group', { name: 'Preset periods' }).getByRole('button', { name }).click();
  }

  async downloadCsv(title: string): Promise<string> {
    const download: Promise<Download> = this.page.waitForEvent('download');
    await this.figure(title).getByRole('link', { name: `Download CSV: ${title}` }).click();
    const chunks = (await (await (await download).createReadStream()).toArray()) as Buffer[];
    return Buffer.concat(chunks).toString('utf8');
  }
}
