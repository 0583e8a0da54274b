/**
 * Start-up decisions of the shell: where IT's machine configuration lives, the few keys the shell itself reads
 * from it, and the login item. The core reads the same file for everything else (settings precedence);
 * the shell only needs what Electron must apply before the core runs.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { defaultPolicyPath as corePolicyPath } from '../core/settings/policy';
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
 * The core's location (%ProgramData%\Vigie\config.json on Windows), unless VIGIE_POLICY_PATH points elsewhere
 * (the Electron smoke test, a kiosk set-up).
 */
export function defaultPolicyPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  return env.VIGIE_POLICY_PATH || corePolicyPath(platform, env);
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

// Each key is read on its own: one mistyped key must not throw away the others (the core reports the file).
const HttpsUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => u.startsWith('https://'));
const KEYS = {
  machineWideAutostart: z.boolean(),
  autostart: z.boolean(),
  allowedLinkHosts: z.array(z.string().trim().toLowerCase().min(1).max(253)).max(50),
  intranetUrl: HttpsUrl,
  octopusUrl: HttpsUrl,
};

export function readShellPolicy(path: string, log: Logger): ShellPolicy {
  let raw: unknown;
  try {
    // Notepad saves UTF-8 with a BOM; JSON.parse refuses it.
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing) log.warn('configuration du poste illisible : valeurs par défaut', { path, error: String(error) });
    return { ...DEFAULT_SHELL_POLICY };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_SHELL_POLICY };
  const source = raw as Record<string, unknown>;
  const read = <K extends keyof typeof KEYS>(key: K): z.output<(typeof KEYS)[K]> | undefined => {
    if (!(key in source)) return undefined;
    const parsed = KEYS[key].safeParse(source[key]);
    if (parsed.success) return parsed.data as z.output<(typeof KEYS)[K]>;
    log.warn('clé de configuration ignorée (valeur invalide)', { path, key });
    return undefined;
  };
  const hosts = new Set(read('allowedLinkHosts') ?? []);
  for (const url of [read('intranetUrl'), read('octopusUrl')]) if (url) hosts.add(new URL(url).host.toLowerCase());
  return {
    machineWideAutostart: read('machineWideAutostart') ?? DEFAULT_SHELL_POLICY.machineWideAutostart,
    autostart: read('autostart') ?? DEFAULT_SHELL_POLICY.autostart,
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
