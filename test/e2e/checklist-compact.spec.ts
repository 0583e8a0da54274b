/**
 * Issue 12, "a checklist finished in a minute": one row per application with OK / Problème / Sans objet, the
 * comment box only on "Problème" or on request, the send button on screen without scrolling at 1366×768 with six
 * applications, and the "Consigne pour l'unité" shown to the ward with IT's comment collapsed under "Détails pour
 * les TI". The inventory is a real CSV read by the real core (test/e2e/world.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, SCREENSHOTS, test } from './fixtures';
import { answer, appCard, checkBlock } from './helpers';

const HEADER = 'Direction;Site;Service;Application;Plage de maintenance;Commentaire;Consigne pour l’unité;Transferts';
const ROWS = [
  'DSP;IUSMM;Laboratoire;GestLab;1er mercredi 2h-4h;Serveur SQL LAB-02, redémarrer le service GLB.;Fermez GestLab avant 2 h.;non',
  'DSP;IUSMM;Laboratoire;Cortex Omnitech;1er mercredi 2h-4h;L’interface doit être redémarrée manuellement.;;oui',
  'DSP;IUSMM;Laboratoire;Cobas IT;1er mercredi 2h-4h;;;non',
  'DSP;IUSMM;Laboratoire;Unity Real Time;1er mercredi 2h-4h;;;oui',
  'DSP;IUSMM;Laboratoire;Softlab;1er mercredi 2h-4h;;;non',
  'DSP;IUSMM;Laboratoire;Mediclick;1er mercredi 2h-4h;;Rien à faire avant la plage.;oui',
  // Not in the checklist (no window yet): the status window lists it, with its consigne.
  'DSP;IUSMM;Laboratoire;Accudose;À venir;Serveur à migrer (ticket 4412).;Plage à venir : rien à faire pour l’instant.;',
];
const INVENTORY = ['Liste des applications', 'Mise à jour : 2026-11-20', '', HEADER, ...ROWS, ''].join('\r\n');

/** The send button is entirely inside the viewport while the page is scrolled to the top. */
async function submitOnScreen(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = await page.getByTestId('submit').boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'the send button is laid out').not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

test.describe('compact checklist in the window’s own size (980×720, electron/shell/windows.ts)', () => {
  test.use({
    viewport: { width: 980, height: 720 },
    worldOptions: {
      start: '2026-12-02T04:00',
      profile: { site: 'IUSMM', services: ['Laboratoire'] },
      inventoryText: { name: 'inventaire.csv', text: INVENTORY },
    },
  });

  test('the checks go under the name, each with its visible label; the send button is still on screen', async ({
    page,
    world,
  }) => {
    await world.openChecklistForLastWindow();
    await page.goto('./#/checklist');
    await expect(page.locator('[data-testid^="app-"]')).toHaveCount(6);
    await submitOnScreen(page);
    const legend = checkBlock(page, 'Cortex Omnitech', 'transfers').locator('legend');
    await expect(legend).toBeVisible();
    expect((await legend.boundingBox())?.width).toBeGreaterThan(50);
    await answer(page, 'GestLab', 'starts', 'ok');
    await submitOnScreen(page);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'checklist-compact-980.png'), animations: 'disabled' });
  });
});

