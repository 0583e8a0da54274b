/**
 * What the tray shows (issue 3, "Tray"): one state (icon), a tooltip and the menu. Pure: everything comes in as
 * arguments, `now` included. Toasts may be hidden by Focus Assist, so this is the source of truth.
 *
 * Precedence (first that applies wins), from "what must the person do right now":
 * 1. in-progress — applications are down NOW: the continuity plan matters more than anything else, and the
 *    window is known from the last good inventory even when the source is offline.
 * 2. problem — a submitted verification reported a problem a restart did not fix, in the last 24 h.
 * 3. verification-due — a checklist is waiting (it outlives the window, so it ranks below a running one).
 * 4. offline — the inventory source is unreachable/invalid: the calendar may be stale. Ranked below what a
 *    person must act on, but above "upcoming"; the tooltip always says it, whatever the state.
 * 5. upcoming — a window starts within 24 h.
 * 6. idle.
 */
import { DateTime } from 'luxon';
import { formatDate, formatTime, formatWindow, type Lang } from '../../../shared/i18n/format';
import type { InventoryStateView, TrayState } from '../../../shared/ipc/views';
import type { TrayMenuItem, TrayModel } from '../agent-types';
import { UNSIGNED_MESSAGE } from '../sync/signature';
import { REFUSED } from '../inventory/isolation/reasons';

/** Windows shows at most 127 characters of a tray tooltip. */
export const TOOLTIP_MAX = 127;
const UPCOMING_MS = 24 * 3600_000;
/** How far back an unresolved problem keeps the tray in "problem" (precedence 2 above): a day, then IT has it. */
const PROBLEM_LOOKBACK_HOURS = 24;

/** The instant from which a submitted problem still counts (TrayInputs.problem), for the agent and the simulator. */
export function problemSince(now: DateTime): DateTime {
  return now.minus({ hours: PROBLEM_LOOKBACK_HOURS });
}

/** The part of a planned window the tray needs. */
export interface TrayWindow {
  start: DateTime;
  end: DateTime;
  applications: readonly { application: string }[];
}

export interface TrayInputs {
  now: DateTime;
  /** `message` (the sync's French reason) tells a refused publication or refused file apart from an ordinary invalid one. */
  inventory: Pick<InventoryStateView, 'state' | 'since'> & { message?: string | null };
  /** The window in progress, or null. */
  current: TrayWindow | null;
  /** The next window starting after now (any distance), or null. */
  next: TrayWindow | null;
  /** A checklist run is open. */
  pendingRun: boolean;
  /** A submitted run of the last 24 h reports an unresolved problem. */
  problem: boolean;
  /** An unplanned outage notice in force for this PC (issue 13): "en cours" like a window; `end` null = not known. */
  outage?: { end: DateTime | null; applications: readonly { application: string }[] } | null;
}

export interface TrayModelInputs extends TrayInputs {
  language: Lang;
  /** Null while the workstation has no site/service: the tooltip says to choose them. */
  hasProfile: boolean;
  /** IT's intranet page (guide and calendar); the menu item is hidden when null. */
  intranetUrl: string | null;
  /** IT may hide "Quitter". */
  allowQuit: boolean;
  /** Verification reports still waiting in the outbox for the share (issue 5: the tray shows them). */
  pendingReports?: number;
}

export function trayState(i: TrayInputs): TrayState {
  if (i.current || i.outage) return 'in-progress';
  if (i.problem) return 'problem';
  if (i.pendingRun) return 'verification-due';
  if (i.inventory.state !== 'ok') return 'offline';
  if (i.next && i.next.start.toMillis() - i.now.toMillis() <= UPCOMING_MS) return 'upcoming';
  return 'idle';
}

