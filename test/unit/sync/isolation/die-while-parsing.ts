/**
 * Run as its own process by no-crash-loop.test.ts: a SyncService parsing IN this process (no isolation) on a store
 * in argv[2], with the inventory at argv[3]; the importer kills the whole process when it gets that file — what a
 * hostile file does to a process that parses it itself (V8 out of memory, a native abort).
 */
import path from 'node:path';
import { SystemClock } from '../../../../electron/core/clock';
import { importInventory } from '../../../../electron/core/inventory/import';
import { openStore } from '../../../../electron/core/store';
import { SyncService } from '../../../../electron/core/sync';

const [dataDir, file] = process.argv.slice(2) as [string, string];
const clock = new SystemClock();
const store = openStore({ dir: dataDir, clock });
const sync = new SyncService({
  store,
  clock,
  embeddedPath: path.resolve('assets/inventaire-par-defaut.csv'),
  source: () => file,
  wait: async () => undefined,
  importer: async (bytes, fileName) => {
    if (fileName === path.basename(file)) process.kill(process.pid, 'SIGKILL');
    return importInventory(bytes, fileName);
  },
});
void sync.syncNow();
