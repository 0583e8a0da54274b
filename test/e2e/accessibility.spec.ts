/**
 * Issue 4: axe-core (wcag2a, wcag2aa) finds 0 violations on every window — checklist, checklist with the problem
 * guidance open, status, settings — in French and in English. The same scenes give the screenshots of each window
 * (test-results/screenshots/<window>-<lang>.png; the best are copied to docs/screenshots/).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, screenshotOf, test } from './fixtures';
import { answer, appCard, problemNotFixed } from './helpers';
import type { World } from './world';

const POLICY = {
  site: 'IUSMM',
  intranetUrl: 'https://intranet.example.qc.ca/vigie/guide',
  octopusUrl: 'https://octopus.example.qc.ca/formulaire',
};

async function expectNoViolations(page: Page, scene: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${scene}`).toEqual([]);
  // Guard against a vacuous pass on an empty page.
  expect(results.passes.length, `axe checked something on ${scene}`).toBeGreaterThan(5);
}

/** Last month's verification sent (history), this month's open at 05:30. */
async function history(world: World): Promise<string> {
  world.clock.set('2026-11-04T04:40');
  const november = await world.openChecklistForLastWindow();
  for (const [application, check, result] of [
    ['Cortex Omnitech', 'starts', 'ok'],
    ['Cortex Omnitech', 'transfers', 'ok'],
    ['GespharX IUSMM', 'starts', 'ok'],
    ['GestLab', 'starts', 'problem'],
    ['Unity Real Time IUSMM', 'starts', 'na'],
  ] as const) {
    await world.core.setCheck({ runId: november, application, check, result });
  }
  await world.core.recordRestart({ runId: november, application: 'GestLab', check: 'starts', fixed: true });
  await world.core.submitChecklist({ runId: november, initials: 'C.B.' });
  world.clock.set('2026-12-02T05:30');
  return await world.openChecklistForLastWindow();
}

for (const lang of ['fr', 'en'] as const) {
  test.describe(`${lang === 'fr' ? 'French' : 'English'} windows`, () => {
    test.use({
      worldOptions: {
        start: '2026-12-02T05:30',
        profile: { site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] },
        policy: POLICY,
        language: lang,
      },
    });

    test(`checklist and problem guidance (${lang})`, async ({ page, world, incidents }) => {
      await history(world);
      await page.goto('./#/checklist');
      await expect(page.getByTestId('checklist')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await answer(page, 'Cortex Omnitech', 'starts', 'ok');
      await answer(page, 'Cortex Omnitech', 'transfers', 'na');
      await expectNoViolations(page, `checklist (${lang})`);
      await screenshot(page, `checklist-${lang}`);

      const guidance = await problemNotFixed(page, 'GestLab');
      await expect(guidance.getByTestId('guidance-contact-name')).toHaveText('CDA');
      await expectNoViolations(page, `problem guidance (${lang})`);
      await screenshotOf(appCard(page, 'GestLab'), `guidance-${lang}`);

      // Missing answers listed on a refused submit are part of the window too.
      await page.getByTestId('submit').click();
      await expect(page.getByTestId('missing-checks')).toBeVisible();
      await expectNoViolations(page, `checklist with missing answers (${lang})`);
      expect(incidents).toEqual([]);
    });

    test(`status (${lang})`, async ({ page, world }) => {
      await history(world);
      await page.goto('./#/status');
      await expect(page.getByTestId('status')).toBeVisible();
      await expect(page.getByTestId('upcoming')).toBeVisible();
      await expect(page.getByTestId('history')).toBeVisible();
      await expectNoViolations(page, `status (${lang})`);
      await screenshot(page, `status-${lang}`);
    });

    test(`settings (${lang})`, async ({ page }) => {
      await page.goto('./#/settings');
      await expect(page.getByTestId('settings')).toBeVisible();
      await expect(page.getByTestId('site-locked')).toBeVisible();
      await expectNoViolations(page, `settings (${lang})`);
      await screenshot(page, `settings-${lang}`);
    });
  });
}

test.describe('first start', () => {
  test.use({ worldOptions: { start: '2026-12-01T09:00', profile: null } });

  test('the settings window asking for a profile has no violations', async ({ page }) => {
    await page.goto('./#/settings');
    await expect(page.getByTestId('welcome')).toBeVisible();
    await expectNoViolations(page, 'settings, first start');
  });
});
