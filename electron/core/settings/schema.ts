/**
 * The machine policy's one source of truth (docs/deployment.md, "Stratégie de groupe"): each key's value schema,
 * how it is stored in the registry, its safe default and its texts. The JSON reader, the registry reader,
 * `check-config` and the ADMX/ADML templates (admx.ts, generated at build time) all read this table, so a key
 * cannot exist in one and not the other. Pure: zod and shared/ only (check-config is bundled without natives).
 */
import { z } from 'zod';
import { Language, ReminderSpecSchema, ServiceHoursSchema } from '../../../shared/ipc/schemas';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';

/** How the value is written in the registry (and which ADMX element edits it). */
export type PolicyKind =
  | { type: 'boolean' }
  | { type: 'integer'; min: number; max: number; default: number }
  | { type: 'text'; maxLength: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; maxItems: number }
  /** Structured value: JSON text in a REG_SZ (GPO has no editor for objects). */
  | { type: 'json'; maxLength: number };

export interface PolicyKeyDefinition {
  kind: PolicyKind;
  schema: z.ZodType;
  /** What a present-but-invalid key locks the setting at when no valid value was ever seen (fail closed). */
  safeDefault: unknown;
  /** "doit être …" — completes the French problem message. */
  expected: string;
  label: { fr: string; en: string };
  help: { fr: string; en: string };
}

/** Names that must never be looked up on a plain object (issue 11: `constructor` stopped Vigie from starting). */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

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
/** A minisign public key line (base64 of "Ed" + key id + 32-byte key = 56 characters). */
const PublicKey = z
  .string()
  .trim()
  .regex(/^RW[A-Za-z0-9+/]{54}$/, 'clé publique minisign attendue');
const ServiceHoursMap = z
  .record(z.string().max(200), ServiceHoursSchema)
  .refine((m) => Object.keys(m).every((k) => !PROTOTYPE_NAMES.has(k)), 'nom de service réservé');

const boolean = (fr: string, en: string, helpFr: string, helpEn: string, safeDefault: boolean) =>
  ({
    kind: { type: 'boolean' },
    schema: z.boolean(),
    safeDefault,
    expected: 'true ou false',
    label: { fr, en },
    help: { fr: helpFr, en: helpEn },
  }) satisfies PolicyKeyDefinition;

