/**
 * The tables Vigie reads and the header words it recognises for each column. Aliases are written in their
 * normalised form (see normalizeHeader: no accents, no case, no punctuation, singular), so "Plages de
 * maintenance", "PLAGE DE MAINTENANCE" and "plage de maintenance :" all match "plage de maintenance".
 */

export type TableKind = 'applications' | 'services' | 'contacts' | 'hosts' | 'exceptions';

export interface ColumnSpec<K extends string> {
  key: K;
  /** The canonical header, as shown to people in messages and docs. */
  label: string;
  aliases: readonly string[];
  /** Missing → the table cannot be read. */
  required?: boolean;
  /** Missing → a warning, values left empty. */
  recommended?: boolean;
  /** An optional extra, left out of the "the header must contain …" hint. */
  extra?: boolean;
}

export interface TableSpec<K extends string> {
  kind: TableKind;
  /** The table's name in messages ("la liste des applications", "la table « Services »"). */
  label: string;
  /** Normalised sheet names that designate this table in a workbook. */
  sheetNames: readonly string[];
  columns: readonly ColumnSpec<K>[];
  /**
   * A header row must contain at least one of these: Site and Service appear in every table, so they cannot
   * tell the tables apart.
   */
  anchors: readonly K[];
}

export type ApplicationColumn =
  'direction' | 'site' | 'service' | 'application' | 'schedule' | 'comment' | 'consigne' | 'transfers';

export const APPLICATION_TABLE: TableSpec<ApplicationColumn> = {
  kind: 'applications',
  label: 'la liste des applications',
  sheetNames: ['application', 'liste des application', 'annexe 2', 'inventaire'],
  columns: [
    { key: 'direction', label: 'Direction', aliases: ['direction', 'dir'], recommended: true },
    { key: 'site', label: 'Site', aliases: ['site', 'installation'], recommended: true },
    { key: 'service', label: 'Service', aliases: ['service', 'unite', 'unite de soin', 'secteur'], required: true },
    {
      key: 'application',
      label: 'Application',
      aliases: ['application', 'nom de l application', 'nom application', 'logiciel'],
      required: true,
    },
    {
      key: 'schedule',
      label: 'Plage de maintenance',
      aliases: ['plage de maintenance', 'plage', 'fenetre de maintenance', 'plage horaire', 'horaire de maintenance'],
      required: true,
    },
    { key: 'comment', label: 'Commentaire', aliases: ['commentaire', 'remarque'] },
    {
      // What the wards see (docs/inventory-format.md, section 2); IT's Commentaire then goes under "Détails pour
      // les TI". Not 'instruction' alone: the Contacts table uses it for its Note.
      key: 'consigne',
      label: 'Consigne pour l’unité',
      aliases: [
        'consigne pour l unite',
        'consigne pour le service',
        'consigne aux unite',
        'consigne unite',
        'consigne',
        'instruction pour l unite',
      ],
      extra: true,
    },
    {
      key: 'transfers',
      label: 'Transferts',
      aliases: ['transfert', 'transfert de donnee', 'echange de donnee', 'interface'],
      extra: true,
    },
  ],
  anchors: ['application', 'schedule'],
};

export type ServiceColumn = 'site' | 'service' | 'twentyFourSeven' | 'shiftStarts' | 'urgencePilote' | 'continuityPlan';

export const SERVICES_TABLE: TableSpec<ServiceColumn> = {
  kind: 'services',
  label: 'la table « Services »',
  sheetNames: ['service'],
  columns: [
    { key: 'site', label: 'Site', aliases: ['site', 'installation'] },
    { key: 'service', label: 'Service', aliases: ['service', 'unite'], required: true },
    { key: 'twentyFourSeven', label: '24/7', aliases: ['24 7', '24h 24', 'service 24 7', 'ouvert 24 7'] },
    {
      key: 'shiftStarts',
      label: 'Début de quart',
      aliases: ['debut de quart', 'debut du quart', 'quart', 'changement de quart'],
    },
    { key: 'urgencePilote', label: 'Urgence pilote', aliases: ['urgence pilote', 'entente urgence pilote'] },
    {
      key: 'continuityPlan',
      label: 'Plan de continuité',
      aliases: ['plan de continuite', 'plan de continuite url', 'lien plan de continuite', 'url plan de continuite'],
    },
  ],
  anchors: ['twentyFourSeven', 'shiftStarts', 'continuityPlan'],
};

