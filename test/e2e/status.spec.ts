/**
 * Issue 4, "Status window": the current state, the next windows (3 months) with their applications, the services'
 * "À venir" / "Pas touché" applications, the inventory's freshness, and past verifications with their results.
 */
import { expect, test } from './fixtures';

test.use({
  worldOptions: { start: '2026-12-02T03:00', profile: { site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] } },
});

test('shows the window in progress, the next ones, the unscheduled applications and the inventory', async ({
  page,
}) => {
  await page.goto('./#/status');
  await expect(page.getByTestId('current-window')).toContainText('mercredi 2 décembre, 2 h – 4 h');
  await expect(page.getByTestId('current-window')).toContainText('GespharX IUSMM');
  await expect(page.getByTestId('tray-state')).toHaveAttribute('data-state', 'in-progress');
  const upcoming = page.getByTestId('upcoming');
  await expect(upcoming).toContainText('mercredi 16 décembre, 2 h – 4 h');
  await expect(upcoming).toContainText('Cobas IT');
  await expect(upcoming).toContainText('mercredi 17 février, 2 h – 4 h');
  await expect(upcoming).not.toContainText('3 mars');
  const unscheduled = page.getByTestId('unscheduled');
  await expect(unscheduled.getByRole('row')).toHaveCount(6); // header + 5 Pharmacie applications
  await expect(unscheduled).toContainText('Accudose');
  await expect(unscheduled).toContainText('Reste à confirmer');
  await expect(page.getByTestId('inventory-freshness')).toContainText('Inventaire du 28 septembre 2018');
  await expect(page.getByTestId('inventory')).toHaveAttribute('data-state', 'ok');
  // Synced, but published in 2018: amber and "à faire confirmer", never the green "ok" (issue 12).
  await expect(page.getByTestId('inventory-freshness')).toHaveAttribute('data-tone', 'warn');
  await expect(page.getByTestId('inventory-stale')).toHaveText(
    'Inventaire du 28 septembre 2018 : à faire confirmer par les TI (publié il y a plus de 12 mois).',
  );
});

test('lists past verifications with their results and links to the pending one', async ({ page, world }) => {
  world.clock.set('2026-12-02T04:05');
  const runId = await world.openChecklistForLastWindow();
  await world.core.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
  await world.core.setCheck({ runId, application: 'GespharX IUSMM', check: 'starts', result: 'ok' });
  await page.goto('./#/status');
  await expect(page.getByTestId('tray-state')).toHaveAttribute('data-state', 'verification-due');
  await expect(page.getByTestId('pending-checklist')).toContainText('mercredi 2 décembre, 2 h – 4 h');
  const history = page.getByTestId('history');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('1 OK · 1 problème(s) · 0 sans objet · 3 sans réponse');

  await page.getByTestId('pending-checklist').getByRole('link').click();
  await expect(page.getByTestId('checklist')).toHaveAttribute('data-run', runId);
});

test('sync now reports the inventory as current again', async ({ page }) => {
  await page.goto('./#/status');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-done')).toBeVisible();
  await expect(page.getByTestId('inventory')).toHaveAttribute('data-state', 'ok');
});

test('an open status window follows the agent: the window ends and the verification is due, without a reload', async ({
  page,
  world,
}) => {
  await page.goto('./#/status');
  await expect(page.getByTestId('tray-state')).toHaveAttribute('data-state', 'in-progress');
  world.clock.set('2026-12-02T04:05');
  await world.tick();
  await expect(page.getByTestId('tray-state')).toHaveAttribute('data-state', 'verification-due');
  await expect(page.getByTestId('current-window')).toHaveCount(0);
});