for (const lang of ['fr', 'en'] as const) {
  test.describe(`compact checklist, six applications, 1366×768 (${lang})`, () => {
    test.use({
      viewport: { width: 1366, height: 768 },
      worldOptions: {
        start: '2026-12-02T04:00',
        profile: { site: 'IUSMM', services: ['Laboratoire'] },
        inventoryText: { name: 'inventaire.csv', text: INVENTORY },
        language: lang,
      },
    });

    test(`one row per application, send button on screen, comment on demand (${lang})`, async ({
      page,
      world,
      incidents,
    }) => {
      const runId = await world.openChecklistForLastWindow();
      await page.goto('./#/checklist');
      const rows = page.locator('[data-testid^="app-"]');
      await expect(rows).toHaveCount(6);
      // The page is taller than the window: the send bar is what keeps the button on screen.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(768);
      await submitOnScreen(page);
      // One row per application: every check of a row sits on the row's first line (same top as the name).
      const first = appCard(page, 'Cortex Omnitech');
      const nameBox = await first.locator('h2').boundingBox();
      for (const id of ['starts', 'transfers'] as const) {
        const box = await checkBlock(page, 'Cortex Omnitech', id).getByTestId('choice-ok').boundingBox();
        expect(box && nameBox && Math.abs(box.y - nameBox.y) < 40, `${id} on the name's line`).toBe(true);
      }
      // The checks line up in columns from row to row (GestLab has no transfers check, Unity Real Time has).
      const left = async (application: string, id: 'starts' | 'transfers') =>
        (await checkBlock(page, application, id).boundingBox())?.x;
      expect(await left('GestLab', 'starts')).toBe(await left('Cortex Omnitech', 'starts'));
      expect(await left('Unity Real Time', 'transfers')).toBe(await left('Cortex Omnitech', 'transfers'));

      // No comment box until "Problème" or "Ajouter un commentaire".
      await expect(page.locator('textarea')).toHaveCount(0);
      await answer(page, 'GestLab', 'starts', 'ok');
      await answer(page, 'Cortex Omnitech', 'starts', 'ok');
      // What the window shows at 1366×768 (copied to docs/screenshots/ for the README).
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: path.join(SCREENSHOTS, `checklist-compact-${lang}.png`),
        animations: 'disabled',
        caret: 'hide',
      });
      await expect(checkBlock(page, 'GestLab', 'starts').locator('textarea')).toHaveCount(0);
      await answer(page, 'Cobas IT', 'starts', 'problem');
      await expect(checkBlock(page, 'Cobas IT', 'starts').locator('textarea')).toBeVisible();
      await expect(page.getByTestId('guidance-Cobas IT-starts')).toBeVisible();
      const softlab = checkBlock(page, 'Softlab', 'starts');
      await softlab.getByTestId('add-comment').click();
      const box = softlab.locator('textarea');
      await expect(box).toBeFocused();
      await box.fill('Lent au démarrage');
      await box.blur();
      await expect
        .poll(() => world.store.checklists.getRun(runId)?.items.find((i) => i.application === 'Softlab')?.comment)
        .toBe('Lent au démarrage');
      await submitOnScreen(page);

      // The consigne is what the ward reads; IT's comment waits, collapsed, under "Détails pour les TI".
      const gestlab = appCard(page, 'GestLab').getByTestId('instructions');
      await expect(gestlab).toContainText('Fermez GestLab avant 2 h.');
      const details = gestlab.getByTestId('it-details');
      await expect(details).not.toHaveAttribute('open');
      await expect(details.getByText('Serveur SQL LAB-02')).toBeHidden();
      await details.locator('summary').click();
      await expect(details.getByText('Serveur SQL LAB-02')).toBeVisible();
      // Without a consigne, IT's comment is the instruction itself, and there is nothing for IT to set apart.
      const cortex = appCard(page, 'Cortex Omnitech').getByTestId('instructions');
      await expect(cortex).toContainText('L’interface doit être redémarrée manuellement.');
      await expect(cortex.getByTestId('it-details')).toHaveCount(0);
      await expect(appCard(page, 'Cobas IT').getByTestId('instructions')).toHaveCount(0);

      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
      expect(results.passes.length).toBeGreaterThan(5);

      await details.locator('summary').click();
      await screenshot(page, `checklist-compact-full-${lang}`);
      expect(incidents).toEqual([]);
    });

    test(`a sent checklist reads as the same rows, answers as text (${lang})`, async ({ page, world }) => {
      const runId = await world.openChecklistForLastWindow();
      const view = await world.core.getChecklist(runId);
      for (const item of view?.items ?? []) {
        for (const check of item.checks) {
          await world.core.setCheck({ runId, application: item.application, check: check.id, result: 'ok' });
        }
      }
      await world.core.submitChecklist({ runId, initials: 'M.T.' });
      await page.goto(`./#/checklist/${runId}`);
      await expect(page.getByTestId('checklist-submitted')).toBeVisible();
      await expect(page.locator('[data-testid^="app-"]')).toHaveCount(6);
      await expect(page.locator('input[type="radio"], textarea, [data-testid="add-comment"]')).toHaveCount(0);
      await expect(page.getByTestId('submit')).toHaveCount(0);
      await expect(checkBlock(page, 'Cortex Omnitech', 'transfers')).toHaveAttribute('data-result', 'ok');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
      await screenshot(page, `checklist-compact-sent-${lang}`);
    });

    test(`the status window shows the consigne, IT's comment collapsed (${lang})`, async ({ page }) => {
      await page.goto('./#/status');
      const row = page.getByTestId('unscheduled').locator('tr', { hasText: 'Accudose' });
      await expect(row).toContainText('Plage à venir : rien à faire pour l’instant.');
      const details = row.getByTestId('it-details');
      await expect(details.getByText('Serveur à migrer (ticket 4412).')).toBeHidden();
      await details.locator('summary').click();
      await expect(details.getByText('Serveur à migrer (ticket 4412).')).toBeVisible();
    });
  });
}