const TEXT = {
  fr: {
    appName: 'Vigie',
    inProgress: (until: string) => `plage en cours jusqu'à ${until}`,
    outage: (until: string | null) => (until ? `panne en cours jusqu'à ${until}` : 'panne en cours'),
    problem: 'problème signalé après la vérification',
    verification: 'vérification à faire après la plage',
    next: (when: string) => `prochaine plage ${when}`,
    none: 'aucune plage prévue',
    noProfile: 'choisissez le site et le service du poste (Réglages)',
    offline: 'inventaire hors ligne',
    invalid: 'inventaire non valide',
    unsigned: 'inventaire non signé ou modifié : ignoré',
    refused: 'fichier d’inventaire refusé, à remplacer',
    since: (what: string, when: string) => `${what} depuis ${when}`,
    today: "aujourd'hui",
    tomorrow: 'demain',
    states: {
      idle: 'Aucune plage de maintenance en cours',
      upcoming: 'Une plage de maintenance approche',
      'in-progress': 'Plage de maintenance en cours',
      'verification-due': 'Vérification à faire',
      problem: 'Problème signalé',
      offline: 'Inventaire hors ligne',
    } satisfies Record<TrayState, string>,
    openChecklist: 'Ouvrir la vérification',
    openStatus: 'Calendrier et état',
    intranet: 'Guide et calendrier (intranet)',
    sync: "Mettre à jour l'inventaire",
    settings: 'Réglages…',
    quit: 'Quitter Vigie',
    reports: (n: number) => (n === 1 ? "1 rapport en attente d'envoi" : `${n} rapports en attente d'envoi`),
  },
  en: {
    appName: 'Vigie',
    inProgress: (until: string) => `window in progress until ${until}`,
    outage: (until: string | null) => (until ? `outage in progress until ${until}` : 'outage in progress'),
    problem: 'problem reported after the verification',
    verification: 'verification due after the window',
    next: (when: string) => `next window ${when}`,
    none: 'no window scheduled',
    noProfile: 'choose the site and service of this PC (Settings)',
    offline: 'inventory offline',
    invalid: 'inventory not valid',
    unsigned: 'inventory unsigned or modified: ignored',
    refused: 'inventory file refused, to be replaced',
    since: (what: string, when: string) => `${what} since ${when}`,
    today: 'today',
    tomorrow: 'tomorrow',
    states: {
      idle: 'No maintenance window in progress',
      upcoming: 'A maintenance window is coming',
      'in-progress': 'Maintenance window in progress',
      'verification-due': 'Verification due',
      problem: 'Problem reported',
      offline: 'Inventory offline',
    } satisfies Record<TrayState, string>,
    openChecklist: 'Open the verification',
    openStatus: 'Calendar and status',
    intranet: 'Guide and calendar (intranet)',
    sync: 'Update the inventory',
    settings: 'Settings…',
    quit: 'Quit Vigie',
    reports: (n: number) => (n === 1 ? '1 report waiting to be sent' : `${n} reports waiting to be sent`),
  },
} as const;

function sameDay(a: DateTime, b: DateTime): boolean {
  return a.setZone(b.zone).hasSame(b, 'day');
}

/** "aujourd'hui 2 h – 4 h", "demain 2 h – 4 h", "mercredi 16 décembre, 2 h – 4 h". */
function relativeWindow(w: TrayWindow, now: DateTime, lang: Lang): string {
  const start = w.start.setZone(now.zone);
  const end = w.end.setZone(now.zone);
  const full = formatWindow(start, end, lang);
  const dayPrefix = `${formatDate(start, lang)}, `;
  const t = TEXT[lang];
  const word = sameDay(start, now) ? t.today : sameDay(start, now.plus({ days: 1 })) ? t.tomorrow : null;
  if (word && full.startsWith(dayPrefix)) return `${word} ${full.slice(dayPrefix.length)}`;
  return full;
}

function untilText(end: DateTime, now: DateTime, lang: Lang): string {
  const local = end.setZone(now.zone);
  return end.toMillis() - now.toMillis() < 20 * 3600_000
    ? formatTime(local, lang)
    : `${formatDate(local, lang)}, ${formatTime(local, lang)}`;
}

/** "inventaire hors ligne depuis 10 h 05" (the day too when it is not today); null when the inventory is fine. */
function inventoryNote(i: TrayModelInputs): string | null {
  if (i.inventory.state === 'ok') return null;
  const t = TEXT[i.language];
  // A publication refused by the signature check (electron/core/sync/signature.ts), or a file the parsing process
  // refused (docs/deployment.md, "Fichier refusé"), says so: IT must act.
  const unsigned = i.inventory.message?.startsWith(UNSIGNED_MESSAGE) ?? false;
  const refused = i.inventory.message?.includes(REFUSED) ?? false;
  const what = i.inventory.state === 'offline' ? t.offline : unsigned ? t.unsigned : refused ? t.refused : t.invalid;
  const at = i.inventory.since ? DateTime.fromISO(i.inventory.since).setZone(i.now.zone) : null;
  if (!at?.isValid) return what;
  const when = sameDay(at, i.now)
    ? formatTime(at, i.language)
    : `${formatDate(at, i.language)}, ${formatTime(at, i.language)}`;
  return t.since(what, when);
}

