/** JSON reader: bytes → parsed value → the shared "vigie-inventory" validation. */
import { inventoryFromJson } from '../../../shared/inventory/json';
import type { ImportResult } from '../../../shared/inventory/model';
import { decodeText } from './encoding';
import { InventoryReadError } from './errors';

/** "…at position 42" (Node 20) or "(line 3 column 5)" (Node 22) → a line number for the person. */
function lineOf(text: string, message: string): number | null {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  return null;
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const line = lineOf(text, error instanceof Error ? error.message : '');
    throw new InventoryReadError(
      `Le fichier JSON est mal formé${line ? ` (vers la ligne ${line})` : ''} : vérifiez les virgules, ` +
        'guillemets et accolades.',
    );
  }
}

export function readJson(bytes: Uint8Array): ImportResult {
  return inventoryFromJson(parseJsonText(decodeText(bytes)));
}
