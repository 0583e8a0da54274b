/**
 * Byte-stream helpers for exceljs's streaming reader (xlsx.ts). Its SAX feeder decodes each chunk on its own
 * (TextDecoder without `{ stream: true }`), so a character that the inflater splits across two chunks comes out
 * as two U+FFFD: "Hémodialyse" read as "H��modialyse" in a 20,000-row workbook. utf8Chunks re-cuts the bytes so
 * no chunk ends inside a character; the reader then decodes every chunk whole.
 */

/** Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence. */
function completeLength(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  // Back over at most three continuation bytes (10xxxxxx) to the sequence's first byte.
  while (lead >= 0 && bytes.length - lead <= 3 && ((bytes[lead] as number) & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return bytes.length;
  const first = bytes[lead] as number;
  const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.length - lead >= size ? bytes.length : lead;
}

const asBuffer = (chunk: Uint8Array) =>
  Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/** The same bytes, each chunk ending on a character boundary (the tail of a split character moves on). */
export async function* utf8Chunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer, void, undefined> {
  let carry: Buffer | null = null;
  for await (const chunk of source) {
    let bytes = asBuffer(chunk);
    if (carry) {
      bytes = Buffer.concat([carry, bytes]);
      carry = null;
    }
    const cut = completeLength(bytes);
    if (cut < bytes.length) {
      carry = Buffer.from(bytes.subarray(cut));
      bytes = bytes.subarray(0, cut);
    }
    if (bytes.length > 0) yield bytes;
  }
  // A truncated last character: passed on as is (the XML parser reports it).
  if (carry) yield carry;
}
