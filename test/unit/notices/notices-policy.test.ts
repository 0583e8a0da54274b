/** The `noticesSource` policy key (issue 13): checked by check-config, in the ADMX/ADML IT imports. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adml, admx } from '../../../electron/core/settings/admx';
import { cli } from '../cli/helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function config(content: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-notices-policy-'));
  dirs.push(dir);
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('noticesSource policy', () => {
  it('check-config accepts a folder and refuses anything else, in French', async () => {
    const ok = await cli(['check-config', config({ noticesSource: '\\\\serveur\\vigie\\avis' }), '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ ok: true, effective: { noticesSource: '\\\\serveur\\vigie\\avis' } });
    const bad = await cli(['check-config', config({ noticesSource: 42 }), '--json']);
    expect(bad.code).toBe(1);
    expect(bad.json<{ problems: { key: string; message: string }[] }>().problems).toEqual([
      { key: 'noticesSource', message: expect.stringContaining('`noticesSource` doit être un dossier') },
    ]);
  });

  it('is in the ADMX and its French and English texts', () => {
    expect(admx()).toContain('valueName="noticesSource"');
    expect(adml('fr-FR')).toContain('Dossier des avis de panne');
    expect(adml('en-US')).toContain('Outage notices folder');
  });
});
