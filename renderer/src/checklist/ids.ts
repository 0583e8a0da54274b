/**
 * DOM ids of the checklist controls. Built from positions, not application names: names come from a spreadsheet
 * and may hold spaces or quotes, which ids cannot. Tests use the data-testid attributes (names) instead.
 */
import type { CheckId, CheckResult } from '../../../shared/ipc/schemas';

export function choiceId(item: number, check: CheckId, result: CheckResult): string {
  return `item-${item}-${check}-${result}`;
}

/** Puts the keyboard on a check's first choice (used to lead the person to an unanswered check). */
export function focusCheck(item: number, check: CheckId): void {
  document.getElementById(choiceId(item, check, 'ok'))?.focus();
}
