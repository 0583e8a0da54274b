/**
 * Issue 4: "Nothing from the inventory is ever rendered as HTML". An inventory whose names and comments hold markup
 * and script: every window shows it as text, no element is created from it, nothing runs.
 */
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { SAMPLE_INVENTORY } from './world';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const APP = 'GestLab <b>gras</b>';

const csv = fs
  .readFileSync(SAMPLE_INVENTORY, 'utf8')
  .replace(
    'DSP,IUSMM,Laboratoire,GestLab,1er mercredi 2h-4h,Sera fait en novembre. Le serveur de base de données héberge des applications autres que cliniques.',
    `DSP,IUSMM,Laboratoire,${APP},1er mercredi 2h-4h,"Redémarrez l'interface ${IMG} puis vérifiez."`,
  )
  .replace(
    'DSP,IUSMM,Pharmacie,Accudose,À venir (voir commentaire),Reste à confirmer',
    `DSP,IUSMM,Pharmacie,Accudose,À venir (voir commentaire),${SCRIPT} Reste à confirmer`,
  );

test.use({
  worldOptions: {
    start: '2026-12-02T04:30',
    profile: { site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] },
    inventoryText: { name: 'inventaire.csv', text: csv },
  },
});

test('markup in the inventory is shown as text in the checklist and the status', async ({ page, world, incidents }) => {
  expect(csv).toContain(IMG);
  expect(csv).toContain(SCRIPT);
  await world.openChecklistForLastWindow();
  await page.goto('./#/checklist');
  const card = page.getByTestId(`app-${APP}`);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(APP);
  await expect(card.getByTestId('instructions')).toContainText(`Redémarrez l'interface ${IMG} puis vérifiez.`);
  await expect(page.locator('main img, main b, main script')).toHaveCount(0);

  await page.goto('./#/status');
  await expect(page.getByTestId('unscheduled')).toContainText(`${SCRIPT} Reste à confirmer`);
  await expect(page.getByTestId('upcoming')).toContainText(APP);
  await expect(page.locator('main img, main b, main script')).toHaveCount(0);
  // Nothing ran: no alert dialog, no page error.
  expect(incidents).toEqual([]);
});
