/**
 * `check-config <config.json> [--registry <sortie de reg query>] [--json]`: the machine policy checked exactly as a
 * workstation reads it (docs/deployment.md, "Vérifier une configuration") — each problem in French, and the values
 * the workstation would apply, invalid keys locked at their safe default. Pure JS (no SQLite): it is bundled into
 * the admin tools; it imports settings/ files directly, never settings/index.ts (which loads the store).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { printJson } from '../io';
import type { PolicyProblem, PolicySourceRead } from '../../core/settings/policy';
import { unreadable } from '../../core/settings/policy';
import { decodeRegOutput, parseRegQuery, readRegistryPolicy } from '../../core/settings/registry';
import { resolvePolicy } from '../../core/settings/resolve';
import { readPolicyFileSource } from '../../core/settings/sources';
import { USAGE } from '../usage';

const SPEC = { json: { type: 'flag' }, registry: { type: 'string' } } as const;

export interface ConfigCheck {
  ok: boolean;
  problems: PolicyProblem[];
  effective: Record<string, unknown>;
}

/** A file the user saved with `reg query HKLM\SOFTWARE\Policies\Vigie /s > gpo.txt`. */
async function readRegistryFile(file: string): Promise<PolicySourceRead> {
  try {
    return readRegistryPolicy(parseRegQuery(decodeRegOutput(new Uint8Array(await readFile(file)))));
  } catch (error) {
    return unreadable(`« ${file} » illisible (${(error as { code?: string }).code ?? String(error)})`);
  }
}

export async function checkConfig(file: string, registryFile?: string): Promise<ConfigCheck> {
  const reads: PolicySourceRead[] = [];
  if (registryFile !== undefined) reads.push(await readRegistryFile(registryFile));
  const json = await readPolicyFileSource(file);
  reads.push(json.kind === 'absent' ? unreadable(`« ${file} » est introuvable`) : json);
  const resolved = resolvePolicy(reads, null);
  return { ok: resolved.problems.length === 0, problems: resolved.problems, effective: { ...resolved.values } };
}

export const checkConfigCommand: Command = {
  name: 'check-config',
  usage: USAGE['check-config'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC, 1);
    const file = args.positionals[0];
    if (!file) throw new UsageError('le fichier de configuration à vérifier est obligatoire');
    const registry = args.strings.registry;
    const result = await checkConfig(
      path.resolve(io.cwd, file),
      registry === undefined ? undefined : path.resolve(io.cwd, registry),
    );
    if (args.flags.json) printJson(io, result);
    else {
      const lines = [result.ok ? 'Configuration valide.' : 'Configuration NON valide (rien n’est déverrouillé) :'];
      for (const p of result.problems) lines.push(`  - ${p.key ?? 'fichier'} : ${p.message}`);
      lines.push('Valeurs appliquées par le poste :');
      for (const [key, value] of Object.entries(result.effective)) lines.push(`  ${key} = ${JSON.stringify(value)}`);
      io.out(lines.join('\n') + '\n');
    }
    return result.ok ? 0 : 1;
  },
};
