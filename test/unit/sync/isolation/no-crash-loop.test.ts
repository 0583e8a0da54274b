/**
 * No crash loop (docs/deployment.md, "Fichier refusé"): a file version whose parse kills the parsing process is
 * refused, remembered in the store, and not parsed again after a restart until the file changes; the last good
 * inventory stays in force and the status says why. Also when the process that died was Vigie itself: the attempt
 * was recorded before the parse started.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PARSE_ENTRY } from '../../../../electron/cli/parse-entry';
import { importInventory } from '../../../../electron/core/inventory/import';
import { INTERRUPTED_REASON } from '../../../../electron/core/store';
import { csvWithRows, harness, tempDir, writeFile } from '../helpers';
import { HOSTILE_ENTRY, trackedParser } from './helpers';

describe('a file that kills its parsing process', () => {
  it('is refused, remembered across a restart, and parsed again only once it changes', async () => {
    const { parser, exits } = trackedParser(HOSTILE_ENTRY, { maxMb: 64 });
    const h = harness({ parser, pollMinutes: () => 5 });
    const file = path.join(h.dir, 'inventaire.csv');
    h.source.value = file;
    writeFile(file, csvWithRows(18));
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    const good = h.store.inventory.currentVersion();
    expect(good?.rowCount).toBe(18);
    const started = exits.length; // the embedded default, then the file

    writeFile(file, 'HEAP — a file that makes the parser allocate without end');
    const refused = await h.sync.syncNow();
    expect(refused.outcome).toBe('invalid');
    expect(refused.message).toMatch(/Le fichier d'inventaire a été refusé : son analyse a échoué/);
    expect(exits.length).toBe(started + 1);
    // The last good inventory stays in force; the status says why.
    expect(h.store.inventory.currentVersion()?.id).toBe(good?.id);
    expect(h.sync.current().applications).toHaveLength(18);
    expect(refused.state.state).toBe('invalid');
    expect(refused.state.message).toMatch(/refusé/);
    expect(h.store.parseAttempts.list()).toMatchObject([{ kind: 'inventory', status: 'failed' }]);

    // Restart: same file, not parsed again.
    const r = h.restart();
    const again = await r.sync.syncNow();
    expect(again.outcome).toBe('invalid');
    expect(again.message).toMatch(/refusé : son analyse a échoué/);
    expect(exits.length).toBe(started + 1);
    expect(r.sync.current().applications).toHaveLength(18);

    // Changed file: parsed, and in force.
    writeFile(file, csvWithRows(17));
    const fixed = await r.sync.syncNow();
    expect(fixed.outcome).toBe('ok');
    expect(exits.length).toBe(started + 2);
    expect(r.sync.current().applications).toHaveLength(17);
    expect(r.store.parseAttempts.list()).toHaveLength(1); // the bad version stays remembered, the good one is not
  }, 120_000);

  it('refuses a side file that kills its parser, keeping the inventory itself', async () => {
    const { parser } = trackedParser(HOSTILE_ENTRY, { maxMb: 64 });
    const h = harness({ parser });
    const file = path.join(h.dir, 'inventaire.csv');
    h.source.value = file;
    writeFile(file, csvWithRows(18));
    writeFile(path.join(h.dir, 'services.csv'), 'HEAP');
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(18);
    expect(h.store.parseAttempts.list()).toMatchObject([{ kind: 'side', fileName: 'services.csv', status: 'failed' }]);
  }, 120_000);

  it('counts a parse still in progress when Vigie itself died as failed: no crash loop', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const file = path.join(dir, 'inventaire.csv');
    writeFile(file, csvWithRows(18));
    const died = spawnSync(
      process.execPath,
      [...(PARSE_ENTRY.execArgv ?? []), path.join(import.meta.dirname, 'die-while-parsing.ts'), dataDir, file],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(died.signal).toBe('SIGKILL');

    const importer = vi.fn(importInventory);
    const h = harness({ dir, importer });
    h.source.value = file;
    const outcome = await h.sync.syncNow();
    expect(outcome.outcome).toBe('invalid');
    expect(outcome.message).toContain(INTERRUPTED_REASON);
    expect(importer.mock.calls.map(([, name]) => name)).not.toContain('inventaire.csv');
    expect(h.sync.current().applications.length).toBeGreaterThan(0); // the embedded default is in force

    writeFile(file, csvWithRows(17));
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(importer.mock.calls.map(([, name]) => name)).toContain('inventaire.csv');
  }, 120_000);

  it('never remembers the embedded default as failed (it ships with the app; a first start cut short retries it)', async () => {
    const importer = vi.fn(importInventory).mockResolvedValueOnce({
      ok: false,
      format: null,
      problems: [{ row: null, column: null, severity: 'error', message: 'interrompu' }],
    });
    const h = harness({ importer });
    expect((await h.sync.syncNow()).outcome).toBe('invalid');
    expect(h.store.parseAttempts.list()).toEqual([]);
    expect((await h.restart().sync.syncNow()).outcome).toBe('ok');
  });
});
