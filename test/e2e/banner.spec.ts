/**
 * Issue 12, "An alert nobody misses": the banner page (#/banner) through the REAL core (test/e2e/world.ts: the
 * banner model, its acknowledgements in SQLite), at the banner window's own size (BANNER_SIZE, electron/shell/
 * banner-window.ts). What is down and until when, the continuity plan, "J'ai pris connaissance" with optional
 * initials, stored by the core; keyboard only; axe 0 violations in French and English. The window itself (always
 * on top, shown inactive) is the shell's: test/shell/banner-window.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BANNER_SIZE } from '../../electron/shell/banner-window';
import { expect, screenshot, test } from './fixtures';
import { DateTime } from 'luxon';
import { REPO_ROOT, type World } from './world';

const PLAN = 'https://intranet.example.qc.ca/continuite/laboratoire';

/** The JSON test inventory, with a continuity plan for the lab and a second application in the same window. */
function inventory(plan = PLAN): string {
  const file = path.join(REPO_ROOT, 'test', 'fixtures', 'inventory', 'inventaire.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    applications: Record<string, unknown>[];
    services: { site: string; service: string; continuityPlanUrl: string | null }[];
  };
  for (const service of data.services) {
    if (service.site === 'IUSMM' && service.service === 'Laboratoire') service.continuityPlanUrl = plan;
  }
  data.applications.push({
    direction: 'DSP',
    site: 'IUSMM',
    service: 'Laboratoire',
    application: 'GestLab',
    schedule: '1er mercredi 2h-4h',
    comment: '',
  });
  return JSON.stringify(data);
}

const options = (language: 'fr' | 'en', plan = PLAN) => ({
  // The first Wednesday of December 2026, in the 2 h – 4 h window.
  start: '2026-12-02T03:00',
  inventoryText: { name: 'inventaire.json', text: inventory(plan) },
  profile: { site: 'IUSMM', services: ['Laboratoire'] },
  policy: { intranetUrl: 'https://intranet.example.qc.ca/vigie/guide' },
  language,
});

async function openBanner(page: Page): Promise<void> {
  await page.goto('./#/banner');
  await expect(page.getByTestId('banner')).toBeVisible();
}

/** What the core stored for the window in progress (2 h – 4 h on 2 December), or null. */
function storedAcknowledgement(world: World) {
  return world.store.acknowledgements.find({
    windowStart: '2026-12-02T02:00:00-05:00',
    windowEnd: '2026-12-02T04:00:00-05:00',
    site: 'IUSMM',
    noticeId: null,
  });
}

test.use({ viewport: { ...BANNER_SIZE } });

for (const lang of ['fr', 'en'] as const) {
  test.describe(`banner (${lang})`, () => {
    test.use({ worldOptions: options(lang) });

    test(`says what is down until when, links the continuity plan, fits its window, no axe violation (${lang})`, async ({
      page,
      incidents,
    }) => {
      await openBanner(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const dialog = page.getByRole('alertdialog', {
        name: lang === 'fr' ? "Maintenance en cours jusqu'à 4 h" : 'Maintenance in progress until 4:00 a.m.',
      });
      await expect(dialog).toBeVisible();
      await expect(page.getByTestId('banner-applications')).toHaveText(
        lang === 'fr' ? 'Indisponible : Cortex Omnitech, GestLab' : 'Unavailable: Cortex Omnitech, GestLab',
      );
      await expect(page.getByTestId('banner-plan')).toHaveAttribute('href', PLAN);
      await expect(page.getByLabel(lang === 'fr' ? 'Initiales (facultatif)' : 'Initials (optional)')).toBeVisible();
      await expect(
        page.getByRole('button', { name: lang === 'fr' ? "J'ai pris connaissance" : 'Acknowledge' }),
      ).toBeVisible();

      // Everything fits the banner window (two applications, a two-line title): nothing to scroll to.
      const overflow = await page.locator('.banner-page').evaluate((el) => ({
        scroll: el.scrollHeight,
        client: el.clientHeight,
        wide: el.scrollWidth > el.clientWidth,
      }));
      expect(overflow.scroll, 'banner content height').toBeLessThanOrEqual(overflow.client);
      expect(overflow.wide).toBe(false);

      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(5);
      await screenshot(page, `banner-${lang}`);
      expect(incidents).toEqual([]);
    });
  });
}

test.describe('acknowledging', () => {
  test.use({ worldOptions: options('fr') });

  test('"J\'ai pris connaissance" with initials closes the banner; the core stores time, workstation, initials', async ({
    page,
    world,
  }) => {
    await openBanner(page);
    expect(storedAcknowledgement(world)).toBeNull();
    await page.getByTestId('banner-initials').fill('MT');
    await page.getByTestId('banner-acknowledge').click();
    await expect(page.getByTestId('banner-done')).toHaveText('Merci : votre prise de connaissance est enregistrée.');
    await expect(page.getByTestId('banner')).toHaveCount(0);

    expect(storedAcknowledgement(world)).toMatchObject({ workstation: 'POSTE-ESSAI-01', initials: 'MT' });
    expect(storedAcknowledgement(world)?.at).toBe('2026-12-02T08:00:00.000Z');
    expect(await world.core.getBanner()).toBeNull();
    // Opened again (sign-in, unlock): nothing to show on this workstation for this window.
    await page.reload();
    await expect(page.getByTestId('banner-none')).toBeVisible();
  });

  test('initials are optional', async ({ page, world }) => {
    await openBanner(page);
    await page.getByTestId('banner-acknowledge').click();
    await expect(page.getByTestId('banner-done')).toBeVisible();
    expect(storedAcknowledgement(world)).toMatchObject({ initials: '' });
  });

  test('keyboard only: Tab reaches the plan, the initials, the button; Enter in the initials acknowledges', async ({
    page,
    world,
  }) => {
    await openBanner(page);
    const order: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null));
    }
    expect(order).toEqual(['banner-plan', 'banner-initials', 'banner-acknowledge']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('CB');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('banner-done')).toBeVisible();
    expect(storedAcknowledgement(world)).toMatchObject({ initials: 'CB' });
  });

  test('the plan link opens through the core (allowlisted host), never inside the banner', async ({ page, world }) => {
    await openBanner(page);
    await page.getByTestId('banner-plan').click();
    await expect.poll(() => world.opened).toEqual([PLAN]);
    expect(new URL(page.url()).hash).toBe('#/banner');
  });

  test("acknowledged after the window ended: the core's reason is shown in words, nothing is stored", async ({
    page,
    world,
  }) => {
    await openBanner(page);
    world.clock.set('2026-12-02T04:05');
    await page.getByTestId('banner-acknowledge').click();
    await expect(page.getByTestId('alert')).toContainText('Cette alerte n’est plus en cours');
    await expect(page.getByTestId('banner-done')).toHaveCount(0);
    expect(storedAcknowledgement(world)).toBeNull();
  });

  test('an open banner closes by itself when the agent ticks past the window end (the state push, no reload)', async ({
    page,
    world,
  }) => {
    await openBanner(page);
    world.clock.set('2026-12-02T04:00');
    await world.tick();
    await expect(page.getByTestId('banner-none')).toBeVisible();
    await expect(page.getByTestId('banner')).toHaveCount(0);
  });

  test('at the end of the window there is no banner any more', async ({ page, world }) => {
    world.clock.set('2026-12-02T04:00');
    await page.goto('./#/banner');
    await expect(page.getByTestId('banner-none')).toBeVisible();
    expect(storedAcknowledgement(world)).toBeNull();
  });
});

