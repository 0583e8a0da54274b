/**
 * Entry point of the inventory importer: bytes of a file → validated Inventory, or a clear failure.
 * The format is chosen by content (a file renamed .csv/.xlsx by hand is still read correctly); the name only
 * names the sheet of a CSV. Never throws: every failure becomes a French ImportProblem.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { inventoryFromSheets } from '../../../shared/inventory/from-sheets';
import { appendProblems, capProblems, INVENTORY_LIMITS } from '../../../shared/inventory/limits';
import type { ImportProblem, ImportResult, InventoryFormat, Sheet } from '../../../shared/inventory/model';
import { sideTableFromSheet, type SideTable } from '../../../shared/inventory/side-tables';
import { limitInventoryTexts, limitSideTableTexts } from '../../../shared/inventory/text-limits';
import { hostPatternWarnings, type HostPatternOptions } from '../settings/hosts';
import { readCsv } from './csv';
import { decodeText, hasUtf8Bom, utf16Encoding } from './encoding';
import { InventoryReadError } from './errors';
import { readXlsx } from './xlsx';

/** Far above any real inventory (a few hundred rows); protects the agent from a wrong file on the share. */
export const MAX_INVENTORY_BYTES = INVENTORY_LIMITS.fileBytes;

const TOO_BIG = `Le fichier dépasse ${INVENTORY_LIMITS.fileBytes / (1024 * 1024)} Mo : c’est trop pour une liste d’applications.`;

const NOT_A_SHEET = 'Ce fichier n’est pas un tableur reconnu (CSV, XLSX ou JSON).';

type Sniffed = { format: InventoryFormat } | { failure: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Control characters other than tab/CR/LF/FF: text files have none, binary files plenty. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control += 1;
  }
  return control > head.length / 100;
}

/**
 * Two things Excel saves under an .xls name that are neither a workbook nor a CSV: a web page ("Page Web",
 * or a report exported by a web application as .xls) and an "XML Spreadsheet 2003". Without their own message,
 * the CSV reader would say it found no header, which sends IT looking in the wrong place.
 */
type Markup = 'html' | 'excel-xml';
const MARKUP_FAILURES: Record<Markup, string> = {
  html:
    'Ce fichier est une page web (HTML), même si son nom finit par .xls : ouvrez-le dans Excel puis ' +
    'enregistrez-le au format .xlsx ou .csv. / This file is a web page (HTML) saved as .xls: save it as .xlsx or .csv.',
  'excel-xml':
    'Ce fichier est une feuille de calcul XML 2003 (format « Feuille de calcul XML ») : ouvrez-le dans Excel puis ' +
    'enregistrez-le au format .xlsx ou .csv. / This file is an Excel 2003 XML spreadsheet: save it as .xlsx or .csv.',
};

function markupKind(head: string): Markup | null {
  const text = head.trimStart().slice(0, 4096).toLowerCase();
  if (!text.startsWith('<')) return null;
  if (
    text.includes('urn:schemas-microsoft-com:office:spreadsheet') ||
    text.includes('<?mso-application progid="excel.sheet"')
  ) {
    return 'excel-xml';
  }
  if (/^<(!doctype html|html|head|body|table|meta)[\s>]/.test(text) || text.includes('<html')) return 'html';
  return null;
}

export function sniffFormat(bytes: Uint8Array, fileName = ''): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An OpenDocument spreadsheet is also a zip, and names itself in its first entry.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 120));
    if (head.includes('opendocument')) {
      return { failure: 'Ce fichier est au format OpenDocument (.ods) : enregistrez-le au format .xlsx ou .csv.' };
    }
    return { format: 'xlsx' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      failure:
        'Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : enregistrez-le au ' +
        'format .xlsx (sans mot de passe) ou .csv.',
    };
  }
  if (!utf16Encoding(bytes) && looksBinary(bytes)) return { failure: NOT_A_SHEET };
  const markup = markupKind(decodeText(bytes.subarray(0, 4096)));
  if (markup) return { failure: MARKUP_FAILURES[markup] };
  // "[" could open a CSV title ("[Brouillon]"); only a .json name makes it JSON (then refused with a reason).
  const first = decodeText(bytes.subarray(0, 4096)).trimStart().charAt(0);
  const json = first === '{' || (first === '[' && extname(fileName).toLowerCase() === '.json');
  return { format: json ? 'json' : 'csv' };
}

