/**
 * Issue 4: "the checklist can be completed without a mouse". Only the keyboard is used here: Tab to move, Space to
 * answer a radio group, typing, Enter to send.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface Focused {
  tag: string;
  type: string | null;
  value: string | null;
  name: string | null;
  groupAnswered: boolean;
  testId: string | null;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const name = el?.getAttribute('name') ?? null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: el?.getAttribute('type') ?? null,
      value: el?.getAttribute('value') ?? null,
      name,
      groupAnswered: name ? document.querySelector(`input[name="${name}"]:checked`) !== null : false,
      testId: el?.getAttribute('data-testid') ?? null,
    };
  });
}

test('the checklist is completed with the keyboard only', async ({ page, world }) => {
  const runId = await world.openChecklistForLastWindow();
  await page.goto('./#/checklist');
  await expect(page.getByTestId('checklist')).toBeVisible();
  const total = 4;

  let answered = 0;
  for (let presses = 0; presses < 80 && answered < total; presses++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    // An unanswered group takes the focus on its first radio ("OK"): Space answers it.
    if (f.type === 'radio' && !f.groupAnswered) {
      expect(f.value).toBe('ok');
      await page.keyboard.press('Space');
      answered++;
      await expect(page.getByTestId('progress')).toContainText(`${answered}`);
    }
  }
  expect(answered).toBe(total);

  for (let presses = 0; presses < 20; presses++) {
    if ((await focused(page)).testId === 'submit-initials') break;
    await page.keyboard.press('Tab');
  }
  expect((await focused(page)).testId).toBe('submit-initials');
  await page.keyboard.type('KB');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('checklist-submitted')).toBeVisible();
  // The confirmation takes the focus, so a screen reader announces it.
  await expect(page.getByTestId('checklist-submitted').getByRole('heading')).toBeFocused();

  const run = world.store.checklists.getRun(runId);
  expect(run?.status).toBe('submitted');
  expect(run?.submittedBy).toBe('KB');
  expect(run?.items.map((i) => i.result)).toEqual(['ok', 'ok', 'ok', 'ok']);
});

test('a problem and its restart question can be answered with the keyboard', async ({ page, world }) => {
  world.clock.set('2026-12-02T05:30');
  const runId = await world.openChecklistForLastWindow();
  await page.goto('./#/checklist');
  // Into the first group, then the arrow moves to "Problème" and selects it (native radio behaviour).
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.type === 'radio') break;
  }
  await page.keyboard.press('ArrowRight');
  const guidance = page.getByTestId('guidance-Cortex Omnitech-starts');
  await expect(guidance).toBeVisible();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).testId === 'restart-not-fixed') break;
  }
  expect((await focused(page)).testId).toBe('restart-not-fixed');
  await page.keyboard.press('Enter');
  await expect(guidance.getByTestId('guidance-contact-name')).toHaveText('CDA');
  const item = world.store.checklists.getRun(runId)?.items[0];
  expect(item).toMatchObject({ application: 'Cortex Omnitech', result: 'problem', restart: 'not-fixed' });
});

test('"Ajouter un commentaire" opens the comment box with the keyboard, and the box takes the focus', async ({
  page,
  world,
}) => {
  const runId = await world.openChecklistForLastWindow();
  await page.goto('./#/checklist');
  await expect(page.locator('textarea')).toHaveCount(0);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).testId === 'add-comment') break;
  }
  expect((await focused(page)).testId).toBe('add-comment');
  await page.keyboard.press('Enter');
  const box = page.getByTestId('check-Cortex Omnitech-starts').locator('textarea');
  await expect(box).toBeFocused();
  await page.keyboard.type('Lent');
  await page.keyboard.press('Tab');
  await expect
    .poll(() => world.store.checklists.getRun(runId)?.items.find((i) => i.checkId === 'starts')?.comment)
    .toBe('Lent');
});