const NOTICE_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

test.describe('an unplanned-outage notice published in the notices folder', () => {
  const at = (time: string) => DateTime.fromISO(`2026-12-02T${time}`, { zone: 'America/Toronto' });
  test.use({
    worldOptions: {
      ...options('fr', '\\\\serveur\\plans\\laboratoire.pdf'),
      start: '2026-12-02T10:00',
      notices: [
        {
          format: 'vigie-notice',
          version: 1,
          id: NOTICE_ID,
          site: 'IUSMM',
          services: ['Laboratoire'],
          applications: ['GestLab'],
          message: 'Panne du serveur du laboratoire. Utilisez les requêtes papier.',
          from: '2026-12-02T09:15:00-05:00',
          until: '2026-12-02T12:30:00-05:00',
          publishedAt: '2026-12-02T09:20:00-05:00',
          publisher: 'ti-labo',
        },
      ],
    },
  });

  test("shows IT's message and the plan's path (not a link), and is acknowledged like a window", async ({
    page,
    world,
  }) => {
    await openBanner(page);
    await expect(page.getByRole('alertdialog', { name: "Panne en cours jusqu'à 12 h 30" })).toBeVisible();
    await expect(page.getByTestId('banner-message')).toHaveText(
      'Panne du serveur du laboratoire. Utilisez les requêtes papier.',
    );
    await expect(page.getByTestId('banner-applications')).toHaveText('Indisponible : GestLab');
    await expect(page.getByTestId('banner-plan-path')).toHaveText(
      'Plan de continuité : \\\\serveur\\plans\\laboratoire.pdf',
    );
    await expect(page.getByTestId('banner-plan')).toHaveCount(0);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByTestId('banner-initials').fill('JR');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('banner-done')).toBeVisible();
    expect(
      // A notice published after its `from` is in force (and acknowledged) from its publication on.
      world.store.acknowledgements.find({
        windowStart: at('09:20'),
        windowEnd: at('12:30'),
        site: 'IUSMM',
        noticeId: NOTICE_ID,
      }),
    ).toMatchObject({ initials: 'JR', workstation: 'POSTE-ESSAI-01' });
  });
});

test.describe('a continuity plan on a host IT did not allow', () => {
  test.use({ worldOptions: options('fr', 'https://plans.ailleurs.example.com/labo') });

  test('is refused by the core with its reason, and nothing opens (fails closed)', async ({ page, world }) => {
    await openBanner(page);
    await page.getByTestId('banner-plan').click();
    await expect(page.getByTestId('alert')).toContainText("Ce lien n'est pas autorisé par les TI");
    expect(world.opened).toEqual([]);
    // The banner stays, and can still be acknowledged.
    await expect(page.getByTestId('banner-acknowledge')).toBeVisible();
  });
});
