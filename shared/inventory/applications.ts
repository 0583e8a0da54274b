/**
 * Rows of the application list → Application objects, with row-level problems. Shared by the sheet reader
 * (CSV/XLSX) and the JSON reader so both apply the same rules: a row with no application or no service is
 * skipped (error); an empty or unrecognised schedule, an empty site, an unclear "Transferts" value or a
 * duplicate keeps the row (warning). Nothing here stops the import.
 */
import { parseSchedule } from '../schedule';
import { asInternalError } from '../schedule/parse';
import type { ParsedSchedule } from '../schedule/types';
import type { ApplicationColumn } from './columns';
import type { Application, ImportProblem } from './model';
import { collapseSpaces, foldText } from '../text/fold';
import { parseYesNo } from './text';

export interface RawApplication {
  /** Row used in problem reports (1-based: sheet row, or JSON array index + 1). */
  reportRow: number;
  /** Application.row: the sheet row, null for JSON. */
  sourceRow: number | null;
  direction: string;
  site: string;
  service: string;
  application: string;
  schedule: string;
  comment: string;
  /** The "Consigne pour l'unité" cell ("" when the source has none). */
  consigne: string;
  /** The "Transferts" cell text, a JSON boolean, or null when the source has none. */
  transfers: string | boolean | null;
}

export interface BuildOptions {
  /** Column name per field, as the file names it (header text, or JSON field name). */
  names: Record<ApplicationColumn, string>;
  /** Warn about each empty site. Off when the sheet has no Site column: one file-level warning says it instead. */
  warnEmptySite: boolean;
  /** How a reportRow is named after "à": "la ligne 4" for sheets, "l’élément 4" for JSON. */
  rowName: (row: number) => string;
}

/** parseSchedule, made total: an empty cell means "not decided yet", and a parser failure never escapes. */
function scheduleOf(text: string): ParsedSchedule {
  if (text === '') return { status: 'to-be-determined', raw: '' };
  try {
    return parseSchedule(text);
  } catch (error) {
    // parseSchedule catches its own crashes; this is the last guard, and it says the same: a bug, not the text.
    const internalError = asInternalError(error);
    return { status: 'unrecognized', raw: text, message: internalError.message, internalError };
  }
}

/**
 * "Plage de maintenance de « Accudose » non comprise (Heure invalide : 25h). …" — the parser's reason, without
 * repeating its own "Plage de maintenance non comprise" opening.
 */
function unrecognizedMessage(label: string, reason: string): string {
  const rest = reason.replace(/^plage de maintenance non comprise\s*:?\s*/i, '').trim();
  const why = rest === '' ? '' : rest.startsWith('(') ? ` ${rest}` : ` (${rest.replace(/\.$/, '')})`;
  return `Plage de maintenance de ${label} non comprise${why}. L’application est gardée, sans alerte programmée.`;
}

