/**
 * Issue 4, "A full flow": the window ends → the checklist lists exactly the service's affected applications → ticks
 * survive a reload → a problem at 05:30 that a restart did not fix → CDA 3050; the same at 10:00 → CSI 5656 →
 * submit with initials → the run is in the store with every result (read straight from SQLite), and the agent
 * delivers the report file into IT's (temp) reports folder, valid against the report schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { VerificationReportSchema } from '../../shared/reports/types';
import { expect, screenshot, test } from './fixtures';
import { answer, appCard as card, checkBlock as check } from './helpers';

test('full flow: window ends, ticks survive a reload, problem guidance by the clock, submit stored', async ({
  page,
  world,
  incidents,
}) => {
  // 04:00: the 2h–4h window of Wednesday December 2nd is over; the scheduler opens its checklist.
  const runId = await world.openChecklistForLastWindow();
  await page.goto('./#/checklist');

  await expect(page.getByTestId('checklist-title')).toHaveText(
    'Vérification après la plage du mercredi 2 décembre, 2 h – 4 h',
  );
  await expect(page.getByTestId('checklist')).toHaveAttribute('data-run', runId);
  // Exactly the Laboratoire applications of that window (Cobas IT is on the 3rd Wednesday).
  await expect(page.locator('[data-testid^="app-"]')).toHaveCount(3);
  await expect(page.locator('[data-testid^="app-"] h2')).toHaveText([
    'Cortex Omnitech',
    'GestLab',
    'Unity Real Time IUSMM',
  ]);
  // The data-exchange check only where the inventory says so, and the comment as instructions.
  await expect(card(page, 'Cortex Omnitech').locator('[data-testid^="check-"]')).toHaveCount(2);
  await expect(card(page, 'GestLab').locator('[data-testid^="check-"]')).toHaveCount(1);
  await expect(card(page, 'Cortex Omnitech').getByTestId('instructions')).toContainText(
    "L'interface pour le transfert des données doit être redémarrées manuellement.",
  );
  await screenshot(page, 'flow-checklist');

  await answer(page, 'Cortex Omnitech', 'starts', 'ok');
  await answer(page, 'Cortex Omnitech', 'transfers', 'na');

  // A closed window or a crash resumes exactly where it stopped.
  await page.reload();
  await expect(check(page, 'Cortex Omnitech', 'starts')).toHaveAttribute('data-result', 'ok');
  await expect(check(page, 'Cortex Omnitech', 'transfers')).toHaveAttribute('data-result', 'na');
  await expect(check(page, 'Cortex Omnitech', 'starts').getByTestId('choice-ok')).toBeChecked();
  await expect(check(page, 'GestLab', 'starts')).toHaveAttribute('data-result', 'none');

  // 05:30: GestLab does not start; restarting it did not help → the CDA.
  world.clock.set('2026-12-02T05:30');
  await answer(page, 'GestLab', 'starts', 'problem');
  const guidance = page.getByTestId('guidance-GestLab-starts');
  await expect(guidance).toContainText("Fermez et redémarrez l'application");
  await guidance.getByTestId('restart-not-fixed').click();
  await expect(check(page, 'GestLab', 'starts')).toHaveAttribute('data-restart', 'not-fixed');
  await expect(guidance.getByTestId('guidance-contact-name')).toHaveText('CDA');
  await expect(guidance.getByTestId('guidance-contact-phone')).toContainText('3050');
  await expect(guidance.getByTestId('guidance-script')).toContainText('GestLab');
  await guidance.scrollIntoViewIfNeeded();
  await screenshot(page, 'flow-guidance');

  // 10:00: the same problem, looked at again → the CSI.
  world.clock.set('2026-12-02T10:00');
  await guidance.getByRole('button', { name: 'Revoir qui appeler à l’heure qu’il est' }).click();
  await expect(guidance.getByTestId('guidance-contact-name')).toHaveText('CSI');
  await expect(guidance.getByTestId('guidance-contact-phone')).toContainText('5656');

  await answer(page, 'Unity Real Time IUSMM', 'starts', 'ok');
  await page.getByTestId('submit-initials').fill('M.T.');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('checklist-submitted')).toContainText('M.T.');

  // What the core stored, read from the database itself.
  const run = world.store.checklists.getRun(runId);
  expect(run).toMatchObject({ status: 'submitted', submittedBy: 'M.T.', submittedAt: '2026-12-02T15:00:00.000Z' });
  expect(
    run?.items.map((i) => ({
      application: i.application,
      check: i.checkId,
      result: i.result,
      restart: i.restart,
      contact: (i.contact as { contact?: { name: string; phone: string | null } } | null)?.contact ?? null,
    })),
  ).toEqual([
    { application: 'Cortex Omnitech', check: 'starts', result: 'ok', restart: null, contact: null },
    { application: 'Cortex Omnitech', check: 'transfers', result: 'na', restart: null, contact: null },
    {
      application: 'GestLab',
      check: 'starts',
      result: 'problem',
      restart: 'not-fixed',
      contact: expect.objectContaining({ name: 'CSI', phone: '5656' }),
    },
    { application: 'Unity Real Time IUSMM', check: 'starts', result: 'ok', restart: null, contact: null },
  ]);
  // The agent delivers the report at once (its reaction to the submit), into IT's (temp) reports folder: the file
  // is a report as the fleet report reads it, for this run, with every answer.
  await world.settled();
  expect(world.reports.pending()).toBe(0);
  const delivered = fs
    .readdirSync(world.reportsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'));
  expect(delivered).toHaveLength(1);
  const report = VerificationReportSchema.parse(
    JSON.parse(fs.readFileSync(path.join(world.reportsDir, delivered[0] ?? ''), 'utf8')),
  );
  expect(report).toMatchObject({
    initials: 'M.T.',
    site: 'IUSMM',
    services: ['Laboratoire'],
    appVersion: '0.1.0-essai',
    submittedAt: '2026-12-02T10:00:00-05:00',
  });
  expect([report.window.start, report.window.end].map((t) => DateTime.fromISO(t).toMillis())).toEqual([
    DateTime.fromISO('2026-12-02T02:00:00-05:00').toMillis(),
    DateTime.fromISO('2026-12-02T04:00:00-05:00').toMillis(),
  ]);
  expect(report.items.flatMap((i) => i.checks.map((c) => `${i.application}/${c.id}=${c.result}`))).toEqual([
    'Cortex Omnitech/starts=ok',
    'Cortex Omnitech/transfers=na',
    'GestLab/starts=problem',
    'Unity Real Time IUSMM/starts=ok',
  ]);
  expect(incidents).toEqual([]);
});

test('a problem fixed by restarting is recorded as such, without a contact', async ({ page, world }) => {
  world.clock.set('2026-12-02T05:30');
  const runId = await world.openChecklistForLastWindow();
  await page.goto('./#/checklist');
  await answer(page, 'GestLab', 'starts', 'problem');
  await page.getByTestId('restart-fixed').click();
  await expect(page.getByTestId('restart-resolved')).toBeVisible();
  await expect(page.getByTestId('guidance-help')).toHaveCount(0);
  const item = world.store.checklists.getRun(runId)?.items.find((i) => i.application === 'GestLab');
  expect(item).toMatchObject({ result: 'problem', restart: 'fixed', contact: null });
});

test('submitting is refused while checks are unanswered, and the missing ones are listed', async ({ page, world }) => {
  const runId = await world.openChecklistForLastWindow();
  await page.goto('./#/checklist');
  await answer(page, 'GestLab', 'starts', 'ok');
  await page.getByTestId('submit-initials').fill('JD');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('missing-checks')).toContainText('Il reste 3 vérifications sans réponse');
  expect(world.store.checklists.getRun(runId)?.status).toBe('open');
});

test('a checklist window opened before anything is due picks the run up when the core announces it', async ({
  page,
  world,
}) => {
  world.clock.set('2026-12-02T03:55');
  await page.goto('./#/checklist');
  await expect(page.getByTestId('checklist-none')).toBeVisible();
  world.clock.set('2026-12-02T04:00');
  // The agent reaches the window's end: its scheduler opens the run and its broadcast tells the open window.
  const runId = await world.openChecklistForLastWindow();
  expect(world.windows.filter((w) => w === 'checklist')).toHaveLength(1);
  expect(world.notifier.shown.map((n) => `${n.kind}@${n.at}`)).toContain('checklist@2026-12-02T04:00:00-05:00');
  await expect(page.getByTestId('checklist')).toHaveAttribute('data-run', runId);
});
