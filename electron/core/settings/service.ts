/**
 * The workstation's profile and settings (issue 3, "Workstation profile and settings"). Each value comes from the
 * first of: IT's machine config > the inventory's hostname mapping > the user's own choice > defaults. What IT or
 * the hostname decides is shown locked and refused on save.
 */
import type { Inventory } from '../../../shared/inventory/model';
import { SettingsPatch } from '../../../shared/ipc/schemas';
import type { Lang } from '../../../shared/i18n/format';
import type { SettingsValues, SettingsView } from '../../../shared/ipc/views';
import { compareNames } from '../../../shared/planning/names';
import { sameName } from '../../../shared/text/fold';
import { DEFAULT_REMINDERS, type Profile } from '../../../shared/planning/types';
import type { Clock } from '../clock';
import type { Logger, Store } from '../store';
import { silentLogger } from '../store';
import { matchHost } from './hosts';
import { readPolicyDocument, unreadable, type PolicyProblem, type PolicySourceRead } from './policy';
import { resolvePolicy, validSnapshot, type ResolvedPolicy } from './resolve';
import type { MachinePolicy } from './schema';
import { readMachinePolicy, type MachinePolicySources } from './sources';

/** Where the last valid machine policy is kept (the settings table; user keys never start with "it."). */
export const POLICY_SNAPSHOT_KEY = 'it.policy.lastValid';

/** Everything the agent needs, including what only IT can set. */
export interface EffectiveSettings extends SettingsValues {
  reportsFolder: string | null;
  /** IT's `noticesSource`, or null: then the `avis` folder beside the inventory (electron/core/notices/source.ts). */
  noticesSource: string | null;
  intranetUrl: string | null;
  octopusUrl: string | null;
  allowQuit: boolean;
  pollMinutes: number;
  /** IT's `inventoryMaxAgeMonths`: an inventory published longer ago is flagged "à faire confirmer" (default 12). */
  inventoryMaxAgeMonths: number;
  /** Hosts openExternal may open (https only): IT's list plus the intranet and Octopus hosts. */
  allowedLinkHosts: string[];
  /** IT's `inventoryPublicKeys`: null = not set; [] = set but none valid (no new inventory is trusted). */
  inventoryPublicKeys: string[] | null;
}

export type LockReason = 'policy' | 'policy-invalid' | 'hostname';

export interface SettingsServiceDeps {
  store: Store;
  clock: Clock;
  /** The machine policy's sources, registry first (sources.ts). */
  policySources?: MachinePolicySources;
  /** Tests: the config.json document instead of policySources (undefined = none; a throw = unreadable). */
  readPolicy?: () => Promise<unknown>;
  hostname: string;
  inventory: () => Inventory;
  log?: Logger;
  /** Tests only: accept http://127.0.0.1 / localhost as an inventory source. */
  allowLocalHttp?: boolean;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly code: 'locked' | 'invalid',
    message: string,
    readonly keys: string[] = [],
  ) {
    super(message);
  }
}

const USER_KEYS = ['site', 'services', 'serviceHours', 'reminders', 'language', 'inventorySource'] as const;
type UserKey = (typeof USER_KEYS)[number];

const REASONS: Record<Lang, Record<LockReason, string>> = {
  fr: {
    policy: 'Fixé par les TI (configuration du poste)',
    'policy-invalid': 'Fixé par les TI (configuration TI invalide : valeur de sécurité)',
    hostname: 'Déterminé par le nom du poste (inventaire)',
  },
  en: {
    policy: 'Set by IT (workstation configuration)',
    'policy-invalid': 'Set by IT (invalid IT configuration: safe value)',
    hostname: 'Determined by the workstation name (inventory)',
  },
};

const LABELS: Record<UserKey, string> = {
  site: 'le site',
  services: 'les services',
  serviceHours: 'les heures des services',
  reminders: 'les rappels',
  language: 'la langue',
  inventorySource: "la source de l'inventaire",
};

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function hostOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [new URL(url).hostname.toLowerCase()];
  } catch {
    return [];
  }
}

