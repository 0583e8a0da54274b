/**
 * The documented way IT runs the command line: `npm run --silent cli -- …` right after `npm ci`, no build step.
 * Only stdout's JSON may be printed, exit codes must reach the shell.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function npmCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'cli', '--', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run --silent cli', () => {
  it('prints only JSON on stdout and exits 0', async () => {
    const r = await npmCli(['check-inventory', 'assets/inventaire-par-defaut.csv', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, applications: 18 });
  });

  it('exits 2 on a bad argument, with the reason on stderr', async () => {
    const r = await npmCli(['occurrences', '--rule', '1er mercredi 2h-4h', '--count', 'beaucoup', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--count/);
  });
});
