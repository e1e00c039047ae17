import { PRESETS } from '../../shared/presets';
import { expect, test } from './fixtures/app-test';
import { HomePage } from './pages/home-page';

test('the start page lists every built-in scenario through the API', async ({ page }, testInfo) => {
  const home = new HomePage(page);
  await expect(page).toHaveTitle('Concurrency Explorer');
  await expect(home.heading).toBeVisible();
  await expect(home.builtInScenarios.getByRole('listitem')).toHaveCount(PRESETS.length);
  for (const preset of PRESETS) await expect(home.scenarioTitled(preset.title)).toBeVisible();
  await testInfo.attach('start-page', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('the page keeps working after a reload, without the token in its address', async ({ page }) => {
  const home = new HomePage(page);
  await expect(home.builtInScenarios).toBeVisible();
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(home.builtInScenarios.getByRole('listitem')).toHaveCount(PRESETS.length);
});

test('the page says so at once when the browser host goes away', async ({ page, host }) => {
  test.skip(host === null, 'only the browser host has a connection to lose');
  const home = new HomePage(page);
  await expect(home.builtInScenarios).toBeVisible();
  const lost = home.connectionLost;
  await expect(lost).toHaveCount(0);
  await host!.stop();
  await expect(lost).toBeVisible();
  await expect(lost).toContainText('open the address it prints');
});