/** In the order the ADMX lists them. Adding a key here adds it everywhere (readers, check-config, ADMX/ADML). */
export const POLICY_SCHEMA = {
  site: {
    kind: { type: 'text', maxLength: 200 },
    schema: Name,
    safeDefault: null,
    expected: 'un nom de site non vide (200 caractères au plus)',
    label: { fr: 'Site du poste', en: 'Workstation site' },
    help: {
      fr: 'Site du poste, écrit comme dans la colonne Site de l’inventaire (ex. HMR). Fixe le site : la feuille Postes ne le change plus.',
      en: 'The workstation site, spelled as in the inventory Site column (e.g. HMR). Pins the site: the Postes sheet no longer changes it.',
    },
  },
  services: {
    kind: { type: 'list', maxItems: 20 },
    schema: Services,
    safeDefault: [],
    expected: 'une liste de 1 à 20 noms de services',
    label: { fr: 'Services du poste', en: 'Workstation services' },
    help: {
      fr: 'Un service par ligne, écrit comme dans la colonne Service de l’inventaire (ex. Laboratoire).',
      en: 'One service per line, spelled as in the inventory Service column (e.g. Laboratoire).',
    },
  },
  serviceHours: {
    kind: { type: 'json', maxLength: 4000 },
    schema: ServiceHoursMap,
    safeDefault: {},
    expected: 'un objet JSON comme {"Laboratoire": {"twentyFourSeven": false, "shiftStarts": ["08:00"]}}',
    label: { fr: 'Heures des services (JSON)', en: 'Service hours (JSON)' },
    help: {
      fr: 'Texte JSON : {"Laboratoire": {"twentyFourSeven": false, "shiftStarts": ["08:00"]}}.',
      en: 'JSON text: {"Laboratoire": {"twentyFourSeven": false, "shiftStarts": ["08:00"]}}.',
    },
  },
  reminders: {
    kind: { type: 'json', maxLength: 2000 },
    schema: z.array(ReminderSpecSchema).max(6),
    safeDefault: [...DEFAULT_REMINDERS],
    expected:
      'une liste JSON de 6 rappels au plus, comme [{"kind": "day-before", "at": "10:00"}, {"kind": "before", "minutes": 30}]',
    label: { fr: 'Rappels (JSON)', en: 'Reminders (JSON)' },
    help: {
      fr: 'Texte JSON : [{"kind": "day-before", "at": "10:00"}, {"kind": "before", "minutes": 30}].',
      en: 'JSON text: [{"kind": "day-before", "at": "10:00"}, {"kind": "before", "minutes": 30}].',
    },
  },
  language: {
    kind: { type: 'enum', values: ['fr', 'en'] },
    schema: Language,
    safeDefault: 'fr',
    expected: '« fr » ou « en »',
    label: { fr: 'Langue', en: 'Language' },
    help: { fr: 'Langue des fenêtres et des notifications.', en: 'Language of the windows and notifications.' },
  },
  inventorySource: {
    kind: { type: 'text', maxLength: 1000 },
    schema: z.string().trim().min(1).max(1000).nullable(),
    safeDefault: null,
    expected: 'un chemin (\\\\serveur\\partage\\inventaire.xlsx) ou une adresse https://',
    label: { fr: 'Source de l’inventaire', en: 'Inventory source' },
    help: {
      fr: 'Chemin local, partage \\\\serveur\\…\\inventaire.xlsx ou adresse https://. L’usager ne peut plus la changer.',
      en: 'Local path, share \\\\server\\…\\inventaire.xlsx or https:// address. The user can no longer change it.',
    },
  },
  reportsFolder: {
    kind: { type: 'text', maxLength: 1000 },
    schema: z.string().trim().min(1).max(1000),
    safeDefault: null,
    expected: 'un dossier partagé (\\\\serveur\\partage\\rapports)',
    label: { fr: 'Dossier des rapports', en: 'Reports folder' },
    help: {
      fr: 'Dossier partagé où chaque poste dépose ses rapports de vérification.',
      en: 'Shared folder where each workstation drops its verification reports.',
    },
  },
  noticesSource: {
    kind: { type: 'text', maxLength: 1000 },
    schema: z.string().trim().min(1).max(1000),
    safeDefault: null,
    expected: 'un dossier (\\\\serveur\\partage\\avis)',
    label: { fr: 'Dossier des avis de panne', en: 'Outage notices folder' },
    help: {
      fr: 'Dossier où les TI publient les avis de panne (notice publish). Par défaut : le dossier « avis » à côté de l’inventaire.',
      en: 'Folder where IT publishes outage notices (notice publish). Default: the "avis" folder beside the inventory.',
    },
  },
  intranetUrl: {
    kind: { type: 'text', maxLength: 2000 },
    schema: HttpsUrl,
    safeDefault: null,
    expected: 'une adresse https://…',
    label: { fr: 'Lien intranet', en: 'Intranet link' },
    help: {
      fr: 'Guide et calendrier sur l’intranet (https://).',
      en: 'Guide and calendar on the intranet (https://).',
    },
  },
  octopusUrl: {
    kind: { type: 'text', maxLength: 2000 },
    schema: HttpsUrl,
    safeDefault: null,
    expected: 'une adresse https://…',
    label: { fr: 'Formulaire Octopus', en: 'Octopus form' },
    help: {
      fr: 'Formulaire proposé aux services « Urgence pilote » de 7 h à 17 h (https://).',
      en: 'Form offered to "Urgence pilote" services from 7 a.m. to 5 p.m. (https://).',
    },
  },
  allowQuit: boolean(
    'Permettre de quitter Vigie',
    'Allow quitting Vigie',
    'Désactivé : « Quitter » n’apparaît plus dans le menu de l’icône.',
    'Disabled: "Quitter" no longer appears in the tray menu.',
    false,
  ),
  inventoryMaxAgeMonths: {
    kind: { type: 'integer', min: 1, max: 120, default: 12 },
    schema: z.number().int().min(1).max(120),
    safeDefault: 12,
    expected: 'un nombre entier de mois de 1 à 120',
    label: { fr: 'Âge maximal de l’inventaire (mois)', en: 'Maximum inventory age (months)' },
    help: {
      fr: 'Au-delà, la fenêtre d’état signale en orange que la date de publication de l’inventaire est à faire confirmer.',
      en: 'Beyond it, the status window shows in amber that the inventory’s publication date needs confirming.',
    },
  },
  pollMinutes: {
    kind: { type: 'integer', min: 1, max: 24 * 60, default: 5 },
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    safeDefault: 5,
    expected: 'un nombre entier de minutes de 1 à 1440',
    label: { fr: 'Fréquence de lecture de l’inventaire (minutes)', en: 'Inventory polling (minutes)' },
    help: {
      fr: 'Toutes les combien de minutes Vigie relit l’inventaire (un délai aléatoire s’ajoute).',
      en: 'How often, in minutes, Vigie reads the inventory again (a random delay is added).',
    },
  },
  allowedLinkHosts: {
    kind: { type: 'list', maxItems: 50 },
    schema: z.array(Host).max(50),
    safeDefault: [],
    expected: 'une liste de 50 noms d’hôte au plus, sans https:// (ex. intranet.exemple.ca)',
    label: { fr: 'Sites https autorisés', en: 'Allowed https sites' },
    help: {
      fr: 'Un nom d’hôte par ligne : les sites que Vigie peut ouvrir dans le navigateur.',
      en: 'One host name per line: the sites Vigie may open in the browser.',
    },
  },
  autostart: boolean(
    'Démarrage automatique',
    'Start automatically',
    'Désactivé : Vigie ne démarre pas à l’ouverture de session (poste kiosque).',
    'Disabled: Vigie does not start at sign-in (kiosk).',
    true,
  ),
  machineWideAutostart: boolean(
    'Démarrage par l’entrée Run de la machine',
    'Started by the machine Run entry',
    'Activé : les TI ont créé l’entrée Run de la machine ; Vigie ne crée plus d’entrée par usager.',
    'Enabled: IT created the machine Run entry; Vigie no longer creates a per-user entry.',
    false,
  ),
  inventoryPublicKeys: {
    kind: { type: 'list', maxItems: 8 },
    // One key may be written as a plain string (config.json, REG_SZ): the same as a list of one.
    schema: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(PublicKey).min(1).max(8)),
    // Invalid and never valid: signatures stay required and no key is trusted (no new inventory is applied).
    safeDefault: [],
    expected: 'une liste de 1 à 8 clés publiques minisign (la 2e ligne du fichier .pub, « RW… »)',
    label: { fr: 'Clés publiques de l’inventaire', en: 'Inventory public keys' },
    help: {
      fr: 'Une clé par ligne (2e ligne du fichier .pub). Seul un inventaire signé par l’une d’elles est appliqué.',
      en: 'One key per line (2nd line of the .pub file). Only an inventory signed by one of them is applied.',
    },
  },
} as const satisfies Record<string, PolicyKeyDefinition>;

