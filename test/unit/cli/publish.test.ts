/**
 * keygen, publish and check-inventory --public-key: real key files, real folders, real signatures; what is
 * published verifies the way the workstations verify it (test/unit/sync/signed-sync.test.ts applies it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { ManualClock } from '../../../electron/core/clock';
import { captureCli } from '../run-cli';

const NOW = '2026-12-03T10:00:00';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-publish-'));
  dirs.push(dir);
  return dir;
}

async function run(argv: string[], now = NOW) {
  const r = await captureCli(argv, { clock: now });
  return { ...r, json: <T = Record<string, unknown>>() => JSON.parse(r.out) as T };
}

interface Published {
  ok: boolean;
  published: string[];
  signed: boolean;
  sequence: number | null;
  warnings: number;
  errors: number;
  problems: { file: string; severity: string; message: string }[];
}

async function setup() {
  const dir = temp();
  const src = path.join(dir, 'src');
  const share = path.join(dir, 'share');
  fs.mkdirSync(src);
  fs.mkdirSync(share);
  fs.copyFileSync('assets/inventaire-par-defaut.csv', path.join(src, 'inventaire.csv'));
  fs.copyFileSync('test/fixtures/inventory/services.csv', path.join(src, 'services.csv'));
  const keys = await run(['keygen', '--out', path.join(dir, 'cle'), '--json']);
  expect(keys.code).toBe(0);
  return { dir, src, share, key: path.join(dir, 'cle.key'), pub: path.join(dir, 'cle.pub') };
}

describe('keygen', () => {
  it('writes <base>.pub and <base>.key in minisign format, and never overwrites without --force', async () => {
    const dir = temp();
    const base = path.join(dir, 'ti');
    const r = await run(['keygen', '--out', base, '--json']);
    expect(r.code).toBe(0);
    const { keyId, publicKey } = r.json<{ keyId: string; publicKey: string }>();
    expect(fs.readFileSync(`${base}.pub`, 'utf8')).toBe(
      `untrusted comment: minisign public key ${keyId}\n${publicKey}\n`,
    );
    expect(fs.readFileSync(`${base}.key`, 'utf8')).toMatch(/^untrusted comment: .*\nRWQAAEIy[A-Za-z0-9+/=]+\n$/);
    if (process.platform !== 'win32') expect(fs.statSync(`${base}.key`).mode & 0o077).toBe(0);
    const again = await run(['keygen', '--out', base]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/existe déjà/);
    expect((await run(['keygen', '--out', base, '--force'])).code).toBe(0);
    expect(fs.readFileSync(`${base}.pub`, 'utf8')).not.toContain(publicKey);
  });
});

describe('publish', () => {
  it('copies the inventory and its side files with a signature beside each, atomically', async () => {
    const s = await setup();
    const r = await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key, '--json']);
    expect(r.code).toBe(0);
    const body = r.json<Published>();
    expect(body).toMatchObject({ ok: true, signed: true, warnings: 0, errors: 0 });
    expect(body.published.map((p) => path.basename(p))).toEqual([
      'inventaire.csv.minisig',
      'inventaire.csv',
      'services.csv.minisig',
      'services.csv',
    ]);
    expect(fs.readdirSync(s.share).sort()).toEqual(body.published.map((p) => path.basename(p)).sort()); // no temp left
    expect(fs.readFileSync(path.join(s.share, 'inventaire.csv'))).toEqual(
      fs.readFileSync(path.join(s.src, 'inventaire.csv')),
    );
    const sig = fs.readFileSync(path.join(s.share, 'inventaire.csv.minisig'), 'utf8').split('\n');
    expect(sig[0]).toMatch(/^untrusted comment: /);
    // "ED": the prehashed form (Ed25519 over the file's BLAKE2b-512), minisign's default.
    expect(
      Buffer.from(sig[1] as string, 'base64')
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('ED');
    expect(sig[2]).toMatch(
      /^trusted comment: timestamp:\d+\tfile:inventaire\.csv\thashed\tsequence:\d+\texpires:2027-06-01T14:00:00Z$/,
    );
  });

  it('each publication gets a higher sequence than the one in place, even within the same second', async () => {
    const s = await setup();
    const args = ['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key, '--json'];
    const first = (await run(args)).json<Published>().sequence as number;
    const second = (await run(args)).json<Published>().sequence as number;
    expect(second).toBe(first + 1);
    const lower = await run([...args, '--sequence', String(first)]);
    expect(lower.code).toBe(2);
    expect(lower.err).toMatch(/déjà le n°/);
  });

  it('refuses an inventory the workstations would refuse, and writes nothing', async () => {
    const s = await setup();
    fs.copyFileSync('test/fixtures/inventory/sans-colonne-application.csv', path.join(s.src, 'inventaire.csv'));
    const r = await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key, '--json']);
    expect(r.code).toBe(1);
    const body = r.json<Published>();
    expect(body).toMatchObject({ ok: false, published: [], signed: false });
    expect(body.errors).toBeGreaterThan(0);
    expect(fs.readdirSync(s.share)).toEqual([]);
  });

  it('refuses a side file that cannot be read, and an old side file left in the published folder', async () => {
    const s = await setup();
    fs.writeFileSync(path.join(s.src, 'services.csv'), 'ceci;nest;pas\nune;table;services\n');
    const bad = await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.json<Published>().problems.some((p) => p.file === 'services.csv' && p.severity === 'error')).toBe(true);
    fs.rmSync(path.join(s.src, 'services.csv'));
    fs.writeFileSync(path.join(s.share, 'postes.csv'), 'Poste;Site;Service\nPC-1;IUSMM;Urgence\n');
    const stale = await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--json']);
    expect(stale.code).toBe(1);
    expect(stale.json<Published>().problems[0]).toMatchObject({ file: 'postes.csv', severity: 'error' });
  });

  it('without --key: unsigned, says so, and removes a signature that no longer matches', async () => {
    const s = await setup();
    await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key]);
    const r = await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Non signé/);
    expect(fs.readdirSync(s.share).filter((f) => f.endsWith('.minisig'))).toEqual([]);
  });

  it('refuses an encrypted minisign key with a usage error (exit 2)', async () => {
    const s = await setup();
    const lines = fs.readFileSync(s.key, 'utf8').split('\n');
    const bytes = Buffer.from(lines[1] as string, 'base64');
    bytes.write('Sc', 2, 'latin1');
    fs.writeFileSync(s.key, `${lines[0]}\n${bytes.toString('base64')}\n`);
    const r = await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/chiffrée/);
  });
});

describe('check-inventory --public-key', () => {
  it('valid / invalid (tampered) / absent / unverified, with exit 1 when the workstations would refuse', async () => {
    const s = await setup();
    await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key]);
    const file = path.join(s.share, 'inventaire.csv');
    const valid = await run(['check-inventory', file, '--public-key', s.pub, '--json']);
    expect(valid.code).toBe(0);
    expect(valid.json()).toMatchObject({ ok: true, signature: 'valid' });
    expect((await run(['check-inventory', file, '--json'])).json()).toMatchObject({ signature: 'unverified' });

    fs.appendFileSync(path.join(s.share, 'services.csv'), '\n');
    const tampered = await run(['check-inventory', file, '--public-key', s.pub, '--json']);
    expect(tampered.code).toBe(1);
    expect(tampered.json()).toMatchObject({ ok: true, signature: 'invalid' });
    expect(tampered.json<{ signatureMessage: string }>().signatureMessage).toMatch(/services\.csv modifié/);

    const absent = await run(['check-inventory', path.join(s.src, 'inventaire.csv'), '--public-key', s.pub, '--json']);
    expect(absent.code).toBe(1);
    expect(absent.json()).toMatchObject({ signature: 'absent' });
  });

  it('expired: after the expiry the same files are refused', async () => {
    const s = await setup();
    await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key, '--expires-in', '2']);
    const file = path.join(s.share, 'inventaire.csv');
    expect((await run(['check-inventory', file, '--public-key', s.pub], '2026-12-05T09:59:00')).code).toBe(0);
    const late = await run(['check-inventory', file, '--public-key', s.pub], '2026-12-05T10:00:01');
    expect(late.code).toBe(1);
    expect(late.out).toMatch(/Signature : NON valide — .*expirée/);
  });

  it('reads an https:// source and its .minisig like the sync does', async () => {
    const s = await setup();
    fs.rmSync(path.join(s.src, 'services.csv'));
    await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key]);
    const served = new Map([
      ['/ti/inventaire.csv', fs.readFileSync(path.join(s.share, 'inventaire.csv'))],
      ['/ti/inventaire.csv.minisig', fs.readFileSync(path.join(s.share, 'inventaire.csv.minisig'))],
    ]);
    const requested: string[] = [];
    const fetch = (async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      requested.push(url.href);
      const body = served.get(url.pathname);
      return new Response(body ?? null, { status: body ? 200 : 404 });
    }) as typeof globalThis.fetch;
    let out = '';
    const io = { out: (t: string) => (out += t), err: () => undefined, clock: new ManualClock(NOW), cwd: s.dir, fetch };
    const url = 'https://intranet.example.qc.ca/ti/inventaire.csv';
    const code = await runCli(['check-inventory', url, '--public-key', s.pub, '--json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, applications: 18, signature: 'valid' });
    expect(requested).toEqual([url, `${url}.minisig`]);
    served.delete('/ti/inventaire.csv.minisig');
    out = '';
    expect(await runCli(['check-inventory', url, '--public-key', s.pub, '--json'], io)).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ signature: 'absent' });
  });
});

describe('simulate --public-key', () => {
  it('runs on a signed inventory, refuses an unsigned one as a workstation would', async () => {
    const s = await setup();
    fs.rmSync(path.join(s.src, 'services.csv'));
    await run(['publish', path.join(s.src, 'inventaire.csv'), '--to', s.share, '--key', s.key]);
    const args = ['--site', 'IUSMM', '--service', 'Laboratoire', '--from', '2026-12-01', '--to', '2026-12-05'];
    const ok = await run([
      'simulate',
      '--inventory',
      path.join(s.share, 'inventaire.csv'),
      ...args,
      '--public-key',
      s.pub,
    ]);
    expect(ok.code).toBe(0);
    const refused = await run([
      'simulate',
      '--inventory',
      path.join(s.src, 'inventaire.csv'),
      ...args,
      '--public-key',
      s.pub,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/non signé ou modifié : ignoré \(signature absente/);
  });
});
