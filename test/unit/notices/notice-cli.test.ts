/**
 * `notice publish | end | list` through the real command line (in-process, ManualClock), on real temp folders:
 * one file per notice, written atomically, read back with the workstations' own reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir as reportsTempDir } from '../reports/helpers';
import { ADMIN_COMMANDS } from '../../../electron/cli/admin';
import { ManualClock } from '../../../electron/core/clock';
import { NoticeSchema, noticeFileName } from '../../../shared/notices/notice';
import { captureCli } from '../run-cli';

const tempDir = () => reportsTempDir('vigie-notice-cli-');

const NOW = '2026-12-03T14:05:00';

async function run(argv: string[], clock: ManualClock | string = NOW) {
  return captureCli(argv, { clock });
}

describe('cli notice', () => {
  it('publish writes one validated file named after its id and prints {"id","path"}', async () => {
    const dir = tempDir();
    const r = await run([
      'notice',
      'publish',
      '--dir',
      dir,
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--application',
      'GestLab',
      '--message',
      'Serveur en panne, retour prévu vers 16 h.',
      '--until',
      '2026-12-03T16:00',
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { id: string; path: string };
    expect(Object.keys(out)).toEqual(['id', 'path']);
    expect(out.path).toBe(path.join(dir, noticeFileName(out.id)));
    // Exactly one file: the temporary one was renamed, not left beside it.
    expect(fs.readdirSync(dir)).toEqual([noticeFileName(out.id)]);
    const notice = NoticeSchema.parse(JSON.parse(fs.readFileSync(out.path, 'utf8')));
    expect(notice).toMatchObject({
      format: 'vigie-notice',
      version: 1,
      id: out.id,
      site: 'IUSMM',
      services: ['Laboratoire'],
      applications: ['GestLab'],
      message: 'Serveur en panne, retour prévu vers 16 h.',
      until: '2026-12-03T16:00:00-05:00',
      // The injected clock, not the machine's.
      publishedAt: '2026-12-03T14:05:00-05:00',
    });
    expect(notice.from).toBeUndefined();
    expect(notice.endedAt).toBeUndefined();
  });

  it('end rewrites the notice with endedAt (atomically), list shows its state; ending twice is refused', async () => {
    const dir = tempDir();
    const clock = new ManualClock(NOW);
    const published = await run(
      ['notice', 'publish', '--dir', dir, '--site', 'IUSMM', '--message', 'GestLab en panne', '--json'],
      clock,
    );
    const { id, path: file } = JSON.parse(published.out) as { id: string; path: string };
    let list = await run(['notice', 'list', '--dir', dir, '--json'], clock);
    expect(JSON.parse(list.out)).toMatchObject({ notices: [{ id, state: 'en cours' }], ignored: [] });

    clock.set('2026-12-03T15:30:00');
    const ended = await run(['notice', 'end', '--dir', dir, '--id', id.toUpperCase()], clock);
    expect(ended.err).toBe('');
    expect(ended.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ id, endedAt: '2026-12-03T15:30:00-05:00' });
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
    list = await run(['notice', 'list', '--dir', dir], clock);
    expect(list.out).toContain(`${id}  terminé`);

    const again = await run(['notice', 'end', '--dir', dir, '--id', id], clock);
    expect(again.code).toBe(1);
    expect(again.err).toContain('déjà terminé');
  });

  it('refuses bad input with a French reason and writes nothing', async () => {
    const dir = tempDir();
    const cases: [string[], number, string][] = [
      [['--site', 'IUSMM'], 2, '--message est obligatoire'],
      [['--site', 'IUSMM', '--message', '   '], 2, 'le texte est vide'],
      [['--site', 'IUSMM', '--message', 'x'.repeat(501)], 2, '500 caractères au plus'],
      [['--site', 'IUSMM', '--message', 'm', '--until', '2026-12-03T10:00'], 2, '--until doit être après'],
      [['--site', 'IUSMM', '--message', 'm', '--from', 'hier'], 2, '--from : date invalide'],
      [['--site', 'IUSMM', '--message', 'm', '--service', ''], 2, '--service : valeur vide'],
      [['--site', 'IUSMM', '--message', 'ligne 1\nligne 2'], 2, 'saut de ligne interdit'],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(['notice', 'publish', '--dir', dir, ...args]);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.err).toContain(message);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    const missing = await run([
      'notice',
      'publish',
      '--dir',
      path.join(dir, 'absent'),
      '--site',
      'S',
      '--message',
      'm',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('dossier des avis introuvable');
    const unknown = await run(['notice', 'end', '--dir', dir, '--id', '0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('aucun avis');
    const badAction = await run(['notice', 'delete', '--dir', dir]);
    expect(badAction.code).toBe(2);
    expect(badAction.err).toContain('publish, end ou list');
  });

  it('with --inventory, a misspelt site, service or application is refused (exit 1, known names) and nothing is written', async () => {
    const dir = tempDir();
    const publish = (...args: string[]) =>
      run([
        'notice',
        'publish',
        '--dir',
        dir,
        '--inventory',
        'assets/inventaire-par-defaut.csv',
        '--message',
        'm',
        ...args,
      ]);
    const app = await publish('--site', 'IUSMM', '--service', 'Laboratoire', '--application', 'GestLabb');
    expect(app.code).toBe(1);
    expect(app.err).toContain(
      'aucune application « GestLabb » à IUSMM (Laboratoire). Applications connues : Cobas IT, Cortex Omnitech, GestLab, Unity Real Time IUSMM',
    );
    expect((await publish('--site', 'IUSM')).err).toContain('site inconnu « IUSM »');
    expect((await publish('--site', 'IUSMM', '--service', 'Labo')).err).toContain('service inconnu « Labo »');
    expect(fs.readdirSync(dir)).toEqual([]);
    const ok = await publish('--site', 'iusmm', '--application', 'gestlab');
    expect(ok.code).toBe(0);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it('lists refused files with their reason beside the valid notices', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'avis-0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11.json'), '{ pas du json');
    const r = await run(['notice', 'list', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Aucun avis dans ce dossier.');
    expect(r.out).toContain('ignoré : avis-0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11.json — JSON illisible');
  });

  it('is one of the admin bundle commands (node vigie-admin.mjs notice … / Vigie.exe --admin notice …)', async () => {
    const dir = tempDir();
    expect(ADMIN_COMMANDS.map((c) => c.name)).toContain('notice');
    const { code, out } = await captureCli(
      ['notice', 'publish', '--dir', dir, '--site', 'IUSMM', '--message', 'GestLab en panne', '--json'],
      { clock: NOW, commands: ADMIN_COMMANDS },
    );
    expect(code).toBe(0);
    expect(fs.existsSync((JSON.parse(out) as { path: string }).path)).toBe(true);
  });
});
