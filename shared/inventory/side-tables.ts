/**
 * The optional side tables ("Services", "Contacts", "Postes", "Exceptions"): sheets of the workbook, found by name, or
 * separate files, found by their header. A bad row is skipped with an error; a bad side table never makes the
 * application list fail (the guide's defaults and the workstation settings still apply).
 */
import {
  CONTACTS_TABLE,
  EXCEPTIONS_TABLE,
  HOSTS_TABLE,
  SERVICES_TABLE,
  SIDE_TABLES,
  type ContactColumn,
  type ExceptionColumn,
  type HostColumn,
  type ServiceColumn,
  type TableKind,
  type TableSpec,
} from './columns';
import { dataRows, type GridRow } from './grid';
import { expectedHeader, findHeader, missingColumnsMessage, type HeaderMatch } from './header';
import { buildExceptions } from './exceptions';
import type {
  CalendarException,
  ContactRule,
  HostMapping,
  ImportProblem,
  Inventory,
  ServiceInfo,
  Sheet,
} from './model';
import { collapseSpaces, foldText } from '../text/fold';
import { parseHhmm } from '../text/hhmm';
import { normalizeHeader, parseCalendarDate, parseYesNo } from './text';

export type SideTable =
  | { kind: 'services'; rows: ServiceInfo[] }
  | { kind: 'contacts'; rows: ContactRule[] }
  | { kind: 'hosts'; rows: HostMapping[] }
  | { kind: 'exceptions'; rows: CalendarException[] };

export type SideTableKind = SideTable['kind'];

/** Each side table's name, as people read it in messages ("Ce fichier contient la table Postes…"). */
export const SIDE_TABLE_LABELS: Record<SideTableKind, string> = {
  services: 'Services',
  contacts: 'Contacts',
  hosts: 'Postes',
  exceptions: 'Exceptions',
};

/** Shift start assumed for a service that is not 24/7 and gives none (a day shift). */
export const DEFAULT_SHIFT_START = '08:00';

type Report = (row: number | null, column: string | null, severity: ImportProblem['severity'], text: string) => void;

/** The side table a workbook sheet designates by its name ("Services", "contacts", "Postes de travail"). */
export function sideTableKindOfSheetName(name: string): SideTableKind | null {
  const normalized = normalizeHeader(name);
  const kind = SIDE_TABLES.find((spec) => spec.sheetNames.includes(normalized))?.kind;
  return (kind as SideTableKind | undefined) ?? null;
}

function specOf(kind: SideTableKind): TableSpec<string> {
  return SIDE_TABLES.find((spec) => spec.kind === kind) as TableSpec<string>;
}

const isWebLink = (text: string): boolean => /^https?:\/\/\S+$/i.test(text);
/** A continuity plan may also be a document on a share (\\serveur\…, X:\…, file://…). */
const isPlanLink = (text: string): boolean => isWebLink(text) || /^(\\\\\S|[a-z]:[\\/]|file:\/\/)/i.test(text);

