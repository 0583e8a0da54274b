/**
 * Group Policy's registry key read through reg.exe's text output, from recorded samples (test/fixtures/registry/):
 * a French Windows console (code page 850, "(par défaut)"), a UTF-8 console, the parent key listing, and reg.exe's
 * French error text. The runner is the injected seam: here it replays the recorded bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRegOutput, parseRegQuery, readRegistryPolicy } from '../../../electron/core/settings/registry';
import { readRegistrySource, windowsProgramData, type RegResult } from '../../../electron/core/settings/sources';

const FIXTURES = path.resolve(__dirname, '../../fixtures/registry');
const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const ok = (stdout: Uint8Array): RegResult => ({ code: 0, stdout, stderr: new Uint8Array() });
const failed = (stderr: Uint8Array): RegResult => ({ code: 1, stdout: new Uint8Array(), stderr });

/** Replays recorded outputs by the key queried, and records the arguments reg.exe was given. */
function replay(byKey: Record<string, RegResult>) {
  const calls: string[][] = [];
  const run = async (args: readonly string[]) => {
    calls.push([...args]);
    const result = byKey[args[1] ?? ''];
    if (!result) throw new Error(`unexpected reg query ${args.join(' ')}`);
    return result;
  };
  return { run, calls };
}

describe('reg.exe output', () => {
  it('decodes the OEM code page 850 of a French console, and UTF-8 when the console is in 65001', () => {
    const text = decodeRegOutput(bytes('vigie-fr-cp850.txt'));
    expect(text).toContain('Hôpital Maisonneuve-Rosemont');
    expect(text).toContain('Électrophysiologie');
    expect(text).toContain('(par défaut)');
    expect(decodeRegOutput(bytes('vigie-invalid-utf8.txt'))).toContain('Hôpital Maisonneuve-Rosemont');
    expect(decodeRegOutput(bytes('not-found-fr-stderr.txt'))).toBe(
      "Erreur : le système n'a pas trouvé la clé ou la valeur de Registre spécifiée.\r\n",
    );
  });

  it('splits keys and values, keeping empty data and the literal \\0 separators of REG_MULTI_SZ', () => {
    const keys = parseRegQuery(decodeRegOutput(bytes('vigie-fr-cp850.txt')));
    expect(keys.map((k) => k.path)).toEqual(['HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Vigie']);
    const values = keys[0]?.values ?? [];
    expect(values[0]).toEqual({ name: '(par défaut)', type: 'REG_SZ', data: '' });
    expect(values.find((v) => v.name === 'services')).toEqual({
      name: 'services',
      type: 'REG_MULTI_SZ',
      data: 'Électrophysiologie\\0Laboratoire\\0',
    });
    expect(values.find((v) => v.name === 'reportsFolder')?.data).toBe('\\\\serveur\\partage\\vigie\\rapports');
  });

  it('turns a French GPO key into valid policy values, typed as the schema says', () => {
    const read = readRegistryPolicy(parseRegQuery(decodeRegOutput(bytes('vigie-fr-cp850.txt'))));
    expect(read.kind).toBe('entries');
    if (read.kind !== 'entries') return;
    expect(read.problems).toEqual([]);
    const values = Object.fromEntries(
      Object.entries(read.entries).map(([k, v]) => [k, v.state === 'valid' ? v.value : v]),
    );
    expect(values).toEqual({
      site: 'Hôpital Maisonneuve-Rosemont',
      services: ['Électrophysiologie', 'Laboratoire'],
      allowQuit: false,
      pollMinutes: 15,
      language: 'fr',
      reportsFolder: '\\\\serveur\\partage\\vigie\\rapports',
      inventorySource: '\\\\serveur\\partage\\vigie\\inventaire.xlsx',
      intranetUrl: 'https://intranet.ciusss.example/maintenance',
      allowedLinkHosts: ['plans.ciusss.example'],
      reminders: [{ kind: 'before', minutes: 45 }],
    });
  });

  it('reports wrong registry types, unknown names (prototype names included) and subkeys, in French', () => {
    const read = readRegistryPolicy(parseRegQuery(decodeRegOutput(bytes('vigie-invalid-utf8.txt'))));
    expect(read.kind).toBe('entries');
    if (read.kind !== 'entries') return;
    // Pairs, not an object: a problem keyed "__proto__" or "toString" must not turn into one.
    expect(read.problems.map((p) => [p.key, p.message])).toEqual([
      ['allowQuit', '`allowQuit` doit être un REG_DWORD 0 ou 1, pas REG_SZ « non »'],
      ['pollMinutes', '`pollMinutes` doit être un REG_DWORD, pas REG_SZ « 15 »'],
      ['services', '`services` doit être un REG_MULTI_SZ (une valeur par ligne), pas REG_SZ « Laboratoire »'],
      ['autostart', '`autostart` doit être 0 ou 1, pas 2'],
      ['constructor', expect.stringMatching(/^clé inconnue « constructor » : ignorée/)],
      ['__proto__', expect.stringMatching(/^clé inconnue « __proto__ » : ignorée/)],
      ['toString', expect.stringMatching(/^clé inconnue « toString » : ignorée/)],
      ['reminders', '`reminders` doit être du texte JSON, pas « chaque matin »'],
      ['intranetUrl', '`intranetUrl` doit être un REG_SZ, pas REG_BINARY « 68747470 »'],
      [null, 'sous-clé inconnue « HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Vigie\\Ancien » : ignorée'],
    ]);
    // Registry names are case-insensitive (AllowQuit is allowQuit); the valid neighbour still counts.
    expect(read.entries.site).toEqual({ state: 'valid', value: 'Hôpital Maisonneuve-Rosemont' });
    expect(Object.getPrototypeOf(read.entries)).toBeNull();
  });
});

