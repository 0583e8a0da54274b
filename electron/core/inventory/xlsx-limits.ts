/**
 * The XLSX reader's guards (issue 9; limits in shared/inventory/limits.ts, docs/inventory-format.md "Limites"):
 * what the zip's central directory declares is checked before anything is inflated, then every inflated byte is
 * counted against it (a zip may lie), and the cells are counted as the sheets are read. Each refusal is an
 * InventoryReadError: a French sentence for IT. The row and text-length refusals serve the CSV reader too.
 */
import { formatCount, INVENTORY_LIMITS } from '../../../shared/inventory/limits';
import { InventoryReadError } from './errors';
import type { ZipLayout, ZipRecord } from './zip';

const L = INVENTORY_LIMITS;
const MIB = 1024 * 1024;
const mib = (bytes: number) => `${Math.round(bytes / MIB)} Mo`;
const RESAVE = 'Ouvrez-le dans Excel, enregistrez-le de nouveau en .xlsx, puis réessayez.';

export const refuse = (message: string): never => {
  throw new InventoryReadError(message);
};

/** The parts Vigie reads of a workbook; the others (images, themes, printer settings…) are never inflated. */
export function isReadPart(name: string): boolean {
  return (
    name === 'xl/_rels/workbook.xml.rels' ||
    name === 'xl/workbook.xml' ||
    name === 'xl/styles.xml' ||
    name === 'xl/sharedStrings.xml' ||
    /^xl\/worksheets\/sheet\d+\.xml$/.test(name)
  );
}

/** Refuses, from the central directory alone, a zip whose declared sizes are beyond the limits. */
export function checkDeclaredSizes(layout: ZipLayout): void {
  if (layout.records.length > L.zipEntries) {
    refuse(
      `Le fichier Excel contient ${formatCount(layout.records.length)} éléments (limite : ${formatCount(L.zipEntries)}). ${RESAVE}`,
    );
  }
  let total = 0;
  for (const record of layout.records) {
    if (!isReadPart(record.name)) continue;
    if (record.method !== 0 && record.method !== 8) {
      refuse(`Le fichier Excel utilise une compression non prise en charge (méthode ${record.method}). ${RESAVE}`);
    }
    total += record.size;
    checkRatio(record, record.size);
    if (record.name === 'xl/sharedStrings.xml' && record.size > L.sharedStringsBytes) {
      refuse(
        `Les textes du fichier Excel occupent ${mib(record.size)} une fois décompressés (limite : ` +
          `${mib(L.sharedStringsBytes)}) : ce n’est pas une liste d’applications.`,
      );
    }
  }
  if (total > L.unzippedBytes) refuseUnzipped(total);
}

function refuseUnzipped(bytes: number): never {
  return refuse(
    `Le fichier Excel occupe plus de ${mib(bytes)} une fois décompressé (limite : ${mib(L.unzippedBytes)}) : ` +
      'ce n’est pas une liste d’applications (ou une « bombe » de compression). Retirez les feuilles et lignes ' +
      'inutiles, ou publiez la liste en CSV.',
  );
}

function checkRatio(record: ZipRecord, size: number): void {
  if (size > L.ratioFloorBytes && size > L.compressionRatio * Math.max(1, record.compressedSize)) {
    refuse(
      `L’élément « ${record.name} » du fichier Excel se décompresse plus de ${L.compressionRatio} fois : ` +
        'c’est une « bombe » de compression, pas une liste d’applications.',
    );
  }
}

/**
 * Bytes of a run of XML text between two `<` that certainly holds more than `cellChars` characters: a character
 * takes at most 8 bytes as XML (`&#65535;`), plus room for a tag's name and attributes.
 */
const MAX_TEXT_RUN_BYTES = L.cellChars * 8 + 4096;

/** Counts the bytes inflated from the zip, across entries, against the declared sizes and the limits. */
export class InflateBudget {
  private total = 0;
  private readonly declared = new Map<string, ZipRecord>();