/** A path (local, UNC, file:) or an https URL; the sync re-checks when it uses it. */
function isAcceptableSource(text: string, allowLocalHttp: boolean): boolean {
  if (/^https:\/\/[^/\s]+/i.test(text)) return true;
  if (allowLocalHttp && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//i.test(text)) return true;
  if (/^file:\/\//i.test(text)) return true;
  return /^([a-z]:[\\/]|\\\\[^\\]+\\|\/)/i.test(text);
}

export class SettingsService {
  private policy: MachinePolicy = {};
  private resolved: ResolvedPolicy | null = null;
  private readonly log: Logger;

  constructor(private readonly deps: SettingsServiceDeps) {
    this.log = deps.log ?? silentLogger;
  }

  /** Constructed and loaded: the machine config is read before anyone sees unlocked values. */
  static async create(deps: SettingsServiceDeps): Promise<SettingsService> {
    const service = new SettingsService(deps);
    await service.refresh();
    return service;
  }

  /**
   * Re-reads the machine policy (start, unlock, resume). Fails closed (resolve.ts): a broken source keeps the last
   * valid values or locks at safe defaults; problems are logged and shown in the status window.
   */
  async refresh(): Promise<void> {
    const reads = await this.readSources();
    const stored = this.deps.store.settings.get(POLICY_SNAPSHOT_KEY);
    const resolved = resolvePolicy(reads, validSnapshot(stored));
    if (resolved.snapshot && !deepEqual(resolved.snapshot, stored)) {
      try {
        this.deps.store.settings.set(POLICY_SNAPSHOT_KEY, resolved.snapshot);
      } catch (error) {
        this.log.warn('settings: last valid machine policy not stored', { error: String(error) });
      }
    }
    for (const problem of resolved.problems) this.log.warn('settings: machine policy problem', { ...problem });
    this.resolved = resolved;
    this.policy = resolved.values;
  }

  /** What is wrong with IT's configuration (French, for IT): empty when it is valid. */
  policyProblems(): PolicyProblem[] {
    return this.resolved?.problems ?? [];
  }

  private async readSources(): Promise<PolicySourceRead[]> {
    if (this.deps.policySources) return readMachinePolicy(this.deps.policySources);
    const readPolicy = this.deps.readPolicy ?? (async () => undefined);
    try {
      return [readPolicyDocument(await readPolicy())];
    } catch (error) {
      return [unreadable(`configuration illisible (${error instanceof Error ? error.message : String(error)})`)];
    }
  }

  /** IT's trusted inventory keys; null when the policy does not require signed inventories. */
  inventoryPublicKeys(): readonly string[] | null {
    return this.policy.inventoryPublicKeys ?? null;
  }

  effective(): EffectiveSettings {
    return this.resolve().values;
  }

  profile(): Profile | null {
    const { site, services } = this.effective();
    return site && services.length > 0 ? { site, services: [...services] } : null;
  }

  get(): SettingsView {
    const { values, locked } = this.resolve();
    const reasons = REASONS[values.language];
    return {
      values: {
        site: values.site,
        services: values.services,
        serviceHours: values.serviceHours,
        reminders: values.reminders,
        language: values.language,
        inventorySource: values.inventorySource,
      },
      locked: Object.fromEntries(Object.entries(locked).map(([k, why]) => [k, reasons[why]])),
      choices: this.choices(),
      needsProfile: values.site === null || values.services.length === 0,
    };
  }

  /** Saves the user's choices. Throws SettingsError('locked') when the patch changes a locked value. */
  save(patch: SettingsPatch): SettingsView {
    const parsed = SettingsPatch.safeParse(patch);
    if (!parsed.success) throw new SettingsError('invalid', 'Réglages non valides.');
    const { values, locked } = this.resolve();
    const entries: Record<string, unknown> = {};
    const refused: UserKey[] = [];
    for (const key of USER_KEYS) {
      const value = parsed.data[key];
      if (value === undefined) continue;
      if (locked[key]) {
        // The settings window sends back what it shows; an unchanged locked value is not a conflict.
        if (!deepEqual(value, values[key])) refused.push(key);
        continue;
      }
      entries[key] = value === null ? undefined : value;
    }
    if (refused.length > 0) {
      throw new SettingsError(
        'locked',
        `Impossible de modifier ${refused.map((k) => LABELS[k]).join(', ')} : ce réglage est fixé par les TI ` +
          'ou par le nom du poste.',
        refused,
      );
    }
    const source = parsed.data.inventorySource;
    if (typeof source === 'string' && !isAcceptableSource(source.trim(), this.deps.allowLocalHttp === true)) {
      throw new SettingsError(
        'invalid',
        "Source de l'inventaire non valide : indiquez un chemin (ex. \\\\serveur\\partage\\inventaire.xlsx) " +
          'ou une adresse https://.',
        ['inventorySource'],
      );
    }
    if (typeof source === 'string') entries.inventorySource = source.trim();
    this.deps.store.settings.setMany(entries);
    return this.get();
  }

  /** The user's stored choices that are still valid (an old or damaged value is skipped, not fatal). */
  private userChoices(): Partial<SettingsValues> {
    const all = this.deps.store.settings.all();
    const parsed = SettingsPatch.safeParse(
      Object.fromEntries(USER_KEYS.filter((k) => all[k] !== undefined).map((k) => [k, all[k]])),
    );
    if (parsed.success) return parsed.data;
    const kept: Record<string, unknown> = {};
    for (const key of USER_KEYS) {
      if (all[key] === undefined) continue;
      if (SettingsPatch.safeParse({ [key]: all[key] }).success) kept[key] = all[key];
      else this.log.warn('settings: stored user value ignored', { key });
    }
    return kept;
  }

  private resolve(): { values: EffectiveSettings; locked: Partial<Record<UserKey, LockReason>> } {
    const p = this.policy;
    const fixed = (key: keyof MachinePolicy) => Object.hasOwn(p, key);
    const user = this.userChoices();
    const locked: Partial<Record<UserKey, LockReason>> = {};
    const fallback = this.resolved?.fallback ?? {};
    for (const key of USER_KEYS) {
      if (fixed(key)) locked[key] = fallback[key] === 'safe-default' ? 'policy-invalid' : 'policy';
    }

    const host = matchHost(this.deps.inventory().hosts, this.deps.hostname);
    // A site pinned by IT is never moved by the inventory; the hostname's services only apply to that site.
    const pinnedSite = p.site ?? undefined;
    const hostApplies = host !== null && (pinnedSite === undefined || sameName(pinnedSite, host.site));
    if (host && !fixed('site')) locked.site = 'hostname';
    const pinnedServices = p.services !== undefined && p.services.length > 0 ? p.services : undefined;
    const hostServices = host && hostApplies && host.services.length > 0 ? host.services : undefined;
    if (hostServices && !fixed('services')) locked.services = 'hostname';

    // A site or services locked at their safe default (invalid policy) leave the hostname's answer, never the user's.
    const site = fixed('site')
      ? (pinnedSite ?? (hostApplies ? host?.site : undefined) ?? null)
      : (host?.site ?? user.site ?? null);
    const services = fixed('services') ? (pinnedServices ?? hostServices ?? []) : (hostServices ?? user.services ?? []);
    const values: EffectiveSettings = {
      site,
      services: [...services],
      serviceHours: { ...(p.serviceHours ?? user.serviceHours ?? {}) },
      reminders: [...(p.reminders ?? user.reminders ?? DEFAULT_REMINDERS)],
      language: p.language ?? user.language ?? 'fr',
      inventorySource: fixed('inventorySource') ? (p.inventorySource ?? null) : (user.inventorySource ?? null),
      reportsFolder: p.reportsFolder ?? null,
      noticesSource: p.noticesSource ?? null,
      intranetUrl: p.intranetUrl ?? null,
      octopusUrl: p.octopusUrl ?? null,
      allowQuit: p.allowQuit ?? true,
      pollMinutes: p.pollMinutes ?? 5,
      inventoryMaxAgeMonths: p.inventoryMaxAgeMonths ?? 12,
      allowedLinkHosts: [
        ...new Set([
          ...(p.allowedLinkHosts ?? []),
          ...hostOf(p.intranetUrl ?? undefined),
          ...hostOf(p.octopusUrl ?? undefined),
        ]),
      ],
      inventoryPublicKeys: p.inventoryPublicKeys ? [...p.inventoryPublicKeys] : null,
    };
    return { values, locked };
  }

  private choices(): SettingsView['choices'] {
    const bySite = new Map<string, Set<string>>();
    for (const app of this.deps.inventory().applications) {
      if (!app.site.trim() || !app.service.trim()) continue;
      const set = bySite.get(app.site) ?? new Set<string>();
      set.add(app.service);
      bySite.set(app.site, set);
    }
    const sites = [...bySite.keys()].sort(compareNames);
    return {
      sites,
      servicesBySite: Object.fromEntries(sites.map((s) => [s, [...(bySite.get(s) ?? [])].sort(compareNames)])),
    };
  }
}
