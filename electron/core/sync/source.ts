/**
 * What the configured "inventorySource" string designates. null/empty = the inventory embedded in the app.
 */
import { fileURLToPath } from 'node:url';

export const EMBEDDED_SOURCE = 'embedded';

export type InventorySource =
  /** A file (local, UNC) or a folder whose newest inventory file is used. `label` is what the store records. */
  | { kind: 'file'; label: string; path: string }
  | { kind: 'http'; label: string; url: URL }
  /** Not usable as configured; `message` (French) says why. */
  | { kind: 'bad'; label: string; message: string };

export interface SourceOptions {
  /** Path of the embedded default inventory (assets/inventaire-par-defaut.csv). */
  embeddedPath: string;
  /** Tests only: accept http:// on 127.0.0.1/localhost. */
  allowLocalHttp?: boolean;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function parseSource(raw: string | null | undefined, options: SourceOptions): InventorySource {
  const text = raw?.trim() ?? '';
  if (text === '' || text === EMBEDDED_SOURCE) {
    return { kind: 'file', label: EMBEDDED_SOURCE, path: options.embeddedPath };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^file:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { kind: 'bad', label: text, message: `Adresse de l'inventaire invalide : ${text}.` };
    }
    if (url.protocol === 'https:') return { kind: 'http', label: text, url };
    if (url.protocol === 'http:' && options.allowLocalHttp && LOCAL_HOSTS.has(url.hostname)) {
      return { kind: 'http', label: text, url };
    }
    return {
      kind: 'bad',
      label: text,
      message: `Adresse de l'inventaire refusée : seule une adresse https:// est acceptée (${text}).`,
    };
  }
  if (/^file:/i.test(text)) {
    try {
      return { kind: 'file', label: text, path: fileURLToPath(text) };
    } catch {
      return { kind: 'bad', label: text, message: `Chemin de l'inventaire invalide : ${text}.` };
    }
  }
  return { kind: 'file', label: text, path: text };
}

/** Excel's owner file ("~$inventaire.xlsx"), written next to a workbook while someone has it open. */
export function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

/** Extensions the importer understands; a folder source picks among these. */
export const INVENTORY_EXTENSIONS = ['.xlsx', '.csv', '.json'] as const;