function isEmpty(bytes: Uint8Array): boolean {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  return body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

const failure = (format: InventoryFormat | null, message: string): ImportResult => ({
  ok: false,
  format,
  problems: [{ row: null, column: null, severity: 'error', message }],
});

function messageOf(error: unknown): string {
  if (error instanceof InventoryReadError) return error.message;
  return 'Le fichier n’a pas pu être lu (erreur inattendue). Vérifiez qu’il s’agit bien de la liste des applications.';
}

/** The sheet name of a CSV file: its name without folder or extension ("inventaire"). */
const csvSheetName = (fileName: string) => basename(fileName, extname(fileName)) || 'CSV';

async function sheetsOf(bytes: Uint8Array, fileName: string, format: 'csv' | 'xlsx'): Promise<Sheet[]> {
  return format === 'xlsx' ? readXlsx(bytes) : [readCsv(bytes, csvSheetName(fileName))];
}

export interface ImportOptions {
  /** How loose a Postes pattern may be before it is a warning (settings/hosts.ts). */
  hostPatterns?: HostPatternOptions;
}

/** Adds the Postes warnings (a catch-all row, a pattern matching most known names) to a usable inventory. */
export function withHostWarnings(result: ImportResult, options: ImportOptions): ImportResult {
  if (!result.ok) return result;
  const known = new Set(result.problems.map((p) => p.message));
  const warnings = hostPatternWarnings(result.inventory.hosts, options.hostPatterns).filter((m) => !known.has(m));
  if (warnings.length === 0) return result;
  const extra = warnings.map((message) => ({ row: null, column: null, severity: 'warning' as const, message }));
  return { ...result, problems: [...result.problems, ...extra] };
}

/** Every imported text within the one length policy (shared/inventory/text-limits.ts), whatever the format. */
function withTextLimits(result: ImportResult): ImportResult {
  if (!result.ok) return result;
  const limited = limitInventoryTexts(result.inventory);
  return { ...result, inventory: limited.inventory, problems: [...result.problems, ...limited.problems] };
}

/**
 * Bytes → Inventory, within INVENTORY_LIMITS (shared/inventory/limits.ts) and the text length policy: the sync and
 * `check-inventory` both come here, so a file the workstations would refuse is refused by the command with the
 * same sentence.
 */
export async function importInventory(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const result = withHostWarnings(withTextLimits(await importWithinLimits(bytes, fileName)), options);
  return { ...result, problems: capProblems(result.problems) };
}

async function importWithinLimits(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  let format: InventoryFormat | null = null;
  try {
    if (bytes.length > INVENTORY_LIMITS.fileBytes) return failure(null, TOO_BIG);
    if (isEmpty(bytes)) return failure(null, 'Le fichier est vide.');
    const sniffed = sniffFormat(bytes, fileName);
    if ('failure' in sniffed) return failure(null, sniffed.failure);
    format = sniffed.format;
    // Loaded on demand: its zod schema costs ~0.2 s and ~16 MB to load, and spreadsheets are the common case
    // (the CLI and the import benchmark pay nothing for JSON unless they read JSON).
    if (format === 'json') return (await import('./json')).readJson(bytes);
    return inventoryFromSheets(await sheetsOf(bytes, fileName, format), format);
  } catch (error) {
    return failure(format, messageOf(error));
  }
}

export type SideTableImport =
  | { ok: true; format: 'csv' | 'xlsx'; table: SideTable; problems: ImportProblem[] }
  | { ok: false; format: InventoryFormat | null; problems: ImportProblem[] };

/**
 * A side table published as its own file (services.csv, contacts.csv, postes.csv, or a one-sheet workbook),
 * recognised by its sheet name or header. Merge it with mergeSideTable (shared/inventory). Never throws.
 */
export async function importSideTable(bytes: Uint8Array, fileName: string): Promise<SideTableImport> {
  const result = await sideTableWithinLimits(bytes, fileName);
  return { ...result, problems: capProblems(result.problems) };
}

async function sideTableWithinLimits(bytes: Uint8Array, fileName: string): Promise<SideTableImport> {
  let format: InventoryFormat | null = null;
  const fail = (message: string, problems: ImportProblem[] = []): SideTableImport => ({
    ok: false,
    format,
    problems: [...problems, { row: null, column: null, severity: 'error', message }],
  });
  try {
    if (bytes.length > INVENTORY_LIMITS.fileBytes) return fail(TOO_BIG);
    if (isEmpty(bytes)) return fail('Le fichier est vide.');
    const sniffed = sniffFormat(bytes, fileName);
    if ('failure' in sniffed) return fail(sniffed.failure);
    format = sniffed.format;
    if (format === 'json')
      return fail('Une table Services, Contacts, Postes ou Exceptions se publie en CSV ou XLSX, pas en JSON.');
    const sheetFormat = format;
    const problems: ImportProblem[] = [];
    for (const sheet of await sheetsOf(bytes, fileName, sheetFormat)) {
      const side = sideTableFromSheet(sheet);
      appendProblems(problems, side.problems);
      if (side.table) {
        const limited = limitSideTableTexts(side.table);
        appendProblems(problems, limited.problems);
        return { ok: true, format: sheetFormat, table: limited.table, problems };
      }
    }
    return fail(
      'Aucune table Services, Contacts, Postes ou Exceptions reconnue dans ce fichier (voir docs/inventory-format.md).',
      problems,
    );
  } catch (error) {
    return fail(messageOf(error));
  }
}

/** A file-system error in French, naming the file. */
export function fileErrorMessage(path: string, error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  const name = `« ${path} »`;
  switch (code) {
    case 'ENOENT':
      return `Le fichier ${name} est introuvable. Vérifiez le chemin dans les paramètres.`;
    case 'EACCES':
    case 'EPERM':
      return `Accès refusé au fichier ${name} : vérifiez les droits sur le dossier partagé.`;
    case 'EISDIR':
      return `${name} est un dossier, pas un fichier.`;
    case 'EBUSY':
      return `Le fichier ${name} est en cours d’utilisation (ouvert dans Excel ?). Réessayez plus tard.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTCONN':
    case 'EHOSTDOWN':
    case 'ECONNRESET':
    case 'UNKNOWN':
      return `Le partage réseau de ${name} est inaccessible pour le moment.`;
    default:
      return `Le fichier ${name} n’a pas pu être lu.`;
  }
}

/** Reads a file (local or UNC path) and imports it (with `importer`: e.g. in a separate process). Never throws. */
export async function importInventoryFile(
  path: string,
  importer: (bytes: Uint8Array, fileName: string) => Promise<ImportResult> = importInventory,
): Promise<ImportResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return failure(null, `« ${path} » est un dossier, pas un fichier.`);
    if (info.size > MAX_INVENTORY_BYTES) {
      return failure(null, `Le fichier « ${path} » est trop volumineux pour être une liste d’applications.`);
    }
    const bytes = await readFile(path);
    return await importer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path));
  } catch (error) {
    return failure(null, fileErrorMessage(path, error));
  }
}
