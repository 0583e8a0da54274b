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
import { parsePolicy, type MachinePolicy } from './policy';

/** Everything the agent needs, including what only IT can set. */
export interface EffectiveSettings extends SettingsValues {
  reportsFolder: string | null;
  intranetUrl: string | null;
  octopusUrl: string | null;
  allowQuit: boolean;
  pollMinutes: number;
  /** Hosts openExternal may open (https only): IT's list plus the intranet and Octopus hosts. */
  allowedLinkHosts: string[];
}

export type LockReason = 'policy' | 'hostname';

export interface SettingsServiceDeps {
  store: Store;
  clock: Clock;
  /** Reads the machine config (readPolicyFile(defaultPolicyPath())); undefined = none. May throw. */
  readPolicy: () => Promise<unknown>;
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
  fr: { policy: 'Fixé par les TI (configuration du poste)', hostname: 'Déterminé par le nom du poste (inventaire)' },
  en: { policy: 'Set by IT (workstation configuration)', hostname: 'Determined by the workstation name (inventory)' },
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

  /** Re-reads the machine config. An unreadable or invalid file is ignored with a warning, never fatal. */
  async refresh(): Promise<void> {
    let raw: unknown;
    try {
      raw = await this.deps.readPolicy();
    } catch (error) {
      this.log.warn('settings: machine config unreadable, ignored', {
        error: error instanceof Error ? error.message : String(error),
      });
      raw = undefined;
    }
    this.policy = parsePolicy(raw, this.log);
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
    const user = this.userChoices();
    const locked: Partial<Record<UserKey, LockReason>> = {};
    for (const key of USER_KEYS) if (p[key] !== undefined) locked[key] = 'policy';

    const host = matchHost(this.deps.inventory().hosts, this.deps.hostname);
    // The hostname's services only make sense for its own site: not when IT fixed another site.
    const hostApplies = host !== null && (p.site === undefined || sameName(p.site, host.site));
    if (host && p.site === undefined) locked.site = 'hostname';
    if (host && hostApplies && host.services.length > 0 && p.services === undefined) locked.services = 'hostname';

    const site = p.site ?? host?.site ?? user.site ?? null;
    const services =
      p.services ?? (locked.services === 'hostname' && host ? host.services : undefined) ?? user.services ?? [];
    const values: EffectiveSettings = {
      site,
      services: [...services],
      serviceHours: { ...(p.serviceHours ?? user.serviceHours ?? {}) },
      reminders: [...(p.reminders ?? user.reminders ?? DEFAULT_REMINDERS)],
      language: p.language ?? user.language ?? 'fr',
      inventorySource: p.inventorySource !== undefined ? p.inventorySource : (user.inventorySource ?? null),
      reportsFolder: p.reportsFolder ?? null,
      intranetUrl: p.intranetUrl ?? null,
      octopusUrl: p.octopusUrl ?? null,
      allowQuit: p.allowQuit ?? true,
      pollMinutes: p.pollMinutes ?? 5,
      allowedLinkHosts: [
        ...new Set([...(p.allowedLinkHosts ?? []), ...hostOf(p.intranetUrl), ...hostOf(p.octopusUrl)]),
      ],
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