export type ContactColumn =
  'date' | 'site' | 'service' | 'from' | 'to' | 'urgencePilote' | 'contact' | 'phone' | 'url' | 'note';

export const CONTACTS_TABLE: TableSpec<ContactColumn> = {
  kind: 'contacts',
  label: 'la table « Contacts »',
  sheetNames: ['contact', 'escalade', 'qui appeler'],
  columns: [
    { key: 'date', label: 'Date', aliases: ['date', 'jour'] },
    { key: 'site', label: 'Site', aliases: ['site', 'installation'] },
    { key: 'service', label: 'Service', aliases: ['service', 'unite'] },
    { key: 'from', label: 'De', aliases: ['de', 'de hh mm', 'debut', 'heure de debut', 'a partir de'], required: true },
    { key: 'to', label: 'À', aliases: ['a', 'a hh mm', 'fin', 'heure de fin', 'jusqu a'], required: true },
    { key: 'urgencePilote', label: 'Urgence pilote', aliases: ['urgence pilote', 'entente urgence pilote'] },
    { key: 'contact', label: 'Contact', aliases: ['contact', 'qui appeler', 'contacter'], required: true },
    { key: 'phone', label: 'Téléphone', aliases: ['telephone', 'tel', 'numero'] },
    { key: 'url', label: 'Lien', aliases: ['lien', 'url', 'formulaire'] },
    { key: 'note', label: 'Note', aliases: ['note', 'remarque', 'commentaire', 'instruction'] },
  ],
  anchors: ['contact'],
};

export type HostColumn = 'pattern' | 'site' | 'services';

export const HOSTS_TABLE: TableSpec<HostColumn> = {
  kind: 'hosts',
  label: 'la table « Postes »',
  sheetNames: ['poste', 'poste de travail', 'ordinateur'],
  columns: [
    {
      key: 'pattern',
      label: 'Poste',
      aliases: ['poste', 'poste de travail', 'nom du poste', 'ordinateur', 'nom d hote'],
      required: true,
    },
    { key: 'site', label: 'Site', aliases: ['site', 'installation'], required: true },
    { key: 'services', label: 'Services', aliases: ['service', 'unite'] },
  ],
  anchors: ['pattern'],
};

export type ExceptionColumn = 'site' | 'service' | 'application' | 'from' | 'to' | 'action' | 'newWindow' | 'reason';

/**
 * Changes to the calendar (issue 13). No "début"/"fin" aliases: those name the Contacts table's hours, and a header
 * must say which table it is.
 */
export const EXCEPTIONS_TABLE: TableSpec<ExceptionColumn> = {
  kind: 'exceptions',
  label: 'la table « Exceptions »',
  sheetNames: ['exception', 'exception au calendrier', 'exception du calendrier', 'calendrier'],
  columns: [
    { key: 'site', label: 'Site', aliases: ['site', 'installation'] },
    { key: 'service', label: 'Service', aliases: ['service', 'unite'] },
    { key: 'application', label: 'Application', aliases: ['application', 'logiciel'] },
    { key: 'from', label: 'Du', aliases: ['du', 'date', 'date de debut', 'a partir du', 'le'], required: true },
    { key: 'to', label: 'Au', aliases: ['au', 'date de fin', 'jusqu au'] },
    { key: 'action', label: 'Action', aliases: ['action', 'changement'], required: true },
    {
      key: 'newWindow',
      label: 'Nouvelle plage',
      aliases: ['nouvelle plage', 'nouvelle date', 'plage de remplacement', 'reportee au', 'reporte au'],
    },
    { key: 'reason', label: 'Motif', aliases: ['motif', 'raison', 'commentaire', 'message'] },
  ],
  anchors: ['action', 'newWindow'],
};

/** The optional side tables, in the order they are looked for. */
export const SIDE_TABLES = [SERVICES_TABLE, CONTACTS_TABLE, HOSTS_TABLE, EXCEPTIONS_TABLE] as const;
