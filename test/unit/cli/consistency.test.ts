/** One behaviour across commands: unknown names, the language option, clear refusals, safe terminal output. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, DEFAULT_INVENTORY } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cli-'));
  dirs.push(dir);
  return dir;
}

const period = ['--from', '2026-11-25', '--to', '2026-12-31'];

describe('unknown --site / --service', () => {
  it('timeline exits 1 with the known sites instead of an empty result', async () => {
    const r = await cli([
      'timeline',
      '--inventory',
      DEFAULT_INVENTORY,
      '--site',
      'IUSM',
      '--service',
      'Laboratoire',
      ...period,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/site inconnu « IUSM »\. Sites connus : IUSMM/);
  });

  it('ics exits 1 with the known services and writes no empty calendar', async () => {
    const out = path.join(temp(), 'plages.ics');
    const r = await cli([
      'ics',
      '--inventory',
      DEFAULT_INVENTORY,
      '--site',
      'iusmm',
      '--service',
      'Labo',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/service inconnu « Labo » à iusmm\. Services connus à iusmm : .*Laboratoire/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('names match as the planner matches them (case, accents, spaces)', async () => {
    const r = await cli([
      'timeline',
      '--inventory',
      DEFAULT_INVENTORY,
      '--site',
      ' iusmm ',
      '--service',
      'LABORATOIRE',
      ...period,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json<{ events: unknown[] }>().events.length).toBeGreaterThan(0);
  });

  it('contact and simulate check the site too; contact knows the guide’s own sites (HMR)', async () => {
    const contact = await cli(['contact', '--site', 'Nulle-part', '--at', '2026-12-02T05:30']);
    expect(contact.code).toBe(1);
    expect(contact.stderr).toMatch(/Sites connus : HMR, IUSMM/);
    const sim = await cli([
      'simulate',
      '--inventory',
      DEFAULT_INVENTORY,
      '--site',
      'IUSMM',
      '--service',
      'Nulle',
      ...period,
    ]);
    expect(sim.code).toBe(1);
    expect(sim.stderr).toMatch(/service inconnu « Nulle »/);
  });
});

describe('--lang and --language', () => {
  const icsArgs = (out: string) => [
    'ics',
    '--inventory',
    DEFAULT_INVENTORY,
    '--site',
    'IUSMM',
    '--service',
    'Laboratoire',
    '--from',
    '2026-11-25',
    '--out',
    out,
  ];

  it('both spellings work for ics and simulate, and mean the same', async () => {
    const dir = temp();
    const a = await cli([...icsArgs(path.join(dir, 'a.ics')), '--lang', 'en']);
    const b = await cli([...icsArgs(path.join(dir, 'b.ics')), '--language', 'en']);
    expect([a.code, b.code]).toEqual([0, 0]);
    const strip = (f: string) => fs.readFileSync(f, 'utf8').replace(/^(DTSTAMP|UID).*$/gm, '');
    expect(strip(path.join(dir, 'a.ics'))).toBe(strip(path.join(dir, 'b.ics')));
    const sim = (flag: string) =>
      cli([
        'simulate',
        '--inventory',
        DEFAULT_INVENTORY,
        '--site',
        'IUSMM',
        '--service',
        'Laboratoire',
        ...period,
        flag,
        'en',
        '--json',
      ]);
    const [lang, language] = [await sim('--lang'), await sim('--language')];
    expect(lang.code).toBe(0);
    expect(lang.stdout).toBe(language.stdout);
  });

  it('two different languages are a usage error', async () => {
    const r = await cli([...icsArgs(path.join(temp(), 'x.ics')), '--lang', 'en', '--language', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deux langues différentes/);
  });
});

describe('files Excel saves under .xls that are not workbooks', () => {
  it('a web page saved as .xls gets its own message, not "en-tête introuvable"', async () => {
    const file = path.join(temp(), 'inventaire.xls');
    fs.writeFileSync(
      file,
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table>' +
        '<tr><td>Site</td><td>Service</td><td>Application</td></tr></table></body></html>',
    );
    const r = await cli(['check-inventory', file, '--json']);
    expect(r.code).toBe(1);
    const message = r.json<{ problems: { message: string }[] }>().problems[0]?.message;
    expect(message).toMatch(/page web \(HTML\)/);
    expect(message).not.toMatch(/en-tête/i);
  });

  it('an Excel 2003 XML spreadsheet gets its own message', async () => {
    const file = path.join(temp(), 'inventaire.xls');
    fs.writeFileSync(
      file,
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Feuil1"><Table>' +
        '<Row><Cell><Data ss:Type="String">Site</Data></Cell></Row></Table></Worksheet></Workbook>',
    );
    const r = await cli(['check-inventory', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.json<{ problems: { message: string }[] }>().problems[0]?.message).toMatch(/XML 2003/);
  });
});

describe('terminal output', () => {
  it('strips control characters and escape sequences from inventory text (timeline, check-inventory)', async () => {
    const file = path.join(temp(), 'inventaire.csv');
    const evil = 'Evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eApp';
    // The whole default inventory around it: a short file full of control characters would be taken for binary.
    const lines = fs.readFileSync(DEFAULT_INVENTORY, 'utf8').trimEnd().split(/\r?\n/);
    const rows = [`DSI,IUSMM,Laboratoire,${evil},1er mercredi 2h-4h,`, `DSI,IUSMM,Laboratoire,${evil}2,25h,`];
    fs.writeFileSync(file, [...lines, ...rows, ''].join('\r\n'));
    // eslint-disable-next-line no-control-regex
    const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;
    const args = ['--inventory', file, '--site', 'IUSMM', '--service', 'Laboratoire', ...period];
    const timeline = await cli(['timeline', ...args]);
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toContain('Evil]0;pwned[2J31mApp');
    expect(timeline.stdout).not.toMatch(controls);
    const check = await cli(['check-inventory', file]);
    expect(check.stdout).toContain('« Evil]0;pwned[2J31mApp2 »');
    expect(check.stdout).not.toMatch(controls);
    // --json keeps the text as it is (escaped by JSON): the data is not altered, only the terminal is protected.
    const json = await cli(['timeline', ...args, '--json']);
    expect(json.stdout).toContain('Evil\\u001b]0;pwned');
  });
});
