import { expect, type Locator, type Page } from '@playwright/test';

// Keyboard-only helpers: where the focus is, whether a user can see it, and moving it with Tab
// as a user would (never with locator.focus() or a click).

/** The focused element, described for failure messages; its focus indicator as computed. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return { focused: false, indicator: false, description: 'nothing (the body)' };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const box = element.getBoundingClientRect();
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 50) ?? '';
    return {
      focused: true,
      // An indicator on an element that takes up no room (an sr-only link) is not seen.
      indicator: (outline || shadow) && box.width > 0 && box.height > 0,
      description: `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}> “${name}” (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}, ${Math.round(box.width)}×${Math.round(box.height)})`,
    };
  });
}

/** Something has the focus, and it shows: an outline or a box-shadow on an element with a size. */
export async function expectVisibleFocus(page: Page, step: string): Promise<void> {
  const state = await focusState(page);
  expect(state.focused && state.indicator, `${step}: the focus must be visible; it is on ${state.description}`).toBe(true);
}

export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement).catch(() => false);
}

/** Presses Tab until the target has the focus, checking the focus is visible at every stop. */
export async function tabTo(page: Page, target: Locator, step: string, { max = 40, backwards = false } = {}): Promise<void> {
  for (let presses = 0; !(await isFocused(target)); presses += 1) {
    expect(presses, `${step}: not reached within ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`).toBeLessThan(max);
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page, `${step} (press ${presses + 1})`);
  }
}

/** Tab and Shift+Tab around the open dialog more times than it has controls: the focus never leaves it. */
export async function expectFocusTrapped(page: Page, dialog: Locator, step: string): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let press = 1; press <= 12; press += 1) {
      await page.keyboard.press(key);
      const inside = await dialog.evaluate((element) => element.contains(document.activeElement));
      expect(inside, `${step}: ${key} press ${press} took the focus out of the dialog`).toBe(true);
      await expectVisibleFocus(page, `${step}: ${key} press ${press}`);
    }
  }
}

/**
 * Presses a single-key shortcut once the page listens for shortcuts (<html data-shortcuts="on">,
 * set by useShortcuts). A key pressed before hydration, or while a dialog holds the page, is lost.
 */
export async function pressShortcut(page: Page, key: string): Promise<void> {
  await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
  await page.keyboard.press(key);
}