export function buildApplications(
  raws: Iterable<RawApplication>,
  options: BuildOptions,
): { applications: Application[]; problems: ImportProblem[] } {
  const { names } = options;
  const applications: Application[] = [];
  const problems: ImportProblem[] = [];
  // Duplicates: first row per folded site → service → name. Nested maps rather than one joined key per row, which
  // would hold 20,000 long two-byte strings for the duration of a big import.
  const seen = new Map<string, Map<string, Map<string, number>>>();
  // A big inventory repeats a handful of sites, services, rules and comments thousands of times, and the reader
  // hands over a new string for every cell. One map lookup per cell gives the first copy of each distinct text
  // (kept by the inventory: the bench's 20,000 rows take 3.3 MB of heap instead of 7.6 MB), with its folded key
  // or its parsed rule computed once (foldText and parseSchedule are pure). Measured by `npm run bench -- import`.
  const places = new Map<string, { text: string; folded: string }>();
  const rules = new Map<string, { text: string; schedule: ParsedSchedule }>();
  const texts = new Map<string, string>();
  const place = (text: string): { text: string; folded: string } => {
    let known = places.get(text);
    if (known === undefined) places.set(text, (known = { text, folded: foldText(text) }));
    return known;
  };
  const rule = (text: string): { text: string; schedule: ParsedSchedule } => {
    let known = rules.get(text);
    if (known === undefined) rules.set(text, (known = { text, schedule: scheduleOf(text) }));
    return known;
  };
  const intern = (text: string): string => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
  };
  const problem = (row: number, key: ApplicationColumn, severity: ImportProblem['severity'], message: string) =>
    problems.push({ row, column: names[key], severity, message });

  for (const raw of raws) {
    const row = raw.reportRow;
    const name = collapseSpaces(raw.application);
    const service = place(collapseSpaces(raw.service));
    // Built only for a message: most rows have none.
    const label = () => (name === '' ? 'cette ligne' : `« ${name} »`);
    if (name === '') problem(row, 'application', 'error', 'Nom d’application manquant : la ligne est ignorée.');
    if (service.text === '') {
      problem(row, 'service', 'error', `Service manquant pour ${label()} : la ligne est ignorée.`);
    }
    if (name === '' || service.text === '') continue;

    const site = place(collapseSpaces(raw.site));
    if (options.warnEmptySite && site.text === '') {
      problem(
        row,
        'site',
        'warning',
        `Site vide pour ${label()} : l’application sera considérée comme touchant tous les sites.`,
      );
    }
    const { text: scheduleText, schedule } = rule(collapseSpaces(raw.schedule));
    if (scheduleText === '') {
      problem(
        row,
        'schedule',
        'warning',
        `Plage de maintenance vide pour ${label()} : elle est considérée « À venir ».`,
      );
    } else if (schedule.status === 'unrecognized' && schedule.internalError) {
      problems.push({
        row,
        column: names.schedule,
        severity: 'warning',
        message:
          `Erreur interne de Vigie en lisant la plage de maintenance de ${label()} : ce n’est pas une faute de ` +
          'l’inventaire, signalez-la à l’équipe de Vigie. L’application est gardée, sans alerte programmée.',
        internalError: schedule.internalError,
      });
    } else if (schedule.status === 'unrecognized') {
      problem(row, 'schedule', 'warning', unrecognizedMessage(label(), schedule.message));
    }

    const consigne = collapseSpaces(raw.consigne);
    let transfers: boolean | null = null;
    if (typeof raw.transfers === 'boolean') transfers = raw.transfers;
    else if (raw.transfers !== null) {
      const parsed = parseYesNo(raw.transfers);
      if (parsed === undefined) {
        problem(
          row,
          'transfers',
          'warning',
          `Valeur « ${collapseSpaces(raw.transfers)} » non comprise pour ${label()} (attendu : oui ou non) : ` +
            'les transferts seront déduits du commentaire.',
        );
      } else transfers = parsed;
    }

    let bySite = seen.get(site.folded);
    if (!bySite) seen.set(site.folded, (bySite = new Map<string, Map<string, number>>()));
    let byService = bySite.get(service.folded);
    if (!byService) bySite.set(service.folded, (byService = new Map<string, number>()));
    const key = foldText(name);
    const first = byService.get(key);
    if (first !== undefined) {
      problem(
        row,
        'application',
        'warning',
        `${label()} apparaît déjà à ${options.rowName(first)} pour le même site et le même service (doublon).`,
      );
    } else byService.set(key, row);

    applications.push({
      row: raw.sourceRow,
      direction: intern(collapseSpaces(raw.direction)),
      site: site.text,
      service: service.text,
      application: name,
      scheduleText,
      schedule,
      comment: intern(collapseSpaces(raw.comment)),
      // Left out when empty, so an inventory without the column reads (and is stored) exactly as before it.
      ...(consigne === '' ? {} : { consigne: intern(consigne) }),
      transfers,
    });
  }
  return { applications, problems };
}
