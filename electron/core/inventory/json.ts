/** JSON reader: bytes → parsed value → the shared "vigie-inventory" validation. */
import { inventoryFromJson } from '../../../shared/inventory/json';
import { formatCount, INVENTORY_LIMITS } from '../../../shared/inventory/limits';
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

/**
 * Refuses JSON nested deeper than INVENTORY_LIMITS.jsonDepth, by one pass over the text before anything is parsed
 * (issue 9: `[[[[…` must not overflow a stack or take minutes in the checks that walk the parsed value). Brackets
 * inside strings do not count; a `"` inside a string is always escaped, and `\` escapes one byte.
 */
export function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const b = text.charCodeAt(i);
    if (inString) {
      if (b === 0x5c) i += 1;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x5b || b === 0x7b) {
      depth += 1;
      if (depth > INVENTORY_LIMITS.jsonDepth) {
        throw new InventoryReadError(
          `Le fichier JSON imbrique plus de ${INVENTORY_LIMITS.jsonDepth} niveaux de [ ] ou { } : ce n’est pas un ` +
            'inventaire Vigie (voir docs/inventory-format.md).',
        );
      }
    } else if (b === 0x5d || b === 0x7d) depth -= 1;
  }
}

export function readJson(bytes: Uint8Array): ImportResult {
  if (bytes.length > INVENTORY_LIMITS.jsonBytes) {
    throw new InventoryReadError(
      `Le fichier JSON dépasse ${formatCount(INVENTORY_LIMITS.jsonBytes / (1024 * 1024))} Mo : c’est trop pour un ` +
        'inventaire.',
    );
  }
  const text = decodeText(bytes);
  checkJsonDepth(text);
  return inventoryFromJson(parseJsonText(text));
}
