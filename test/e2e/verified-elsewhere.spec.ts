/**
 * Issue 12, "One verification per service and window": the status window of a PC whose window another workstation
 * already verified shows "Vérification faite par PC-LAB-1 (MT) à 4 h 30" instead of a checklist to do, lets the
 * person look at that report (read-only) and verify again anyway — keyboard only, axe 0 violations, fr and en.
 * The report is a real file written by the real writer into the world's reports folder and found by the agent's
 * real share reader (electron/core/verified/watcher.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ReportWriter } from '../../electron/core/reports/writer';
import { silentLogger } from '../../electron/core/store';
import { VerifiedWatcher } from '../../electron/core/verified/watcher';
import { dueHere } from '../../electron/core/verified/wiring';
import type { VerificationReport } from '../../shared/reports/types';
import { expect, screenshotOf, test } from './fixtures';
import { REPO_ROOT, type World } from './world';

const check = (id: 'starts' | 'transfers', result: 'ok' | 'problem' | 'na', comment = '') => ({
  id,
  result,
  comment,
  restart: result === 'problem' ? ('fixed' as const) : null,
  contactAdvised: null,
});

const REPORT: VerificationReport = {
  format: 'vigie-report',
  version: 1,
  reportId: '5b0f3c1e-8f4a-4c2e-9a57-0d3f1b2c4e6a',
  workstation: 'PC-LAB-1',
  userAccount: 'soins.lab',
  initials: 'MT',
  site: 'IUSMM',
  services: ['Laboratoire'],
  window: { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' },
  submittedAt: '2026-12-02T04:30:00-05:00',
  createdAt: '2026-12-02T04:30:00-05:00',
  appVersion: '0.1.0',
  items: [
    {
      application: 'Cortex Omnitech',
      service: 'Laboratoire',
      checks: [check('starts', 'ok'), check('transfers', 'ok')],
    },
    { application: 'GestLab', service: 'Laboratoire', checks: [check('starts', 'problem', 'Écran gris au démarrage')] },
    { application: 'Unity Real Time IUSMM', service: 'Laboratoire', checks: [check('starts', 'na')] },
  ],
};

/** 4 h: this PC's checklist run is open; 4 h 30: PC-LAB-1's report is on the share; 4 h 31: the reader finds it. */
async function verifiedOnLab1(world: World): Promise<string> {
  const runId = await world.openChecklistForLastWindow();
  await new ReportWriter({ zone: world.clock.zone }).write(world.reportsDir, REPORT);
  world.clock.set('2026-12-02T04:31');
  const watcher = new VerifiedWatcher({
    store: world.store,
    clock: world.clock,
    folder: () => world.reportsDir,
    me: { workstation: 'POSTE-ESSAI-01', userAccount: 'soins-partage' },
    due: dueHere(world.store, { dueVerifications: () => [] }, world.clock.zone),
    log: silentLogger,
  });
  expect(await watcher.refresh()).toBe(1);
  return runId;
}

async function expectNoViolations(page: Page, scene: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${scene}`).toEqual([]);
  expect(results.passes.length, `axe checked something on ${scene}`).toBeGreaterThan(5);
}

/** Tab until `target` has the focus (keyboard only), at most 60 presses. */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      (id) =>
        document.activeElement?.closest(`[data-testid="${id}"]`) !== null ||
        document.activeElement?.getAttribute('data-testid') === id,
      testId,
    );
    if (focused) return;
  }
  throw new Error(`${testId} never got the keyboard focus`);
}

const TEXT = {
  fr: {
    by: 'Vérification faite par PC-LAB-1 (MT) à 4 h 30',
    view: 'Voir cette vérification',
    problem: 'Problème (réglé en redémarrant)',
  },
  en: {
    by: 'Verified by PC-LAB-1 (MT) at 4:30 a.m.',
    view: 'See that verification',
    problem: 'Problem (fixed by a restart)',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test.describe(`verified elsewhere (${lang})`, () => {
    test.use({
      worldOptions: {
        start: '2026-12-02T04:00',
        profile: { site: 'IUSMM', services: ['Laboratoire'] },
        language: lang,
      },
    });

    test(`"déjà faite": who and when, the report read-only, then verify again anyway — keyboard only (${lang})`, async ({
      page,
      world,
      incidents,
    }) => {
      const runId = await verifiedOnLab1(world);
      await page.goto('./#/status');
      const card = page.getByTestId('verified-elsewhere');
      await expect(card.getByTestId('verified-by')).toHaveText(TEXT[lang].by);
      // No checklist to do here: not pending, the tray state is not "verification-due".
      await expect(page.getByTestId('pending-checklist')).toHaveCount(0);
      await expect(page.locator(`[data-run="${runId}"]`)).toContainText(
        lang === 'fr' ? 'Faite par PC-LAB-1' : 'Done by PC-LAB-1',
      );
      expect(world.checklists.pendingRun()).toBeNull();

      // Look at it: the summary opens with the keyboard; the answers are there, read-only (no inputs).
      await tabTo(page, 'verified-details');
      await page.keyboard.press('Enter');
      await expect(card.getByRole('row', { name: /GestLab/ })).toContainText(TEXT[lang].problem);
      await expect(card.getByRole('row', { name: /GestLab/ })).toContainText('Écran gris au démarrage');
      await expect(card.getByRole('cell', { name: '—' }).first()).toBeVisible();
      await expect(card.locator('input, textarea, select')).toHaveCount(0);
      await expect(card.getByText(TEXT[lang].view)).toBeVisible();
      await expectNoViolations(page, `déjà faite (${lang})`);
      const shot = await screenshotOf(
        page.locator('section.card', { has: page.locator('#now-title') }),
        `verified-elsewhere-${lang}`,
      );
      if (lang === 'fr')
        fs.copyFileSync(shot, path.join(REPO_ROOT, 'docs', 'screenshots', 'verified-elsewhere-fr.png'));

      // Verify again anyway: the normal checklist of this window opens, and it is this PC's to do again.
      await tabTo(page, 'verify-again');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`#/checklist/${runId}$`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(world.checklists.pendingRun()?.runId).toBe(runId);
      expect(incidents).toEqual([]);
    });
  });
}
