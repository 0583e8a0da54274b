/**
 * Which folder a workstation watches for outage notices (issue 13; docs/deployment.md, "Avis de panne"): IT's
 * `noticesSource` policy, else an `avis` folder beside the inventory source — inside it when the source is a folder
 * of inventories, next to the file otherwise. An inventory read over https or the embedded one has no folder
 * beside it: then no notices are watched until IT sets `noticesSource`.
 */
import path from 'node:path';
import { INVENTORY_EXTENSIONS, parseSource } from '../sync/source';

export const DEFAULT_NOTICES_FOLDER = 'avis';

export function noticesFolder(settings: {
  noticesSource: string | null;
  inventorySource: string | null;
}): string | null {
  const own = settings.noticesSource?.trim();
  if (own) return own;
  const source = parseSource(settings.inventorySource, { embeddedPath: '' });
  if (source.kind !== 'file' || source.path === '') return null;
  // Windows paths on any platform (the share is \\serveur\partage\…): win32 understands both separators.
  const p = /^[a-z]:|\\/i.test(source.path) ? path.win32 : path.posix;
  const isFile = (INVENTORY_EXTENSIONS as readonly string[]).includes(p.extname(source.path).toLowerCase());
  return p.join(isFile ? p.dirname(source.path) : source.path, DEFAULT_NOTICES_FOLDER);
}
