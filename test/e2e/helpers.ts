/** Small page helpers shared by the specs (no fixtures here). */
import { expect, type Page } from '@playwright/test';
import { currentWindow } from '../../shared/planning';
import type { World } from './world';

export type CheckName = 'starts' | 'transfers';

export function appCard(page: Page, application: string) {
  return page.getByTestId(`app-${application}`);
}

export function checkBlock(page: Page, application: string, id: CheckName) {
  return appCard(page, application).getByTestId(`check-${application}-${id}`);
}

/** Answers a check with the mouse and waits until the core's stored answer is shown. */
export async function answer(page: Page, application: string, id: CheckName, result: 'ok' | 'problem' | 'na') {
  const block = checkBlock(page, application, id);
  // click, not check(): the radio is controlled by the core's answer, which arrives a moment later.
  await block.getByTestId(`choice-${result}`).click();
  await expect(block).toHaveAttribute('data-result', result);
}

/** Reports a problem that restarting did not fix; returns the guidance section. */
export async function problemNotFixed(page: Page, application: string, id: CheckName = 'starts') {
  await answer(page, application, id, 'problem');
  const guidance = page.getByTestId(`guidance-${application}-${id}`);
  await guidance.getByTestId('restart-not-fixed').click();
  await expect(checkBlock(page, application, id)).toHaveAttribute('data-restart', 'not-fixed');
  await expect(guidance.getByTestId('guidance-help')).toBeVisible();
  return guidance;
}

/**
 * A checklist open while its window is still in progress, as after the clock went back into it (a time change):
 * the agent opens the run at the window's end (world.openChecklistForLastWindow), then the clock returns to now.
 */
export async function openChecklistForCurrentWindow(world: World): Promise<string> {
  const profile = world.settings.profile();
  if (!profile) throw new Error('no profile');
  const now = world.clock.now();
  const window = currentWindow(world.sync.current(), profile, now, world.clock.zone);
  if (!window) throw new Error('no window in progress');
  world.clock.set(window.end);
  const runId = await world.openChecklistForLastWindow();
  world.clock.set(now);
  return runId;
}