it('English Windows: "(Default)" is not a setting, REG_QWORD is a number, an empty REG_SZ is invalid', () => {
  const text = [
    '',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Vigie',
    '    (Default)    REG_SZ    (value not set)',
    '    pollMinutes    REG_QWORD    0x3c',
    '    site    REG_SZ    ',
    '',
  ].join('\r\n');
  const read = readRegistryPolicy(parseRegQuery(text));
  expect(read).toEqual({
    kind: 'entries',
    entries: {
      pollMinutes: { state: 'valid', value: 60 },
      site: {
        state: 'invalid',
        message: '`site` doit être un nom de site non vide (200 caractères au plus), pas une valeur vide',
      },
    },
    problems: [
      {
        key: 'site',
        message: '`site` doit être un nom de site non vide (200 caractères au plus), pas une valeur vide',
      },
    ],
  });
});

describe('readRegistrySource (reg.exe through an injected runner)', () => {
  const KEY = 'HKLM\\SOFTWARE\\Policies\\Vigie';
  const PARENT = 'HKLM\\SOFTWARE\\Policies';

  it('queries the vendor key recursively in the 64-bit view', async () => {
    const { run, calls } = replay({ [KEY]: ok(bytes('vigie-fr-cp850.txt')) });
    const read = await readRegistrySource(run);
    expect(read.kind).toBe('entries');
    expect(calls).toEqual([['query', KEY, '/s', '/reg:64']]);
  });

  it('no Vigie key: absent, told by listing the parent (reg.exe error texts are localised)', async () => {
    const { run } = replay({
      [KEY]: failed(bytes('not-found-fr-stderr.txt')),
      [PARENT]: ok(bytes('policies-parent-fr.txt')),
    });
    expect(await readRegistrySource(run)).toEqual({ kind: 'absent' });
  });

  it('a key that exists but cannot be read is unreadable (fails closed), with reg.exe’s own words', async () => {
    const { run } = replay({
      [KEY]: failed(bytes('access-denied-fr-stderr.txt')),
      [PARENT]: ok(bytes('policies-parent-with-vigie.txt')),
    });
    const read = await readRegistrySource(run);
    expect(read).toEqual({
      kind: 'unreadable',
      problem: { key: null, message: expect.stringContaining('Erreur : Accès refusé.') },
    });
    // reg.exe killed by its time-out, parent unreadable too: unreadable, never "absent".
    const dead = replay({
      [KEY]: { code: null, stdout: new Uint8Array(), stderr: new Uint8Array() },
      [PARENT]: failed(new Uint8Array()),
    });
    expect((await readRegistrySource(dead.run)).kind).toBe('unreadable');
  });

  it('locates ProgramData from HKLM, not from the environment', async () => {
    const profileList = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList';
    expect(await windowsProgramData(replay({ [profileList]: ok(bytes('profilelist-programdata.txt')) }).run)).toBe(
      'C:\\ProgramData',
    );
    const moved = new TextEncoder().encode(
      '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\r\n    ProgramData    REG_EXPAND_SZ    D:\\Donnees\r\n',
    );
    expect(await windowsProgramData(replay({ [profileList]: ok(moved) }).run)).toBe('D:\\Donnees');
    const unc = new TextEncoder().encode(
      '\r\nHKEY_LOCAL_MACHINE\\X\r\n    ProgramData    REG_EXPAND_SZ    \\\\pirate\\partage\r\n',
    );
    expect(await windowsProgramData(replay({ [profileList]: ok(unc) }).run)).toBe('C:\\ProgramData');
    expect(await windowsProgramData(replay({ [profileList]: failed(new Uint8Array()) }).run)).toBe('C:\\ProgramData');
  });
});
