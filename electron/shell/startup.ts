/**
 * Start-up decisions of the shell: where IT's machine configuration lives, the few keys the shell itself reads
 * from it, and the login item. The core reads the same file for everything else (settings precedence);
 * the shell only needs what Electron must apply before the core runs.
 */
import { resolvePolicy } from '../core/settings/resolve';
import {
  machinePolicyPath,
  machinePolicySources,
  readMachinePolicy,
  spawnReg,
  type MachinePolicySources,
  type RegRunner,
} from '../core/settings/sources';
import type { Logger } from './log';

/** Passed by the per-user login item and by IT's machine-wide Run entry: start quietly in the tray. */
export const LOGIN_ARG = '--login';

/**
 * Where Vigie keeps its SQLite store and logs. Electron's default userData is in Roaming AppData, which hospital
 * networks often redirect to a file server — where SQLite's WAL does not work and openStore refuses to go
 * (docs/architecture.md, rule 12). On Windows we use %LOCALAPPDATA%\Vigie instead; VIGIE_USER_DATA_DIR
 * (tests, kiosks) wins. null = keep Electron's default.
 */
export function userDataDir(platform: NodeJS.Platform, env: Record<string, string | undefined>): string | null {
  if (env.VIGIE_USER_DATA_DIR) return env.VIGIE_USER_DATA_DIR;
  if (platform === 'win32' && env.LOCALAPPDATA && !/^[\\/]{2}/.test(env.LOCALAPPDATA)) {
    return `${env.LOCALAPPDATA.replace(/[\\/]+$/, '')}\\Vigie`;
  }
  return null;
}

/**
 * config.json's location. Packaged: from the OS only (ProgramData read from HKLM, settings/sources.ts) — the
 * user's environment cannot substitute a policy (issue 11). Development and tests: VIGIE_POLICY_PATH wins.
 */
export async function policyFilePath(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  isPackaged: boolean,
  run?: RegRunner,
): Promise<string> {
  if (!isPackaged && env.VIGIE_POLICY_PATH) return env.VIGIE_POLICY_PATH;
  return machinePolicyPath(platform, run);
}

/** The registry (Group Policy) first on Windows, then config.json. */
export async function shellPolicySources(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  isPackaged: boolean,
  run: RegRunner = spawnReg(),
): Promise<MachinePolicySources> {
  const file = await policyFilePath(platform, env, isPackaged, run);
  return machinePolicySources({ file, registry: platform === 'win32', run });
}

export interface ShellPolicy {
  /** IT installed a machine-wide Run entry (HKLM): no per-user login item, to avoid two entries. */
  machineWideAutostart: boolean;
  /** false: IT does not want Vigie started at login at all (a kiosk that starts it otherwise). */
  autostart: boolean;
  /**
   * Hosts whose https links may open in the browser: `allowedLinkHosts` plus the hosts of `intranetUrl` and
   * `octopusUrl` — the same list the core derives (electron/core/settings/service.ts), so both gates agree.
   */
  allowedLinkHosts: string[];
}

export const DEFAULT_SHELL_POLICY: ShellPolicy = { machineWideAutostart: false, autostart: true, allowedLinkHosts: [] };

/**
 * The keys Electron applies itself, read with the core's readers and its fail-closed rule (settings/resolve.ts):
 * an invalid key takes its safe default (no store here: the core keeps the last valid values); problems are
 * logged once by the shell and shown in the status window by the core.
 */
export async function readShellPolicy(sources: MachinePolicySources, log: Logger): Promise<ShellPolicy> {
  const { values, problems } = resolvePolicy(await readMachinePolicy(sources), null);
  for (const problem of problems) log.warn('configuration TI invalide', { ...problem });
  const hosts = new Set(values.allowedLinkHosts ?? []);
  for (const url of [values.intranetUrl, values.octopusUrl]) if (url) hosts.add(new URL(url).host.toLowerCase());
  return {
    machineWideAutostart: values.machineWideAutostart ?? DEFAULT_SHELL_POLICY.machineWideAutostart,
    autostart: values.autostart ?? DEFAULT_SHELL_POLICY.autostart,
    allowedLinkHosts: [...hosts],
  };
}

export interface LoginItemApp {
  readonly isPackaged: boolean;
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

export type LoginItemChoice = 'per-user' | 'machine-wide' | 'disabled' | 'development';

/**
 * Per-user login item (HKCU Run) unless IT runs Vigie from a machine-wide Run entry or disabled it. Never in
 * development: it would register the bare electron binary.
 */
export function applyLoginItem(app: LoginItemApp, policy: ShellPolicy, log: Logger): LoginItemChoice {
  if (!app.isPackaged) return 'development';
  const choice: LoginItemChoice = !policy.autostart
    ? 'disabled'
    : policy.machineWideAutostart
      ? 'machine-wide'
      : 'per-user';
  try {
    // openAtLogin false also removes a per-user entry left from before IT's change.
    app.setLoginItemSettings(
      choice === 'per-user' ? { openAtLogin: true, args: [LOGIN_ARG] } : { openAtLogin: false, args: [LOGIN_ARG] },
    );
  } catch (error) {
    log.warn('démarrage automatique non configuré', { choice, error: String(error) });
  }
  return choice;
}