function readServices(rows: GridRow<ServiceColumn>[], h: HeaderMatch<ServiceColumn>, report: Report): ServiceInfo[] {
  const name = (key: ServiceColumn) => h.names[key] ?? key;
  const seen = new Map<string, number>();
  const result: ServiceInfo[] = [];
  for (const r of rows) {
    const service = collapseSpaces(r.get('service'));
    if (service === '') {
      report(r.row, name('service'), 'error', 'Service manquant : la ligne est ignorée.');
      continue;
    }
    const site = collapseSpaces(r.get('site'));
    const key = `${foldText(site)}\u0000${foldText(service)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report(r.row, name('service'), 'warning', `« ${service} » est déjà décrit à la ligne ${first} : ligne ignorée.`);
      continue;
    }
    seen.set(key, r.row);

    const shiftStarts: string[] = [];
    for (const part of r.get('shiftStarts').split(/[,;/]|\bet\b/)) {
      if (part.trim() === '') continue;
      const time = parseHhmm(part);
      if (time === null) {
        report(r.row, name('shiftStarts'), 'warning', `Heure « ${part.trim()} » non comprise (attendu : 08:00).`);
      } else if (!shiftStarts.includes(time)) shiftStarts.push(time);
    }
    shiftStarts.sort();

    const yesNo = (column: 'twentyFourSeven' | 'urgencePilote'): boolean | null => {
      const value = parseYesNo(r.get(column));
      if (value !== undefined) return value;
      report(r.row, name(column), 'warning', `Valeur « ${r.get(column)} » non comprise (attendu : oui ou non).`);
      return null;
    };
    // An empty 24/7 cell: shift starts given → a shift service; none → 24/7 (the planner's default too).
    const twentyFourSeven = yesNo('twentyFourSeven') ?? shiftStarts.length === 0;
    if (!twentyFourSeven && shiftStarts.length === 0) {
      report(
        r.row,
        name('shiftStarts'),
        'warning',
        `« ${service} » n’est pas 24/7 mais n’a pas de début de quart : ${DEFAULT_SHIFT_START} est utilisé.`,
      );
      shiftStarts.push(DEFAULT_SHIFT_START);
    }
    const plan = r.get('continuityPlan');
    if (plan !== '' && !isPlanLink(plan)) {
      report(
        r.row,
        name('continuityPlan'),
        'warning',
        'Lien du plan de continuité non reconnu (https://… ou \\\\serveur\\…).',
      );
    }
    result.push({
      site,
      service,
      twentyFourSeven,
      shiftStarts,
      urgencePilote: yesNo('urgencePilote') ?? false,
      continuityPlanUrl: isPlanLink(plan) ? plan : null,
    });
  }
  return result;
}

function readContacts(rows: GridRow<ContactColumn>[], h: HeaderMatch<ContactColumn>, report: Report): ContactRule[] {
  const name = (key: ContactColumn) => h.names[key] ?? key;
  const result: ContactRule[] = [];
  for (const r of rows) {
    const contactName = collapseSpaces(r.get('contact'));
    const from = parseHhmm(r.get('from'));
    const to = parseHhmm(r.get('to'));
    const dateText = r.get('date');
    const date = dateText === '' ? null : parseCalendarDate(dateText);
    let skip = false;
    const fail = (key: ContactColumn, text: string) => {
      report(r.row, name(key), 'error', `${text} : la ligne est ignorée.`);
      skip = true;
    };
    if (contactName === '') fail('contact', 'Contact manquant');
    if (from === null) fail('from', `Heure de début « ${r.get('from')} » non comprise (attendu : 07:00)`);
    if (to === null) fail('to', `Heure de fin « ${r.get('to')} » non comprise (attendu : 17:00)`);
    if (date === null && dateText !== '') fail('date', `Date « ${dateText} » non comprise (attendu : 2018-10-17)`);
    if (skip || from === null || to === null) continue;

    let urgencePilote = parseYesNo(r.get('urgencePilote'));
    if (urgencePilote === undefined) {
      report(
        r.row,
        name('urgencePilote'),
        'warning',
        `Valeur « ${r.get('urgencePilote')} » non comprise (oui, non ou vide).`,
      );
      urgencePilote = null;
    }
    const url = r.get('url');
    if (url !== '' && !isWebLink(url)) {
      report(r.row, name('url'), 'warning', `Lien « ${url} » ignoré : seule une adresse https://… est acceptée.`);
    }
    const orNull = (text: string) => (collapseSpaces(text) === '' ? null : collapseSpaces(text));
    result.push({
      id: `contact-ligne-${r.row}`,
      date,
      site: orNull(r.get('site')),
      service: orNull(r.get('service')),
      from,
      to,
      urgencePilote,
      contact: {
        name: contactName,
        phone: orNull(r.get('phone')),
        url: isWebLink(url) ? url : null,
        note: orNull(r.get('note')),
      },
    });
  }
  return result;
}

function readHosts(rows: GridRow<HostColumn>[], h: HeaderMatch<HostColumn>, report: Report): HostMapping[] {
  const name = (key: HostColumn) => h.names[key] ?? key;
  const seen = new Map<string, number>();
  const result: HostMapping[] = [];
  for (const r of rows) {
    const pattern = r.get('pattern');
    const site = collapseSpaces(r.get('site'));
    if (pattern === '' || /\s/.test(pattern)) {
      const what = pattern === '' ? 'Nom de poste manquant' : `Nom de poste « ${pattern} » invalide (pas d’espace)`;
      report(r.row, name('pattern'), 'error', `${what} : la ligne est ignorée.`);
      continue;
    }
    if (site === '') {
      report(r.row, name('site'), 'error', `Site manquant pour le poste « ${pattern} » : la ligne est ignorée.`);
      continue;
    }
    const first = seen.get(pattern.toLowerCase());
    if (first !== undefined) {
      report(
        r.row,
        name('pattern'),
        'warning',
        `Le poste « ${pattern} » est déjà décrit à la ligne ${first} : ligne ignorée.`,
      );
      continue;
    }
    seen.set(pattern.toLowerCase(), r.row);
    const services = r
      .get('services')
      .split(/[;,]/)
      .map(collapseSpaces)
      .filter((s) => s !== '');
    result.push({ pattern, site, services });
  }
  return result;
}

