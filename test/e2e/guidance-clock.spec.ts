/**
 * Issue 4, "Problem guidance": the contact follows the core's clock (06:55 → CDA, 07:05 → CSI), and while the window
 * is still running the answer is "retry after its end", not a phone number.
 */
import { expect, test } from './fixtures';
import { openChecklistForCurrentWindow, problemNotFixed } from './helpers';

test('the same problem at 06:55 gets the CDA, at 07:05 the CSI', async ({ page, world }) => {
  world.clock.set('2026-12-02T06:55');
  await world.openChecklistForLastWindow();
  await page.goto('./#/checklist');
  const guidance = await problemNotFixed(page, 'GestLab');
  await expect(guidance.getByTestId('guidance-contact-name')).toHaveText('CDA');
  await expect(guidance.getByTestId('guidance-contact-phone')).toContainText('3050');
  await expect(guidance).toContainText('Entre 4 h et 7 h');

  world.clock.set('2026-12-02T07:05');
  // The nurse comes back to the window ten minutes later: focus asks the core again.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(guidance.getByTestId('guidance-contact-name')).toHaveText('CSI');
  await expect(guidance.getByTestId('guidance-contact-phone')).toContainText('5656');

  // And a reload shows the 07:05 answer straight away.
  await page.reload();
  await expect(page.getByTestId('guidance-GestLab-starts').getByTestId('guidance-contact-name')).toHaveText('CSI');
});

test('while the window is still in progress: retry after its end, no one to call yet', async ({ page, world }) => {
  world.clock.set('2026-12-02T03:10');
  await openChecklistForCurrentWindow(world);
  await page.goto('./#/checklist');
  const guidance = await problemNotFixed(page, 'Cortex Omnitech', 'transfers');
  await expect(guidance.getByTestId('guidance-retry')).toHaveText(
    /^La plage est encore en cours : réessayez après 4 h/,
  );
  await expect(guidance.getByTestId('guidance-contact')).toHaveCount(0);
  await expect(guidance.getByTestId('guidance-script')).toHaveCount(0);

  // Once it is over, the same panel names the CDA.
  world.clock.set('2026-12-02T04:20');
  await guidance.getByRole('button', { name: 'Revoir qui appeler à l’heure qu’il est' }).click();
  await expect(guidance.getByTestId('guidance-contact-name')).toHaveText('CDA');
  await expect(guidance.getByTestId('guidance-retry')).toHaveCount(0);
});
