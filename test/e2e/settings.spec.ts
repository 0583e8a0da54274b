/**
 * Issue 4, "Settings window": site and services chosen from the inventory's values (search as you type, several
 * services), saved through the real core; settings fixed by IT shown locked with the reason, and refused.
 */
import { expect, test } from './fixtures';

test.describe('first start', () => {
  test.use({ worldOptions: { start: '2026-12-01T09:00', profile: null } });

  test('site and two services are chosen by typing, saved in the store, and the status follows', async ({
    page,
    world,
  }) => {
    await page.goto('./#/settings');
    await expect(page.getByTestId('welcome')).toBeVisible();

    const site = page.getByRole('combobox');
    await site.fill('iusm');
    await expect(page.getByRole('option', { name: 'IUSMM' })).toBeVisible();
    await site.press('Enter');
    await expect(site).toHaveValue('IUSMM');

    const search = page.getByRole('searchbox');
    await search.fill('labo');
    await expect(page.getByTestId('services-options').getByRole('checkbox')).toHaveCount(1);
    await page.getByRole('checkbox', { name: 'Laboratoire' }).check();
    await search.fill('pharm');
    await page.getByRole('checkbox', { name: 'Pharmacie' }).check();
    await expect(page.getByTestId('services-selected')).toContainText('Laboratoire');
    await expect(page.getByTestId('services-selected')).toContainText('Pharmacie');

    await page.getByTestId('save').click();
    await expect(page.getByTestId('settings-notice')).toHaveText('Paramètres enregistrés.');
    expect(world.settings.profile()).toEqual({ site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] });
    expect(world.store.settings.get('site')).toBe('IUSMM');

    await page.getByTestId('nav-status').click();
    await expect(page.getByTestId('profile')).toContainText('IUSMM');
    await expect(page.getByTestId('upcoming')).toContainText('GespharX IUSMM');
  });
});

test.describe('settings fixed by IT', () => {
  test.use({
    worldOptions: {
      start: '2026-12-01T09:00',
      profile: { site: 'IUSMM', services: ['Laboratoire'] },
      policy: { site: 'IUSMM', language: 'fr' },
    },
  });

  test('are shown locked with the reason, cannot be changed, and the rest still saves', async ({ page, world }) => {
    await page.goto('./#/settings');
    await expect(page.getByTestId('site-locked')).toContainText('Fixé par les TI (configuration du poste)');
    await expect(page.getByTestId('language-locked')).toContainText('Fixé par les TI (configuration du poste)');
    await expect(page.getByRole('combobox')).toBeDisabled();
    await expect(page.getByTestId('language-en')).toBeDisabled();
    // Not locked: services and reminders.
    await expect(page.getByTestId('services-locked')).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Nutrition' }).check();
    await page.getByTestId('save').click();
    await expect(page.getByTestId('settings-notice')).toBeVisible();
    expect(world.settings.effective().services).toEqual(['Laboratoire', 'Nutrition']);

    // The core refuses a locked key even if a window sent it anyway; the page gets a plain French sentence.
    const refused = await page.evaluate(async () => {
      try {
        await window.vigie?.saveSettings({ language: 'en' });
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(refused).toMatch(/^Impossible de modifier la langue/);
    expect(world.settings.effective().language).toBe('fr');
  });
});

test.describe('times of day', () => {
  test.use({ worldOptions: { start: '2026-12-01T09:00', profile: { site: 'IUSMM', services: ['Pharmacie'] } } });

  test('are typed as people write them ("7 h 30"), shown as 24-hour HH:MM, and a wrong one is refused', async ({
    page,
    world,
  }) => {
    await page.goto('./#/settings');
    const dayBefore = page.getByLabel('Heure du rappel de la veille');
    // Not the browser's time field: its AM/PM display followed the OS, not the window's language.
    await expect(dayBefore).toHaveAttribute('type', 'text');
    await expect(dayBefore).toHaveValue('10:00');
    await dayBefore.fill('7 h 30');
    await dayBefore.press('Tab');
    await expect(dayBefore).toHaveValue('07:30');

    await page.getByTestId('hours-Pharmacie').getByRole('radio', { name: 'Au début des quarts de travail' }).check();
    const shift = page.getByLabel('Début du quart 1');
    await shift.fill('25 h');
    await shift.press('Tab');
    await expect(shift).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('save').click();
    await expect(page.getByTestId('settings-problems')).toContainText('Pharmacie');
    expect(world.settings.effective().reminders).not.toContainEqual({ kind: 'day-before', at: '07:30' });

    await shift.fill('23h');
    await page.getByTestId('save').click();
    await expect(page.getByTestId('settings-notice')).toHaveText('Paramètres enregistrés.');
    expect(world.settings.effective().reminders).toContainEqual({ kind: 'day-before', at: '07:30' });
    expect(world.settings.effective().serviceHours.Pharmacie).toEqual({
      twentyFourSeven: false,
      shiftStarts: ['23:00'],
    });
  });
});