export type PolicyKey = keyof typeof POLICY_SCHEMA;
export const POLICY_KEYS = Object.keys(POLICY_SCHEMA) as PolicyKey[];

export type MachinePolicy = Partial<{ [K in PolicyKey]: z.output<(typeof POLICY_SCHEMA)[K]['schema']> }>;

/** The definition of a key, or undefined for anything else — `constructor` and `__proto__` included. */
export function policyKey(name: string): PolicyKey | undefined {
  return Object.hasOwn(POLICY_SCHEMA, name) ? (name as PolicyKey) : undefined;
}

/** A registry value name matched case-insensitively, as Windows does. */
export function policyKeyIgnoringCase(name: string): PolicyKey | undefined {
  const lower = name.toLowerCase();
  return POLICY_KEYS.find((k) => k.toLowerCase() === lower);
}

/** « non », « 42 », « [1,2] » — the wrong value quoted in a problem message, bounded. */
export function quoteValue(value: unknown): string {
  let text: string;
  if (value === '' || value === undefined) return 'une valeur vide';
  if (typeof value === 'string') text = value;
  else {
    try {
      // JSON first: an object reads as its content, not "[object Object]"; undefined/functions have no JSON.
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = typeof value;
    }
  }
  return `« ${text.length > 80 ? `${text.slice(0, 77)}…` : text} »`;
}

export function invalidMessage(key: PolicyKey, value: unknown): string {
  return `\`${key}\` doit être ${POLICY_SCHEMA[key].expected}, pas ${quoteValue(value)}`;
}
