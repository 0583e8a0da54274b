/**
 * Entry of the measuring process of `bench import` (run from a bundle by plain node, see bundle.ts).
 *   <dir> <rows> <runs>        all phases (import-measure.ts) → ImportRun as JSON
 *   --single <file> <rows>     one import in a fresh process → { baseMb, peakMb } as JSON
 */
import fs from 'node:fs';
import path from 'node:path';
import { importInventory } from '../electron/core/inventory/import';
import { measureImport } from './import-measure';
import { RssPeak } from './stats';

const args = process.argv.slice(2);
if (args[0] === '--single') {
  const file = args[1] as string;
  const bytes = new Uint8Array(fs.readFileSync(file));
  const rss = new RssPeak(5);
  const baseMb = rss.mb();
  const result = await importInventory(bytes, path.basename(file));
  if (!result.ok || result.inventory.applications.length !== Number(args[2])) throw new Error('bench: import failed');
  process.stdout.write(JSON.stringify({ baseMb, peakMb: rss.stop() }));
} else {
  const [dir, rows, runs] = args;
  process.stdout.write(JSON.stringify(await measureImport(dir as string, Number(rows), Number(runs))));
}
