/**
 * The settings form works on a draft (what the person is typing) and sends only what changed, for keys IT did not
 * lock, once it is valid. Pure functions: the page keeps the draft in state and calls these.
 */
import type { Lang, MessageKey, Params } from '../../../shared/i18n';
import { parseHhmm } from '../../../shared/text/hhmm';
import type { SettingsPatch } from '../../../shared/ipc/schemas';
import type { SettingsValues, SettingsView } from '../../../shared/ipc/views';
import type { ReminderSpec, ServiceHours } from '../../../shared/planning/types';

/** 'inventory' = no override: the inventory's Services table (or 24/7 when it says nothing) decides. */
export type HoursMode = 'inventory' | '247' | 'shifts';

export interface HoursDraft {
  mode: HoursMode;
  shiftStarts: string[];
}

export interface SettingsDraft {
  site: string | null;
  services: string[];
  hours: Record<string, HoursDraft>;
  dayBefore: { enabled: boolean; at: string };
  beforeEnabled: boolean;
  /** Minutes as typed (validated on save). */
  before: string[];
  language: Lang;
  sourceMode: 'embedded' | 'custom';
  sourcePath: string;
}

export interface DraftProblem {
  key: MessageKey;
  params?: Params;
}

const MAX_BEFORE_MINUTES = 7 * 24 * 60;

export function hoursDraft(hours: ServiceHours | undefined): HoursDraft {
  if (!hours) return { mode: 'inventory', shiftStarts: [] };
  return hours.twentyFourSeven
    ? { mode: '247', shiftStarts: [] }
    : { mode: 'shifts', shiftStarts: hours.shiftStarts.length ? [...hours.shiftStarts] : ['08:00'] };
}

export function toDraft(values: SettingsValues): SettingsDraft {
  const dayBefore = values.reminders.find((r) => r.kind === 'day-before');
  const before = values.reminders.flatMap((r) => (r.kind === 'before' ? [String(r.minutes)] : []));
  return {
    site: values.site,
    services: [...values.services],
    hours: Object.fromEntries(values.services.map((s) => [s, hoursDraft(values.serviceHours[s])])),
    dayBefore: { enabled: !!dayBefore, at: dayBefore?.at ?? '10:00' },
    beforeEnabled: before.length > 0,
    before: before.length ? before : ['30'],
    language: values.language,
    sourceMode: values.inventorySource === null ? 'embedded' : 'custom',
    sourcePath: values.inventorySource ?? '',
  };
}

/** The services offered for a site, plus those already chosen (an older inventory may have named them). */
export function serviceOptions(view: SettingsView, site: string | null, chosen: readonly string[]): string[] {
  const offered = site ? (view.choices.servicesBySite[site] ?? []) : [];
  return [...offered, ...chosen.filter((s) => !offered.includes(s))];
}

/** Reminders in a stable order so that reordering alone is not a change. */
function canonicalReminders(reminders: readonly ReminderSpec[]): string {
  return JSON.stringify(
    reminders.map((r) => (r.kind === 'day-before' ? `d${r.at}` : `b${String(r.minutes).padStart(6, '0')}`)).sort(),
  );
}

function canonicalHours(hours: Record<string, ServiceHours>): string {
  return JSON.stringify(
    Object.keys(hours)
      .sort()
      .map((k) => [k, hours[k]]),
  );
}

export function toPatch(draft: SettingsDraft, view: SettingsView): { patch: SettingsPatch; problems: DraftProblem[] } {
  const { values, locked } = view;
  const patch: SettingsPatch = {};
  const problems: DraftProblem[] = [];

  if (!locked.site) {
    if (!draft.site) problems.push({ key: 'settings.invalid.site' });
    else if (draft.site !== values.site) patch.site = draft.site;
  }
  if (!locked.services) {
    if (!draft.services.length) problems.push({ key: 'settings.invalid.services' });
    else if (JSON.stringify(draft.services) !== JSON.stringify(values.services)) patch.services = draft.services;
  }

  if (!locked.serviceHours) {
    const hours: Record<string, ServiceHours> = {};
    for (const service of draft.services) {
      const h = draft.hours[service];
      if (!h || h.mode === 'inventory') continue;
      if (h.mode === '247') {
        hours[service] = { twentyFourSeven: true, shiftStarts: [] };
        continue;
      }
      // As typed in the field ("8 h", "08h30"), tidied to HH:MM; anything else is refused with a message.
      const starts = h.shiftStarts.map((s) => parseHhmm(s) ?? s.trim());
      if (!starts.length || h.shiftStarts.some((s) => parseHhmm(s) === null)) {
        problems.push({ key: 'settings.invalid.shift', params: { service } });
      }
      hours[service] = { twentyFourSeven: false, shiftStarts: [...new Set(starts)].sort() };
    }
    if (canonicalHours(hours) !== canonicalHours(values.serviceHours)) patch.serviceHours = hours;
  }

  if (!locked.reminders) {
    const reminders: ReminderSpec[] = [];
    if (draft.dayBefore.enabled) {
      const at = parseHhmm(draft.dayBefore.at);
      if (at === null) problems.push({ key: 'settings.invalid.dayBefore' });
      reminders.push({ kind: 'day-before', at: at ?? draft.dayBefore.at });
    }
    if (draft.beforeEnabled) {
      const minutes = draft.before.map((m) => Number(m.trim()));
      if (minutes.some((m) => !Number.isInteger(m) || m < 1 || m > MAX_BEFORE_MINUTES)) {
        problems.push({ key: 'settings.invalid.before' });
      }
      for (const m of new Set(minutes)) reminders.push({ kind: 'before', minutes: m });
    }
    if (canonicalReminders(reminders) !== canonicalReminders(values.reminders)) patch.reminders = reminders;
  }

  if (!locked.language && draft.language !== values.language) patch.language = draft.language;

  if (!locked.inventorySource) {
    const source = draft.sourceMode === 'embedded' ? null : draft.sourcePath.trim();
    if (source === '') problems.push({ key: 'settings.invalid.source' });
    else if (source !== values.inventorySource) patch.inventorySource = source;
  }

  return { patch, problems };
}
