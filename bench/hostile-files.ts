/**
 * Hostile inventory files (issue 9), written byte by byte so each fault is exactly the one named: a worksheet row
 * numbered 2,000,000,000, a cell in column XFD, a zip whose one shared string inflates to 400 MiB, a zip bomb,
 * a zip whose central directory lies about sizes, deep JSON, a huge CSV cell… Used by `npm run bench -- hostile`
 * and by test/unit/inventory/hostile-*.test.ts (the tests use smaller sizes, same shapes).
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The entry's bytes, or chunks of them (a big entry is deflated chunk by chunk, never held whole). */
  data: Uint8Array | (() => Iterable<Uint8Array>);
  /** Stored (method 0) instead of deflated. */
  stored?: boolean;
  /** Sizes written in the headers instead of the true ones: a zip that lies. */
  declaredSize?: number;
}

interface Packed {
  compressed: Buffer;
  crc: number;
  size: number;
}

async function pack(part: ZipPart): Promise<Packed> {
  if (typeof part.data !== 'function') {
    const data = Buffer.from(part.data);
    return { compressed: part.stored ? data : deflateRawSync(data, { level: 9 }), crc: crc32(data), size: data.length };
  }
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of part.data()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc, size };
}

/** A plain zip (APPNOTE 4.3.7 local headers, 4.3.12 central directory, 4.3.16 end record), no data descriptors. */
export async function zipBytes(parts: readonly ZipPart[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { compressed, crc, size: trueSize } = await pack(part);
    const size = part.declaredSize ?? trueSize;
    const name = Buffer.from(part.name, 'utf8');
    const method = part.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const utf8 = (text: string) => new TextEncoder().encode(text);

/** "A", "XFD"… from a 1-based column number. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One row of inline-string cells, `<row r="n">`, columns from A. */
export function inlineRow(row: number, cells: readonly string[], firstColumn = 1): string {
  const body = cells
    .map(
      (text, i) =>
        `<c r="${columnLetters(firstColumn + i)}${row}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`,
    )
    .join('');
  return `<row r="${row}">${body}</row>`;
}

export const HOSTILE_HEADER = ['Site', 'Service', 'Application', 'Plage de maintenance', 'Commentaire'];
export const HOSTILE_ROW = ['IUSMM', 'Laboratoire', 'GestLab', '1er mercredi 2h-4h', ''];

const sheetXml = (rowsXml: string) => `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rowsXml}</sheetData></worksheet>`;

/** The parts every workbook here has (workbook, its relationships, one sheet). */
function bookParts(sheet: ZipPart['data'], withSharedStrings: boolean): ZipPart[] {
  const rels =
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    (withSharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    '</Relationships>';
  return [
    {
      name: '_rels/.rels',
      data: utf8(
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: utf8(
        `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
          '<sheet name="Inventaire" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(rels) },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
}

/** A valid one-sheet workbook (inline strings) whose rows are given as XML, plus extra parts. */
export function workbookWithRows(rowsXml: string, extra: readonly ZipPart[] = []): Promise<Uint8Array> {
  return zipBytes([...bookParts(utf8(sheetXml(rowsXml)), false), ...extra]);
}

/** The header on row 1, one good application on row 2, then `rowsXml`. */
export function inventoryWorkbook(rowsXml: string, extra: readonly ZipPart[] = []): Promise<Uint8Array> {
  return workbookWithRows(inlineRow(1, HOSTILE_HEADER) + inlineRow(2, HOSTILE_ROW) + rowsXml, extra);
}

/** Repeats `unit` up to `bytes` bytes, in chunks of about 1 MiB. */
export function repeated(unit: string, bytes: number): () => Iterable<Uint8Array> {
  return function* () {
    const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))));
    let left = bytes;
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      yield piece;
    }
  };
}

/** A workbook whose one shared string (used by cell C2) has `chars` characters. */
export function sharedStringWorkbook(chars: number): Promise<Uint8Array> {
  const head = utf8(`${XML}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>`);
  const tail = utf8('</t></si></sst>');
  const body = repeated('a', chars);
  const sheet = sheetXml(inlineRow(1, HOSTILE_HEADER) + '<row r="2"><c r="C2" t="s"><v>0</v></c></row>');
  return zipBytes([
    ...bookParts(utf8(sheet), true),
    { name: 'xl/sharedStrings.xml', data: () => [head, ...body(), tail] },
  ]);
}

/**
 * A zip bomb by ratio: the worksheet is the inventory followed by `bytes` of blank space, which deflate shrinks
 * about 1,000 times. `lie`: the headers declare the worksheet's true compressed size as its size.
 */
export async function bombWorkbook(bytes: number, lie = false): Promise<Uint8Array> {
  const head = utf8(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${inlineRow(1, HOSTILE_HEADER)}`);
  const tail = utf8(`${inlineRow(2, HOSTILE_ROW)}</sheetData></worksheet>`);
  const blank = repeated(' ', bytes);
  const parts = bookParts(() => [head, ...blank(), tail], false);
  if (lie) {
    const sheet = parts[3] as ZipPart;
    sheet.declaredSize = (await pack(sheet)).compressed.length;
  }
  return zipBytes(parts);
}

/**
 * A big workbook that is nothing but a plain inventory with inline strings (no sharedStrings.xml: exceljs's
 * streaming reader then writes every worksheet to a temporary file first), `rows` rows of varied text.
 */
export function bigInlineWorkbook(rows: number): Promise<Uint8Array> {
  const head = utf8(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${inlineRow(1, HOSTILE_HEADER)}`);
  const tail = utf8('</sheetData></worksheet>');
  function* body(): Iterable<Uint8Array> {
    const lines: string[] = [];
    for (let r = 2; r <= rows + 1; r += 1) {
      const n = (r * 2654435761) >>> 0;
      lines.push(
        inlineRow(r, [
          `Site ${n % 97}`,
          `Service ${n % 31}`,
          `Application ${r} ${n.toString(36)}`,
          `${1 + (n % 4)}e mercredi 2h-4h`,
          `Commentaire ${n.toString(16)} ${(n >>> 7).toString(36)}`,
        ]),
      );
      if (lines.length === 2000) yield utf8(lines.splice(0).join(''));
    }
    if (lines.length > 0) yield utf8(lines.join(''));
  }
  return zipBytes(bookParts(() => [head, ...body(), tail], false));
}

/** `[[[[…` `depth` times (the JSON is cut short: the parser must stop at the depth, not at the end). */
export function deepJson(depth: number): Uint8Array {
  return utf8('{"format":"vigie-inventory","applications":' + '['.repeat(depth) + ']'.repeat(depth) + '}');
}

/** A CSV inventory whose comment cell holds `chars` characters. */
export function hugeCellCsv(chars: number): Uint8Array {
  const head = `${HOSTILE_HEADER.join(';')}\r\n${HOSTILE_ROW.slice(0, 4).join(';')};`;
  return utf8(head + 'x'.repeat(chars) + '\r\n');
}

/** A CSV inventory of `rows` rows whose schedule is not understood: one warning each. */
export function manyWarningsCsv(rows: number): Uint8Array {
  const lines = [HOSTILE_HEADER.join(';')];
  for (let r = 0; r < rows; r += 1) lines.push(`IUSMM;Laboratoire;App ${r};quand ça lui chante;`);
  return utf8(lines.join('\r\n') + '\r\n');
}

/** A CSV of `rows` empty lines under a header: rows that cost memory but hold nothing. */
export function blankLinesCsv(rows: number): Uint8Array {
  return utf8(`${HOSTILE_HEADER.join(';')}\r\n${HOSTILE_ROW.join(';')}\r\n${'\r\n'.repeat(rows)}`);
}
