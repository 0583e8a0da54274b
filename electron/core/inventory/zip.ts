/**
 * Just enough of the zip format (PKWARE APPNOTE 4.3.16, "End of central directory record" and "Central directory
 * structure") for the streaming XLSX reader (xlsx.ts): exceljs's streaming reader walks the local records in file
 * order and never looks at the central directory, so on its own it would (1) take a workbook cut short at a record
 * boundary (an interrupted copy to the share) for a complete one with fewer sheets, and (2) write each worksheet
 * that precedes sharedStrings.xml — where Excel puts it — to a temporary file, and read a worksheet that precedes
 * styles.xml without its date formats. The central directory answers (1), and re-ordering the records answers (2).
 * Nothing is decompressed or copied here: the records are views on the file's bytes.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;

export interface ZipRecord {
  name: string;
  /** Offset of its local header: the record runs from here to the next record (data descriptor included). */
  offset: number;
  /** Sizes as the central directory declares them (the reader counts the inflated bytes against them). */
  compressedSize: number;
  size: number;
  /** 0 stored, 8 deflated. */
  method: number;
}

export interface ZipLayout {
  /** In file order. */
  records: ZipRecord[];
  /** Where the central directory starts, i.e. where the last record ends. */
  centralOffset: number;
}

/** `zip64`: a ZIP64 or split archive, which this module does not take apart (no workbook of an inventory needs one). */
export type ZipCheck = { ok: true; layout: ZipLayout } | { ok: false; zip64?: true };

/** The end-of-central-directory record, searched backwards (it may be followed by a comment). */
function findEocd(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at -= 1) {
    if (
      view.getUint32(at, true) === EOCD_SIGNATURE &&
      at + EOCD_SIZE + view.getUint16(at + 20, true) <= view.byteLength
    ) {
      return at;
    }
  }
  return -1;
}

/**
 * Whether the bytes are a complete plain zip (its central directory is there and points at local records), and
 * its layout with each entry's declared sizes.
 */
export function checkZip(bytes: Uint8Array): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return { ok: false };
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const centralOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || centralOffset === 0xffffffff || view.getUint16(eocd + 4, true) !== 0) {
    return { ok: false, zip64: true };
  }
  if (centralOffset + size > eocd) return { ok: false };
  const decoder = new TextDecoder('utf-8');
  const records: ZipRecord[] = [];
  let at = centralOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + CENTRAL_HEADER_SIZE > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return { ok: false };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const offset = view.getUint32(at + 42, true);
    if (offset === 0xffffffff || compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      return { ok: false, zip64: true };
    }
    if (offset + 4 > centralOffset || view.getUint32(offset, true) !== LOCAL_SIGNATURE) return { ok: false };
    const name = decoder.decode(bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength));
    records.push({ name, offset, compressedSize, size: uncompressedSize, method });
    at += CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  }
  records.sort((a, b) => a.offset - b.offset);
  return { ok: true, layout: { records, centralOffset } };
}

/**
 * The zip's bytes as chunks, its local records re-ordered by `rank` (lower first, ties in file order; a record
 * ranked `null` is left out: the reader never inflates what it does not read), then the central directory and what
 * follows unchanged (a streaming reader only walks the records; their offsets are not looked at).
 */
export function reorderedRecords(
  bytes: Uint8Array,
  layout: ZipLayout,
  rank: (name: string) => number | null,
): Uint8Array[] {
  const { records, centralOffset } = layout;
  const spans = records.flatMap((record, i) => {
    const r = rank(record.name);
    return r === null
      ? []
      : [{ rank: r, index: i, chunk: bytes.subarray(record.offset, records[i + 1]?.offset ?? centralOffset) }];
  });
  spans.sort((a, b) => a.rank - b.rank || a.index - b.index);
  // Bytes before the first record (a self-extractor stub) would not parse; there are none in a workbook.
  return [...spans.map((s) => s.chunk), bytes.subarray(centralOffset)];
}
