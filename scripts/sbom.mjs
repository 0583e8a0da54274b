// `npm run sbom [-- --output <file>]`: the CycloneDX 1.6 SBOM of what the installers ship (README, "Windows
// pipeline"): the production dependency tree, from @cyclonedx/cyclonedx-npm (`--omit dev`), plus Electron itself.
// Electron is a devDependency for npm (electron-builder copies its binary into the installer, not node_modules),
// so the generator leaves it out although every installer embeds it (Chromium + Node): it is added here.
// Default output: release/vigie-<version>.cdx.json, next to the installers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dependenciesInstalled, relaunchUnderLts, root, RUN_NPM_CI_FIRST } from './lts-node.mjs';

if (!dependenciesInstalled()) {
  console.error(RUN_NPM_CI_FIRST);
  process.exit(1);
}
await relaunchUnderLts();

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const app = readJson(join(root, 'package.json'));
const at = process.argv.indexOf('--output');
const output = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'release', `vigie-${app.version}.cdx.json`);
mkdirSync(dirname(output), { recursive: true });

const generatorDir = join(root, 'node_modules', '@cyclonedx', 'cyclonedx-npm');
const generator = join(generatorDir, readJson(join(generatorDir, 'package.json')).bin['cyclonedx-npm']);
const args = ['--omit', 'dev', '--spec-version', '1.6', '--output-reproducible', '--output-file', output];
const r = spawnSync(process.execPath, [generator, ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0) {
  console.error(`sbom : @cyclonedx/cyclonedx-npm a échoué (code ${r.status}).`);
  process.exit(1);
}

const bom = readJson(output);
const electron = readJson(join(root, 'node_modules', 'electron', 'package.json'));
const ref = `pkg:npm/electron@${electron.version}`;
bom.components = [
  ...(bom.components ?? []).filter((c) => c.name !== 'electron'),
  {
    type: 'framework',
    'bom-ref': ref,
    name: 'electron',
    version: electron.version,
    description: 'Runtime embedded in the installers (Chromium, Node.js); a devDependency for npm only.',
    licenses: [{ license: { id: electron.license } }],
    purl: ref,
  },
];
const rootRef = bom.metadata?.component?.['bom-ref'];
const rootDeps = (bom.dependencies ?? []).find((d) => d.ref === rootRef);
if (rootDeps) rootDeps.dependsOn = [...new Set([...(rootDeps.dependsOn ?? []), ref])].sort();
writeFileSync(output, JSON.stringify(bom, null, 2) + '\n');
console.log(`sbom : ${bom.components.length} composants → ${output}`);
