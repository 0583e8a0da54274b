/**
 * Where the machine policy comes from (docs/deployment.md, "Stratégie de groupe"): the registry key Group Policy
 * writes, then %ProgramData%\Vigie\config.json as a fallback. The locations come from the OS, never from the
 * user's environment (a user can set ProgramData or PATH for their own processes): reg.exe is called by its full
 * path and ProgramData is read from HKLM. VIGIE_POLICY_PATH is for development only (electron/shell/startup.ts).
 */
import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ABSENT, readPolicyText, unreadable, type PolicySourceRead } from './policy';
import { decodeRegOutput, listsPolicyKey, parseRegQuery, POLICY_REGISTRY_PATH, readRegistryPolicy } from './registry';

/** A config.json is a few hundred bytes; anything this large is not one (bounded before it is trusted). */
export const MAX_POLICY_BYTES = 256 * 1024;
const REG_TIMEOUT_MS = 10_000;

/** Windows' own reg.exe. Not looked up on PATH (user-controlled); Windows lives in C:\Windows on ward PCs. */
export const REG_EXE = 'C:\\Windows\\System32\\reg.exe';

export interface RegResult {
  /** null: killed (time-out) or could not start. */
  code: number | null;
  stdout: Uint8Array;
  stderr: Uint8Array;
}

export type RegRunner = (args: readonly string[]) => Promise<RegResult>;

/** Runs reg.exe, bounded in time and output. */
export function spawnReg(exe: string = REG_EXE): RegRunner {
  return (args) =>
    new Promise((resolve) => {
      execFile(
        exe,
        [...args],
        { encoding: 'buffer', timeout: REG_TIMEOUT_MS, maxBuffer: 1024 * 1024, windowsHide: true },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout: new Uint8Array(stdout), stderr: new Uint8Array(stderr) });
        },
      );
    });
}

/**
 * HKLM\SOFTWARE\Policies\Vigie: absent when the key does not exist, unreadable when reg.exe fails for another
 * reason. reg.exe's error text is localised, so "does not exist" is decided by listing the parent key instead.
 */
export async function readRegistrySource(run: RegRunner): Promise<PolicySourceRead> {
  const full = `HKLM\\${POLICY_REGISTRY_PATH}`;
  const query = await run(['query', full, '/s', '/reg:64']);
  if (query.code === 0) return readRegistryPolicy(parseRegQuery(decodeRegOutput(query.stdout)));
  const parent = await run(['query', 'HKLM\\SOFTWARE\\Policies', '/reg:64']);
  if (parent.code === 0 && !listsPolicyKey(decodeRegOutput(parent.stdout))) return ABSENT;
  const detail = decodeRegOutput(query.stderr).trim() || `code ${String(query.code)}`;
  return unreadable(`stratégie de groupe illisible (${full} : ${detail}) : rien n’est déverrouillé`);
}

/** config.json: absent (no file), unreadable (unreadable, too large, empty or malformed), or its keys. */
export async function readPolicyFileSource(file: string): Promise<PolicySourceRead> {
  try {
    const handle = await fsp.open(file, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return unreadable(`« ${file} » n’est pas un fichier : rien n’est déverrouillé`);
      if (info.size > MAX_POLICY_BYTES) {
        return unreadable(`« ${file} » est trop volumineux pour une configuration : rien n’est déverrouillé`);
      }
      return readPolicyText(await handle.readFile('utf8'));
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return ABSENT;
    const code = (error as { code?: unknown }).code;
    return unreadable(
      `« ${file} » illisible (${typeof code === 'string' ? code : String(error)}) : rien n’est déverrouillé`,
    );
  }
}

/**
 * The ProgramData known folder, read from HKLM (ProfileList\ProgramData, "%SystemDrive%\ProgramData"): the
 * environment's %ProgramData% is the user's to change. Falls back to C:\ProgramData.
 */
export async function windowsProgramData(run: RegRunner): Promise<string> {
  const fallback = 'C:\\ProgramData';
  const result = await run([
    'query',
    'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList',
    '/v',
    'ProgramData',
    '/reg:64',
  ]);
  if (result.code !== 0) return fallback;
  const value = parseRegQuery(decodeRegOutput(result.stdout))
    .flatMap((k) => k.values)
    .find((v) => v.name.toLowerCase() === 'programdata');
  const systemDrive = path.win32.parse(REG_EXE).root.replace(/\\$/, '');
  const folder = value?.data.replace(/%SystemDrive%/gi, systemDrive).trim() ?? '';
  // Anything else (another variable, a UNC path) is not trusted.
  return /^[A-Za-z]:\\[^%]*$/.test(folder) ? folder : fallback;
}

/** config.json's location on this OS: ProgramData (from the registry) on Windows, /etc/vigie elsewhere. */
export async function machinePolicyPath(
  platform: NodeJS.Platform = process.platform,
  run: RegRunner = spawnReg(),
): Promise<string> {
  if (platform === 'win32') return path.win32.join(await windowsProgramData(run), 'Vigie', 'config.json');
  return '/etc/vigie/config.json';
}

/** The sources in priority order: the registry (Windows only), then the JSON file. */
export interface MachinePolicySources {
  registry: (() => Promise<PolicySourceRead>) | null;
  file: () => Promise<PolicySourceRead>;
  /** config.json's path, for logs and checks. */
  filePath: string;
}

/** `registry: false` reads the file alone (the headless agent's --policy, development). */
export function machinePolicySources(options: {
  file: string;
  registry: boolean;
  run?: RegRunner;
}): MachinePolicySources {
  const run = options.run ?? spawnReg();
  return {
    registry: options.registry ? () => readRegistrySource(run) : null,
    file: () => readPolicyFileSource(options.file),
    filePath: options.file,
  };
}

/** Reads every source in priority order; a source that throws counts as unreadable (never as "absent"). */
export async function readMachinePolicy(sources: MachinePolicySources): Promise<PolicySourceRead[]> {
  const guard = async (read: () => Promise<PolicySourceRead>): Promise<PolicySourceRead> => {
    try {
      return await read();
    } catch (error) {
      return unreadable(`configuration illisible (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  return [...(sources.registry ? [await guard(sources.registry)] : []), await guard(sources.file)];
}
