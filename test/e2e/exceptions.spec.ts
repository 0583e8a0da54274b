/**
 * Issue 13, "Exceptions to the calendar": the status window lists a window the Exceptions table cancelled or moved
 * away with its motif ("mercredi 6 janvier : annulée — gel des Fêtes"), and the moved window where it now is; axe
 * finds nothing to fix in French nor in English.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, screenshot, test } from './fixtures';

const INVENTORY = {
  format: 'vigie-inventory',
  version: 1,
  publishedAt: '2026-11-30',
  applications: [
    { site: 'IUSMM', service: 'Laboratoire', application: 'GestLab', schedule: '1er mercredi 2h-4h' },
    { site: 'IUSMM', service: 'Laboratoire', application: 'Cobas IT', schedule: '3e mercredi 2h-4h' },
  ],
  exceptions: [
    { site: 'IUSMM', from: '2026-12-28', to: '2027-01-08', action: 'annulée', reason: 'gel des Fêtes' },
    {
      application: 'GestLab',
      from: '2027-02-03',
      action: 'reportée',
      newWindow: '17 février 2027 2h-4h',
      reason: 'inventaire annuel',
    },
  ],
};

const EXPECTED = {
  fr: {
    cancelled: 'mercredi 6 janvier : annulée — gel des Fêtes',
    movedAway: 'mercredi 3 février : reportée au mercredi 17 février — inventaire annuel',
    moved: 'mercredi 17 février, 2 h – 4 h',
    note: 'Plage reportée — inventaire annuel',
  },
  en: {
    cancelled: 'Wednesday, January 6: cancelled — gel des Fêtes',
    movedAway: 'Wednesday, February 3: moved to Wednesday, February 17 — inventaire annuel',
    moved: 'Wednesday, February 17, 2:00 – 4:00 a.m.',
    note: 'Window moved here — inventaire annuel',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test.describe(`status window (${lang})`, () => {
    test.use({
      worldOptions: {
        start: '2026-12-20T09:00',
        profile: { site: 'IUSMM', services: ['Laboratoire'] },
        language: lang,
        inventoryText: { name: 'inventaire.json', text: JSON.stringify(INVENTORY) },
      },
    });

    test(`cancelled and moved windows are listed with their motif, not as windows to prepare for (${lang})`, async ({
      page,
    }) => {
      const text = EXPECTED[lang];
      await page.goto('./#/status');
      const upcoming = page.getByTestId('upcoming');
      const cancelled = upcoming.locator('[data-cancelled="cancelled"]');
      await expect(cancelled).toHaveCount(1);
      await expect(cancelled.getByRole('heading')).toHaveText(text.cancelled);
      await expect(cancelled).toContainText('GestLab (Laboratoire)');
      await expect(upcoming.locator('[data-cancelled="moved"]').getByRole('heading')).toHaveText(text.movedAway);
      const moved = upcoming.locator('li.window-item', { has: page.locator('[data-exception="moved"]') });
      await expect(moved.getByRole('heading')).toHaveText(text.moved);
      await expect(moved).toContainText(text.note);
      await expect(moved).toContainText('Cobas IT');
      await expect(moved).toContainText('GestLab');
      // The regular windows around them are unchanged.
      await expect(upcoming.locator('li.window-item[data-start^="2027-01-20"]')).toContainText('Cobas IT');
      await expect(upcoming.locator('li.window-item[data-start^="2027-03-03"]')).toContainText('GestLab');

      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(5);
      await screenshot(page, `status-exceptions-${lang}`);
    });
  });
}
