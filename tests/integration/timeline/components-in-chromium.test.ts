import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type HarnessBrowser } from '../../bench/timeline/harness-browser';

/** The real components in Chromium (the bench's harness page), driven like a user would. */
describe('timeline components in Chromium', () => {
  let harness: HarnessBrowser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    page = await harness.open();
    await page.evaluate(() => window.timelineBench.load(100_000, 16));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the canvas as an image named "Task timeline" with a text summary', async () => {
    const canvas = page.getByRole('img', { name: 'Task timeline' });
    await expect.poll(() => canvas.getAttribute('tabindex')).toBe('0');
    const summaryId = await canvas.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${summaryId}"]`).textContent()).toMatch(/^100000 tasks on 16 lanes/);
  });

  it('lists 100,000 tasks in a table that renders only a screenful of rows', async () => {
    const grid = page.getByRole('grid', { name: 'Tasks' });
    expect(await grid.getAttribute('aria-rowcount')).toBe('100001');
    const rendered = await grid.locator('tbody tr:not(.pad)').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  });

  it('selects a task from the keyboard in the table and shows its details', async () => {
    const grid = page.getByRole('grid', { name: 'Tasks' });
    await grid.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Task details' });
    await expect.poll(() => details.textContent()).toContain('Task #99999');
    expect(await grid.locator('tr[aria-selected="true"]').textContent()).toContain('#99999');
  });

  it('zooms with keys on the focused canvas and fits again with 0', async () => {
    const range = page.getByRole('toolbar', { name: 'Timeline view' }).getByText(/ – /);
    const fit = page.getByRole('button', { name: 'Fit' });
    await fit.click();
    const whole = await range.textContent();
    await page.getByRole('img', { name: 'Task timeline' }).focus();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => range.textContent()).not.toBe(whole);
    expect(await fit.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('0');
    await expect.poll(() => range.textContent()).toBe(whole);
    expect(await fit.getAttribute('aria-pressed')).toBe('true');
  });

  it('shows a tooltip for the task under the pointer and selects it on click', async () => {
    const task = await page.evaluate(() => window.timelineBench.firstTaskWith('timeout', 1_000));
    const point = await page.evaluate((index) => window.timelineBench.focusTask(index, 20), task);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    const tooltip = page.getByRole('tooltip');
    await expect.poll(() => tooltip.textContent()).toContain(`Task #${task}`);
    expect(await tooltip.textContent()).toContain('timeout');
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => page.getByRole('region', { name: 'Task details' }).textContent()).toContain(`Task #${task}`);
  });

  it('draws with the colours of the colour scheme', async () => {
    const dark = await harness.open({ colorScheme: 'dark' });
    try {
      await dark.evaluate(() => window.timelineBench.load(1_000, 4));
      const corner = (p: Page) =>
        p.evaluate(() => Array.from(document.querySelector('canvas')!.getContext('2d')!.getImageData(2, 40, 1, 1).data.slice(0, 3)));
      const lightPixel = await corner(page);
      const darkPixel = await corner(dark);
      const brightness = (rgb: number[]) => rgb.reduce((sum, c) => sum + c, 0) / 3;
      expect(brightness(lightPixel)).toBeGreaterThan(200);
      expect(brightness(darkPixel)).toBeLessThan(60);
    } finally {
      await dark.context().close();
    }
  });
});
