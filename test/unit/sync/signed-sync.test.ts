/**
 * A workstation whose policy lists public keys applies only what `publish` signed (docs/deployment.md,
 * "Publication signée"): real keys (keygen), real publications (publish, the real command), a real store and
 * real files; tampering, replay of an older publication (also after a restart), side files, https.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPolicyDocument } from '../../../electron/core/settings/policy';
import { resolvePolicy } from '../../../electron/core/settings/resolve';
import { UNSIGNED_MESSAGE } from '../../../electron/core/sync/signature';
import { captureCli } from '../run-cli';
import { csvWithRows, harness, tempDir, writeFile, type Harness } from './helpers';

interface Setup {
  h: Harness;
  src: string;
  share: string;
  key: string;
  publicKey: string;
}

async function setup(options: { keys?: 'mine' | 'none' } = {}): Promise<Setup> {
  const dir = tempDir();
  const src = path.join(dir, 'src');
  const share = path.join(dir, 'share');
  fs.mkdirSync(src);
  fs.mkdirSync(share);
  const base = path.join(dir, 'cle-ti');
  const made = await captureCli(['keygen', '--out', base, '--json'], { clock: '2026-03-05T10:00:00' });
  expect(made.code).toBe(0);
  const publicKey = (JSON.parse(made.out) as { publicKey: string }).publicKey;
  const h = harness({ dir, publicKeys: () => (options.keys === 'none' ? null : [publicKey]) });
  h.source.value = path.join(share, 'inventaire.csv');
  return { h, src, share, key: `${base}.key`, publicKey };
}

async function publish(s: Setup, rows: number, extra: string[] = []): Promise<void> {
  writeFile(path.join(s.src, 'inventaire.csv'), csvWithRows(rows));
  const run = await captureCli(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, ...extra, '--json'], {
    clock: s.h.clock,
  });
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
}

const rowsInUse = (s: Setup) => s.h.sync.current().applications.length;

describe('sync with inventoryPublicKeys', () => {
  it('applies a signed publication and records its sequence', async () => {
    const s = await setup();
    await publish(s, 17, ['--key', s.key, '--sequence', '100']);
    expect((await s.h.sync.syncNow()).outcome).toBe('ok');
    expect(rowsInUse(s)).toBe(17);
    expect(s.h.store.trust.lastSequence()).toBe(100);
  });

  it('ignores an unsigned inventory and keeps the last good one, saying so', async () => {
    const s = await setup();
    await publish(s, 17, ['--key', s.key, '--sequence', '100']);
    await s.h.sync.syncNow();
    await publish(s, 18); // no --key: publish removes the old signature
    expect(fs.existsSync(path.join(s.share, 'inventaire.csv.minisig'))).toBe(false);
    const outcome = await s.h.sync.syncNow();
    expect(outcome.outcome).toBe('rejected');
    expect(outcome.message).toContain(UNSIGNED_MESSAGE);
    expect(outcome.message).toContain('signature absente');
    expect(rowsInUse(s)).toBe(17);
    expect(s.h.sync.state()).toMatchObject({ state: 'invalid' });
    expect(s.h.sync.state().message).toContain('Inventaire non signé ou modifié : ignoré');
  });

  it('ignores an inventory edited on the share after signing', async () => {
    const s = await setup();
    await publish(s, 17, ['--key', s.key, '--sequence', '100']);
    await s.h.sync.syncNow();
    const file = path.join(s.share, 'inventaire.csv');
    writeFile(file, fs.readFileSync(file, 'latin1').replace('Laboratoire', 'Pharmacie'));
    const outcome = await s.h.sync.syncNow();
    expect(outcome.message).toMatch(/modifié après sa signature/);
    expect(rowsInUse(s)).toBe(17);
    // Fixed on the share (republished): applied at the next poll, the refusal is not remembered as a bad file.
    await publish(s, 18, ['--key', s.key]);
    expect((await s.h.sync.syncNow()).outcome).toBe('ok');
    expect(rowsInUse(s)).toBe(18);
  });

  it('refuses an older signed publication put back on the share, also after a restart', async () => {
    const s = await setup();
    await publish(s, 17, ['--key', s.key, '--sequence', '100']);
    const old = {
      csv: fs.readFileSync(path.join(s.share, 'inventaire.csv')),
      sig: fs.readFileSync(path.join(s.share, 'inventaire.csv.minisig')),
    };
    await s.h.sync.syncNow();
    await publish(s, 18, ['--key', s.key, '--sequence', '200']);
    expect((await s.h.sync.syncNow()).outcome).toBe('ok');
    writeFile(path.join(s.share, 'inventaire.csv.minisig'), old.sig);
    writeFile(path.join(s.share, 'inventaire.csv'), old.csv);
    const outcome = await s.h.sync.syncNow();
    expect(outcome.message).toMatch(/n° 100 plus ancienne que la dernière acceptée \(n° 200\)/);
    expect(rowsInUse(s)).toBe(18);
    const restarted = s.h.restart();
    expect(restarted.store.trust.lastSequence()).toBe(200);
    await restarted.sync.syncNow();
    expect(restarted.sync.current().applications.length).toBe(18);
  });

  it('refuses a publication whose side file was changed or not signed with it', async () => {
    const s = await setup();
    writeFile(path.join(s.src, 'services.csv'), fs.readFileSync('test/fixtures/inventory/services.csv'));
    await publish(s, 17, ['--key', s.key, '--sequence', '100']);
    expect(fs.existsSync(path.join(s.share, 'services.csv.minisig'))).toBe(true);
    expect((await s.h.sync.syncNow()).outcome).toBe('ok');
    const services = path.join(s.share, 'services.csv');
    writeFile(services, fs.readFileSync(services, 'utf8') + '\n');
    const outcome = await s.h.sync.syncNow();
    expect(outcome.message).toMatch(/services\.csv modifié après sa signature/);
  });

  it('without the policy key, an unsigned inventory is applied as before', async () => {
    const s = await setup({ keys: 'none' });
    await publish(s, 17);
    expect((await s.h.sync.syncNow()).outcome).toBe('ok');
    expect(rowsInUse(s)).toBe(17);
  });

  it('an https source is checked against <url>.minisig', async () => {
    const s = await setup();
    await publish(s, 17, ['--key', s.key, '--sequence', '100']);
    const files: Record<string, Buffer | undefined> = {
      '/inventaire.csv': fs.readFileSync(path.join(s.share, 'inventaire.csv')),
      '/inventaire.csv.minisig': fs.readFileSync(path.join(s.share, 'inventaire.csv.minisig')),
    };
    const server = http.createServer((req, res) => {
      const body = files[req.url ?? ''];
      res.statusCode = body ? 200 : 404;
      res.end(body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const h = harness({ publicKeys: () => [s.publicKey], allowLocalHttp: true });
    h.source.value = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inventaire.csv`;
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications.length).toBe(17);
    files['/inventaire.csv'] = Buffer.from(csvWithRows(18));
    files['/inventaire.csv.minisig'] = undefined;
    const outcome = await h.sync.syncNow();
    expect(outcome.message).toContain(UNSIGNED_MESSAGE);
    expect(h.sync.current().applications.length).toBe(17);
  });
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('policy key inventoryPublicKeys', () => {
  const line = 'RWRaxH7X/Uvk/etgLk05NOsAT5aNTz1d5DjHD2R3s1/URq3vnQw6R790';

  const keysOf = (policy: Record<string, unknown>) =>
    resolvePolicy([readPolicyDocument(policy)], null).values.inventoryPublicKeys;

  it('takes one key or several (rotation)', () => {
    expect(keysOf({ inventoryPublicKeys: line })).toEqual([line]);
    expect(keysOf({ inventoryPublicKeys: [line, line] })).toHaveLength(2);
  });

  it('fails closed: an invalid value trusts no key (every inventory refused), never drops the requirement', () => {
    for (const bad of ['pas une clé', [], [line, 'RWQ-faux'], 42, null]) {
      expect(keysOf({ inventoryPublicKeys: bad })).toEqual([]);
    }
    expect(keysOf({})).toBeUndefined();
  });
});
