/**
 * CSV reader: bytes → Sheet. Handles what Excel on a French Windows produces: Windows-1252 ("CSV (séparateur :
 * point-virgule)") or UTF-8 with a BOM ("CSV UTF-8"), `;` separators, CRLF, quoted cells spanning lines.
 */
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import type { Sheet } from '../../../shared/inventory/model';
import { foldText } from '../../../shared/text/fold';
import { decodeText, hasUtf8Bom, utf16Encoding } from './encoding';
import { formatCount, INVENTORY_LIMITS } from '../../../shared/inventory/limits';
import { InventoryReadError } from './errors';
import { refuseLongText, refuseRows } from './xlsx-limits';

const CANDIDATES = [';', ',', '\t'] as const;
type Delimiter = (typeof CANDIDATES)[number];
/** Words of a header line: the line whose separators we trust. */
const HEADER_WORDS = /\b(direction|site|service|application|plage|commentaire|poste|contact|quart)/g;
const SCAN_LINES = 30;

type LineCounts = { folded: string; counts: Record<Delimiter, number> }[];

/**
 * Splits the start of the text into logical lines (a quoted cell may hold newlines) and counts each candidate
 * separator outside quotes, up to SCAN_LINES lines. `full`: SCAN_LINES lines were found, each ended by a line break
 * (so a longer text would give the same lines).
 */
function countPerLine(text: string): { lines: LineCounts; full: boolean } {
  const lines: LineCounts = [];
  let counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let raw = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < SCAN_LINES; i += 1) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      lines.push({ folded: foldText(raw), counts });
      counts = { ';': 0, ',': 0, '\t': 0 };
      raw = '';
      continue;
    }
    if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
    // Header words come first: a line's first 4,096 characters are enough, and a huge line costs no more.
    if (raw.length < 4096) raw += ch;
  }
  const full = lines.length >= SCAN_LINES;
  if (raw !== '') lines.push({ folded: foldText(raw), counts });
  return { lines, full };
}

/**
 * The separator, read from the header line (the first line naming at least two known columns): data lines are
 * no good witnesses, since a `;` file leaves the commas of French sentences unquoted. Without a recognisable
 * header, the separator most used over the first lines wins; ties go to `;` (French Excel's choice).
 */
export function detectDelimiter(text: string): Delimiter {
  return delimiterOf(countPerLine(text).lines);
}

function delimiterOf(lines: LineCounts): Delimiter {
  const best = (counts: Record<Delimiter, number>): Delimiter | null => {
    let winner: Delimiter | null = null;
    for (const d of CANDIDATES) if (counts[d] > 0 && (winner === null || counts[d] > counts[winner])) winner = d;
    return winner;
  };
  const header = lines.find((line) => new Set(line.folded.match(HEADER_WORDS) ?? []).size >= 2);
  const fromHeader = header ? best(header.counts) : null;
  if (fromHeader) return fromHeader;
  const total: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  for (const line of lines) for (const d of CANDIDATES) total[d] += line.counts[d];
  return best(total) ?? ';';
}

/** Parses already-decoded CSV text. Throws InventoryReadError (French) on an unclosed quote. */
export function parseCsvText(text: string, name: string): Sheet {
  return parseCsv(text, detectDelimiter(text), name);
}

/**
 * detectDelimiter on UTF-8 bytes, decoding only as much of their start as the scan reads (the first SCAN_LINES
 * logical lines), not the whole file.
 */
function detectUtf8Delimiter(body: Uint8Array): Delimiter {
  const decoder = new TextDecoder('utf-8');
  for (let size = 64 * 1024; ; size *= 4) {
    const { lines, full } = countPerLine(decoder.decode(body.subarray(0, size)));
    // Bounded: 30 lines that do not fit in 4 MiB are not an inventory's (the parser then refuses the long line).
    if (full || size >= body.length || size >= 4 * 1024 * 1024) return delimiterOf(lines);
  }
}