function readExceptions(
  rows: GridRow<ExceptionColumn>[],
  h: HeaderMatch<ExceptionColumn>,
  report: Report,
): CalendarException[] {
  const raws = rows.map((r) => ({
    row: r.row,
    site: r.get('site'),
    service: r.get('service'),
    application: r.get('application'),
    from: r.get('from'),
    to: r.get('to'),
    action: r.get('action'),
    newWindow: r.get('newWindow'),
    reason: r.get('reason'),
  }));
  return buildExceptions(raws, (key) => h.names[key] ?? key, report);
}

/**
 * Reads one side table of a known kind from a sheet. Problems are prefixed (e.g. "Feuille « Services » : ")
 * so a person knows which sheet a row number belongs to. A missing header or required column → a warning and
 * no table.
 */
export function readSideTable(
  sheet: Sheet,
  kind: SideTableKind,
  prefix = '',
): { table: SideTable | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const report: Report = (row, column, severity, text) =>
    problems.push({ row, column, severity, message: prefix + text });
  const spec = specOf(kind);
  const header = findHeader(sheet.rows, spec);
  if (header === null) {
    report(
      null,
      null,
      'warning',
      `En-tête introuvable, table ignorée : la ligne d’en-tête doit contenir ${expectedHeader(spec)}.`,
    );
    return { table: null, problems };
  }
  if (header.missingRequired.length > 0) {
    report(
      null,
      null,
      'warning',
      `${missingColumnsMessage(spec, header.missingRequired, header.index + 1)} Table ignorée.`,
    );
    return { table: null, problems };
  }
  switch (kind) {
    case 'services': {
      const h = header as HeaderMatch<ServiceColumn>;
      return { table: { kind, rows: readServices(dataRows(sheet.rows, h), h, report) }, problems };
    }
    case 'contacts': {
      const h = header as HeaderMatch<ContactColumn>;
      return { table: { kind, rows: readContacts(dataRows(sheet.rows, h), h, report) }, problems };
    }
    case 'hosts': {
      const h = header as HeaderMatch<HostColumn>;
      return { table: { kind, rows: readHosts(dataRows(sheet.rows, h), h, report) }, problems };
    }
    case 'exceptions': {
      const h = header as HeaderMatch<ExceptionColumn>;
      return { table: { kind, rows: readExceptions(dataRows(sheet.rows, h), h, report) }, problems };
    }
  }
}

/** Which side table a sheet holds: by its name first, else by its header (a separate CSV file). */
export function detectSideTable(sheet: Sheet): SideTableKind | null {
  const byName = sideTableKindOfSheetName(sheet.name);
  if (byName !== null) return byName;
  const specs: TableSpec<string>[] = [SERVICES_TABLE, CONTACTS_TABLE, HOSTS_TABLE, EXCEPTIONS_TABLE];
  // The earliest header wins: a Contacts table may mention "Service" columns, never the other way round.
  let best: { kind: TableKind; index: number } | null = null;
  for (const spec of specs) {
    const header = findHeader(sheet.rows, spec);
    if (header !== null && (best === null || header.index < best.index))
      best = { kind: spec.kind, index: header.index };
  }
  return best === null ? null : (best.kind as SideTableKind);
}

/**
 * A side table given alone (e.g. services.csv next to inventaire.csv), recognised by name or header.
 * table null = the sheet is not a side table (or could not be read; see problems).
 */
export function sideTableFromSheet(sheet: Sheet, prefix = ''): { table: SideTable | null; problems: ImportProblem[] } {
  const kind = detectSideTable(sheet);
  return kind === null ? { table: null, problems: [] } : readSideTable(sheet, kind, prefix);
}

/**
 * Adds a side table read separately to an inventory. A separate file is the authority for its table: its rows
 * replace the inventory's rows of the same kind (two sources of truth for the same service would conflict).
 */
export function mergeSideTable(inventory: Inventory, table: SideTable): Inventory {
  switch (table.kind) {
    case 'services':
      return { ...inventory, services: table.rows };
    case 'contacts':
      return { ...inventory, contacts: table.rows };
    case 'hosts':
      return { ...inventory, hosts: table.rows };
    case 'exceptions':
      return { ...inventory, exceptions: table.rows };
  }
}