  constructor(layout: ZipLayout) {
    for (const record of layout.records) this.declared.set(record.name, record);
  }

  /**
   * The entry's inflated bytes, unchanged, counted as they come: refused past what the central directory
   * declared (a lying zip), past the limits, or when one text run (between two `<`) is longer than any cell
   * Excel allows. Nothing is buffered: the inflater runs only as fast as the reader pulls.
   */
  async *watch(name: string, source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
    const record = this.declared.get(name);
    let size = 0;
    let run = 0;
    for await (const chunk of source) {
      size += chunk.length;
      this.total += chunk.length;
      if (record && size > record.size) {
        refuse(`Le fichier Excel est incohérent : « ${name} » est plus grand que ce que le fichier annonce. ${RESAVE}`);
      }
      if (record) checkRatio(record, size);
      if (this.total > L.unzippedBytes) refuseUnzipped(this.total);
      run = textRun(chunk, run);
      yield chunk;
    }
  }
}

/** The length of the run of bytes without `<` at the end of `chunk`, given the run before it; refuses a long one. */
function textRun(chunk: Uint8Array, before: number): number {
  const first = chunk.indexOf(0x3c);
  if (first < 0) {
    if (before + chunk.length > MAX_TEXT_RUN_BYTES) refuseLongText();
    return before + chunk.length;
  }
  if (before + first > MAX_TEXT_RUN_BYTES) refuseLongText();
  // A chunk shorter than the limit cannot hold a long run between two of its own `<`.
  if (chunk.length > MAX_TEXT_RUN_BYTES) {
    for (
      let at = first, next = chunk.indexOf(0x3c, first + 1);
      next >= 0;
      at = next, next = chunk.indexOf(0x3c, at + 1)
    ) {
      if (next - at > MAX_TEXT_RUN_BYTES) refuseLongText();
    }
  }
  return chunk.length - 1 - chunk.lastIndexOf(0x3c);
}

export function refuseLongText(where = ''): never {
  return refuse(
    `Le fichier contient un texte de plus de ${formatCount(L.cellChars)} caractères${where} (la limite d’une ` +
      'cellule Excel) : ce n’est pas une liste d’applications.',
  );
}

/** The cells and rows kept from a file's sheets, counted against the limits as they are read. */
export class GridBudget {
  private cells = 0;
  private rows = 0;

  /** A row of `cells` cells is about to be kept (sheet row `row`, 1-based), after `gap` empty rows. */
  addRow(sheet: string, row: number, cells: number, gap: number): void {
    if (row > L.excelRows) {
      refuse(
        `La feuille « ${sheet} » a une ligne numérotée ${formatCount(row)}, au-delà des ` +
          `${formatCount(L.excelRows)} lignes d’une feuille Excel : le fichier est endommagé ou fabriqué. ${RESAVE}`,
      );
    }
    if (cells > L.excelColumns) {
      refuse(
        `La feuille « ${sheet} » a une cellule au-delà de la colonne XFD (la ${formatCount(L.excelColumns)}e) à la ` +
          `ligne ${formatCount(row)} : le fichier est endommagé ou fabriqué. ${RESAVE}`,
      );
    }
    this.rows += 1;
    // A left-out row costs one pointer: counted as one cell.
    this.cells += cells + gap;
    if (this.rows > L.rows) refuseRows(this.rows);
    if (this.cells > L.cells) {
      refuse(
        `Les feuilles occupent plus de ${formatCount(L.cells)} cellules (jusqu’à la ligne ${formatCount(row)} de « ${sheet} ») : ` +
          'des cellules isolées loin du tableau (colonne XFD, ligne 1 000 000…) ? Supprimez les colonnes et lignes ' +
          'inutiles dans Excel, ou publiez la liste en CSV.',
      );
    }
  }
}

export function refuseRows(rows: number): never {
  return refuse(
    `Le fichier a plus de ${formatCount(L.rows)} lignes (au moins ${formatCount(rows)}) : ce n’est pas une liste ` +
      'd’applications. Retirez les lignes inutiles.',
  );
}
