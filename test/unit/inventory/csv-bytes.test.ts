/**
 * readCsv hands UTF-8 bytes straight to csv-parse (no whole-file string): it must read exactly what the decoded
 * text path (decodeText + parseCsvText) reads, including the separator found on the first lines.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsv } from '../../../electron/core/inventory/csv';
import { decodeText } from '../../../electron/core/inventory/encoding';

const utf8 = (text: string) => new TextEncoder().encode(text);
const viaText = (bytes: Uint8Array) => parseCsvText(decodeText(bytes), 'inventaire');

describe('readCsv on UTF-8 bytes', () => {
  it('reads what the decoded text reads, with or without a BOM', () => {
    const text =
      'Liste, version 2\r\nDirection;Site;Service;Application;Plage de maintenance;Commentaire\r\n' +
      'DSP;IUSMM;Pédiatrie;"Cortex; Omnitech";1er mercredi 2h-4h;"Sur deux\r\nlignes, « guillemets »"\r\n';
    for (const bytes of [utf8(text), Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)])]) {
      const sheet = readCsv(bytes, 'inventaire');
      expect(sheet).toEqual(viaText(bytes));
      expect(sheet.rows[2]?.[3]).toBe('Cortex; Omnitech');
    }
  });

  it('finds the separator on lines beyond the first 64 KB, never on a line cut short', () => {
    // 29 lines with one comma, then a 69 KB line whose semicolons all come after the first 64 KB (23,000 "€" of
    // 3 bytes each: a cell within Excel's 32,767 characters).
    const long = '€'.repeat(23_000);
    const text = 'a,b\n'.repeat(29) + long + ';'.repeat(100) + '\n' + 'c;d\n';
    const sheet = readCsv(utf8(text), 'inventaire');
    expect(sheet).toEqual(viaText(utf8(text)));
    expect(sheet.rows.at(-1)).toEqual(['c', 'd']);
    // Quoted cells spanning more than 64 KB of lines: still one logical line.
    const quoted = `${`"${'ligne;\n'.repeat(4_000)}",`.repeat(3)}x\n`.repeat(2) + 'Service,Application\n';
    expect(readCsv(utf8(quoted), 'inventaire')).toEqual(viaText(utf8(quoted)));
  });

  it('decodes Windows-1252 and UTF-16 first, as before', () => {
    const cp1252 = Uint8Array.from([
      0x53, 0x65, 0x72, 0x76, 0x69, 0x63, 0x65, 0x3b, 0x50, 0xe9, 0x64, 0x69, 0x61, 0x92,
    ]);
    expect(readCsv(cp1252, 'x').rows).toEqual([['Service', 'Pédia’']]);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from('a;é').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(readCsv(utf16, 'x').rows).toEqual([['a', 'é']]);
  });
});
