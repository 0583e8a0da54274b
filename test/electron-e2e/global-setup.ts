/**
 * Before the Electron suite: the binary must be there (this suite is for machines that have it) and the app
 * must be built (dist/electron + dist/renderer), which `node scripts/build.mjs` does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

export default function globalSetup(): void {
  if (!electronBinary()) {
    throw new Error(
      'Le binaire Electron est introuvable : lancez `npm start` une fois sur un poste avec Internet, ou utilisez `npm run test:e2e`.',
    );
  }
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('La construction de Vigie (scripts/build.mjs) a échoué.');
}
