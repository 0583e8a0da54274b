/**
 * Bytes → text for spreadsheets saved by Excel on a French Windows: UTF-8 (with or without BOM), UTF-16
 * ("Texte Unicode") or, from older "CSV" saves, the Windows-1252 code page.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** Excel's "Texte Unicode" save is UTF-16 (little-endian) with a BOM. */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG Encoding Standard); every other byte is its Latin-1 code point.
 * Hard-coded because Node's TextDecoder('windows-1252') decodes this block as Latin-1 C1 controls in Node
 * 20.18.3+ and 22.13+ (https://github.com/nodejs/node/issues/56542, #60888): "l’équipe" would lose its
 * apostrophe (0x92), "cœur" its œ (0x9C).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
      b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * A UTF-16 BOM decides; otherwise strict UTF-8 first (a BOM is dropped); bytes that are not valid UTF-8 come
 * from an older Excel "CSV" save, which writes the Windows code page (Windows-1252 for French).
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes.subarray(2));
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}