/** `prefix` then as many names as fit in `budget` characters, "…" when some are left out. */
function withNames(prefix: string, names: readonly string[], budget: number, lang: Lang): string {
  if (names.length === 0) return prefix;
  // French puts a space before the colon, English does not.
  let text = `${prefix}${lang === 'fr' ? ' : ' : ': '}${names[0] as string}`;
  if (text.length > budget) return `${text.slice(0, Math.max(prefix.length, budget - 1))}…`;
  for (let k = 1; k < names.length; k++) {
    const more = `${text}, ${names[k] as string}`;
    const tail = k < names.length - 1 ? '…' : '';
    if (more.length + tail.length > budget) return `${text}…`;
    text = more;
  }
  return text;
}

function uniqueNames(w: Pick<TrayWindow, 'applications'>): string[] {
  return [...new Set(w.applications.map((a) => a.application))];
}

/** "Vigie — plage en cours jusqu'à 4 h : GestLab, Cortex…", ≤ 127 characters, a second line when room. */
export function trayTooltip(i: TrayModelInputs, state: TrayState = trayState(i)): string {
  const t = TEXT[i.language];
  const lead = `${t.appName} — `;
  const note = inventoryNote(i);
  const next = (budget: number): string | null =>
    i.next
      ? withNames(t.next(relativeWindow(i.next, i.now, i.language)), uniqueNames(i.next), budget, i.language)
      : null;
  const budget = TOOLTIP_MAX - lead.length;
  let main: string;
  const reports = i.pendingReports ? t.reports(i.pendingReports) : null;
  // The second line, given the room left: the inventory note and the reports waiting for the share (whatever the
  // state, both are worth knowing).
  let extra: (room: number) => string | null = () => [note, reports].filter(Boolean).join(' · ') || null;
  if (!i.hasProfile) main = t.noProfile;
  else if (state === 'in-progress' && i.current) {
    main = withNames(
      t.inProgress(untilText(i.current.end, i.now, i.language)),
      uniqueNames(i.current),
      budget,
      i.language,
    );
  } else if (state === 'in-progress' && i.outage) {
    const until = i.outage.end ? untilText(i.outage.end, i.now, i.language) : null;
    main = withNames(t.outage(until), uniqueNames(i.outage), budget, i.language);
  } else if (state === 'offline') {
    main = note ?? t.offline;
    extra = next;
  } else if (state === 'problem' || state === 'verification-due') {
    main = state === 'problem' ? t.problem : t.verification;
  } else main = next(budget) ?? t.none;
  // Stryker disable next-line MethodExpression: a guard; every main text above is already cut to the budget
  const first = `${lead}${main}`.slice(0, TOOLTIP_MAX);
  const room = TOOLTIP_MAX - first.length - 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: no second line is 10 characters or fewer
  const second = room > 10 ? extra(room) : null;
  return second && second.length <= room ? `${first}\n${second}` : first;
}

export function trayMenu(i: TrayModelInputs, state: TrayState = trayState(i)): TrayMenuItem[] {
  const t = TEXT[i.language];
  const items: TrayMenuItem[] = [
    { id: 'status', label: t.states[state], enabled: false, action: null },
    ...(i.pendingReports ? [{ id: 'reports', label: t.reports(i.pendingReports), enabled: false, action: null }] : []),
    { id: 'sep-1', label: '', enabled: false, action: null, separator: true },
    { id: 'checklist', label: t.openChecklist, enabled: i.pendingRun, action: { type: 'open', window: 'checklist' } },
    { id: 'calendar', label: t.openStatus, enabled: true, action: { type: 'open', window: 'status' } },
  ];
  if (i.intranetUrl) {
    items.push({ id: 'intranet', label: t.intranet, enabled: true, action: { type: 'link', url: i.intranetUrl } });
  }
  items.push(
    { id: 'sep-2', label: '', enabled: false, action: null, separator: true },
    { id: 'sync', label: t.sync, enabled: true, action: { type: 'sync' } },
    { id: 'settings', label: t.settings, enabled: true, action: { type: 'open', window: 'settings' } },
  );
  if (i.allowQuit) {
    items.push(
      { id: 'sep-3', label: '', enabled: false, action: null, separator: true },
      { id: 'quit', label: t.quit, enabled: true, action: { type: 'quit' } },
    );
  }
  return items;
}

export function trayModel(i: TrayModelInputs): TrayModel {
  const state = trayState(i);
  return { state, tooltip: trayTooltip(i, state), menu: trayMenu(i, state) };
}
