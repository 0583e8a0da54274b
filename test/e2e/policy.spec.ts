/**
 * Issue 11: an invalid IT configuration is shown to IT in the status window, in French, and unlocks nothing.
 */
import { expect, test } from './fixtures';

test.use({
  worldOptions: {
    start: '2026-11-25T09:00',
    profile: { site: 'IUSMM', services: ['Laboratoire'] },
    policy: { allowQuit: 'non', constructor: 1 },
  },
});

test('says "Configuration TI invalide" with each problem, in French', async ({ page }) => {
  await page.goto('./#/status');
  const box = page.getByTestId('policy-problems');
  await expect(box).toContainText('Configuration TI invalide');
  await expect(box).toContainText('allowQuit : `allowQuit` doit être true ou false, pas « non »');
  await expect(box).toContainText('clé inconnue « constructor »');
});
