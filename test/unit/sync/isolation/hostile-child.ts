/**
 * Test-only parse entry: the real child runtime (child-runtime.ts) with a parser that misbehaves on demand, chosen
 * by the file's first bytes — so the tests prove what the parent does whatever the readers of the day accept.
 *   HEAP…   allocates JS objects until V8's heap cap kills the process
 *   BUFFER… allocates Buffers (outside V8's heap) until the RSS guard stops it
 *   HANG:<file>  writes its pid to <file>, then loops forever
 *   EXIT…   exits with code 3
 *   anything else: the real importer
 */
import { writeFileSync } from 'node:fs';
import { importInventory, importSideTable } from '../../../../electron/core/inventory/import';
import { serveParseRequests } from '../../../../electron/core/inventory/isolation/child-runtime';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 200));

async function misbehave(bytes: Uint8Array): Promise<'normal'> {
  const head = text(bytes);
  if (head.startsWith('HEAP')) {
    const hoard: unknown[] = [];
    for (;;) hoard.push({ a: Math.random(), b: [1, 2, 3], c: 'x'.repeat(20) + String(hoard.length) });
  }
  if (head.startsWith('BUFFER')) {
    const hoard: Buffer[] = [];
    // Asynchronous, like a streaming reader: the RSS guard gets its turns.
    for (;;) {
      hoard.push(Buffer.alloc(8 * 1024 * 1024, 1));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (head.startsWith('HANG:')) {
    writeFileSync(head.slice(5).trim(), String(process.pid));
    for (;;) {
      // A parser stuck in a synchronous loop: nothing but a kill ends it.
    }
  }
  if (head.startsWith('EXIT')) process.exit(3);
  return 'normal';
}

serveParseRequests({
  inventory: async (bytes, name) => (await misbehave(bytes), importInventory(bytes, name)),
  side: async (bytes, name) => (await misbehave(bytes), importSideTable(bytes, name)),
});
