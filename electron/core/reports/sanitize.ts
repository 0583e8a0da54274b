/**
 * File and folder names built from inventory text and hostnames (issue 5: "sanitised, no path traversal").
 * The share is read by Windows Explorer, Excel and scripts: keep names to plain ASCII letters, digits and '-',
 * which rules out separators, '..', drive letters, ':' streams, wildcards and control characters in one go.
 */

import { stripMarks } from '../../../shared/text/fold';

/** Windows device names: "CON", "con.txt" or "COM1" open the device, not a file, whatever the folder. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;

export const MAX_SEGMENT_LENGTH = 40;

/**
 * One safe name segment: accents folded ("Hôpital" → "Hopital"), anything else that is not [A-Za-z0-9-] becomes
 * '-', runs collapsed, ends trimmed, length capped. Never empty (→ `fallback`), never a reserved device name.
 */
export function sanitizeSegment(text: string, fallback = 'inconnu', maxLength = MAX_SEGMENT_LENGTH): string {
  let s = stripMarks(String(text))
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  if (s === '') s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}