const L = INVENTORY_LIMITS;
/**
 * csv-parse's cap on one record's field and line buffers (bytes for a Buffer input): a row of Excel-sized cells
 * fits; a 40 MB cell is stopped at 1 MiB instead of being buffered whole (issue 9).
 */
const MAX_RECORD_BYTES = 1024 * 1024;

/** Occurrences of the byte or character `code` in `input` (native indexOf: a few ms for a large file). */
function countOf(input: string | Buffer, code: number): number {
  let count = 0;
  if (typeof input === 'string') {
    const ch = String.fromCharCode(code);
    for (let at = input.indexOf(ch); at >= 0; at = input.indexOf(ch, at + 1)) count += 1;
  } else for (let at = input.indexOf(code); at >= 0; at = input.indexOf(code, at + 1)) count += 1;
  return count;
}

/**
 * Refuses, before parsing, a CSV that may hold more cells than INVENTORY_LIMITS.cells: separators plus line breaks
 * bound the number of cells from above (a separator inside quotes only makes the bound larger). Counted here
 * rather than per record: a csv-parse `on_record` hook builds an info object for every record, which cost the
 * import a third of its speed (`npm run bench -- import`).
 */
function checkCellCount(input: string | Buffer, delimiter: Delimiter): void {
  const bound = countOf(input, delimiter.charCodeAt(0)) + countOf(input, 0x0a) + countOf(input, 0x0d) + 1;
  if (bound > L.cells) {
    throw new InventoryReadError(
      `Le fichier CSV peut contenir plus de ${formatCount(L.cells)} cellules : ce n’est pas une liste d’applications.`,
    );
  }
}

/** Refuses a sheet past the row limit (csv-parse stopped one row after it) or with a cell longer than Excel's. */
function checkRows(rows: readonly (readonly string[])[]): void {
  if (rows.length > L.rows) refuseRows(rows.length);
  for (let r = 0; r < rows.length; r += 1) {
    for (const cell of rows[r] as readonly string[]) {
      if (cell.length > L.cellChars) refuseLongText(` (ligne ${formatCount(r + 1)})`);
    }
  }
}

function parseCsv(input: string | Buffer, delimiter: Delimiter, name: string): Sheet {
  checkCellCount(input, delimiter);
  try {
    const rows = parse(input, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      max_record_size: MAX_RECORD_BYTES,
      // One row past the limit, so that checkRows can tell; the rest of the file is not parsed.
      to: L.rows + 1,
    });
    checkRows(rows);
    return { name, rows };
  } catch (error) {
    if (error instanceof InventoryReadError) throw error;
    const { code, lines: line } = error as { code?: string; lines?: number };
    if (code === 'CSV_MAX_RECORD_SIZE') refuseLongText(line ? ` (vers la ligne ${formatCount(line)})` : '');
    if (code !== 'CSV_QUOTE_NOT_CLOSED') {
      throw new InventoryReadError(
        'Le fichier CSV n’a pas pu être lu. Ouvrez-le dans Excel et enregistrez-le de nouveau.',
      );
    }
    throw new InventoryReadError(
      'Le fichier CSV est mal formé' +
        (line ? ` vers la ligne ${line}` : '') +
        ' : un guillemet (") ouvert n’est jamais refermé. Ouvrez-le dans Excel et enregistrez-le de nouveau.',
    );
  }
}

/**
 * Bytes → Sheet. UTF-8 (the common case: "CSV UTF-8", or plain ASCII) goes to csv-parse as bytes: decoding the
 * whole file to a string first would hold it twice more in memory (a UTF-16 string, then csv-parse's own UTF-8
 * Buffer.from of it) for the same result. Other encodings are decoded first (decodeText).
 */
export function readCsv(bytes: Uint8Array, name: string): Sheet {
  if (!utf16Encoding(bytes)) {
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    if (isUtf8(body)) {
      const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      return parseCsv(buffer, detectUtf8Delimiter(buffer), name);
    }
  }
  return parseCsvText(decodeText(bytes), name);
}
