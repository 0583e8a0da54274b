/**
 * The machine configuration IT deploys (%ProgramData%\Vigie\config.json, read-only for users). Validated key by
 * key: one mistyped value is ignored with a warning instead of silently unlocking every other setting IT fixed.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Language, ReminderSpecSchema, ServiceHoursSchema } from '../../../shared/ipc/schemas';
import type { Logger } from '../store';

const HttpsUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => u.startsWith('https://'), 'https:// requis');
const Name = z.string().trim().min(1).max(200);
/** "services": "Urgence" is accepted as ["Urgence"]: IT writes JSON by hand. */
const Services = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(Name).min(1).max(20));
const Host = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+$/, 'nom d’hôte attendu (sans https://)')
  .max(253);

export const POLICY_FIELDS = {
  site: Name,
  services: Services,
  serviceHours: z.record(z.string().max(200), ServiceHoursSchema),
  reminders: z.array(ReminderSpecSchema).max(6),
  language: Language,
  inventorySource: z.string().trim().min(1).max(1000).nullable(),
  reportsFolder: z.string().trim().min(1).max(1000),
  intranetUrl: HttpsUrl,
  octopusUrl: HttpsUrl,
  allowQuit: z.boolean(),
  pollMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  allowedLinkHosts: z.array(Host).max(50),
  /** Read by the shell (electron/shell/startup.ts): start at login per user, or IT's machine-wide Run entry. */
  autostart: z.boolean(),
  machineWideAutostart: z.boolean(),
} as const;

export type MachinePolicy = Partial<{ [K in keyof typeof POLICY_FIELDS]: z.output<(typeof POLICY_FIELDS)[K]> }>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Never throws: whatever cannot be understood is left out and logged. */
export function parsePolicy(raw: unknown, log: Logger): MachinePolicy {
  if (raw === undefined || raw === null) return {};
  if (!isPlainObject(raw)) {
    log.warn('settings: machine config ignored (not a JSON object)');
    return {};
  }
  const policy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('$') || key.startsWith('//')) continue; // "$schema", "//" comments
    const schema = (POLICY_FIELDS as Record<string, z.ZodType>)[key];
    if (!schema) {
      log.warn('settings: unknown key in machine config ignored', { key });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else log.warn('settings: invalid value in machine config ignored', { key, issue: parsed.error.issues[0]?.message });
  }
  return policy;
}

/** Where IT puts the machine config: %ProgramData%\Vigie\config.json on Windows, /etc/vigie elsewhere. */
export function defaultPolicyPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Vigie', 'config.json');
  return '/etc/vigie/config.json';
}

/**
 * Reads the machine config: undefined when there is none, the parsed JSON otherwise. Throws on unreadable JSON
 * (SettingsService logs it and ignores the file).
 */
export async function readPolicyFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  // Notepad saves UTF-8 with a BOM, which JSON.parse refuses.
  const body = text.replace(/^\uFEFF/, '').trim();
  return body === '' ? undefined : (JSON.parse(body) as unknown);
}
