/**
 * One line of French help per command. Kept apart from the commands so `npm run cli` can list and dispatch them
 * without loading them all (each loads only what it needs: exceljs, zod, SQLite…).
 */
export const USAGE = {
  occurrences: 'occurrences --rule "<texte>" [--from <AAAA-MM-JJ | date ISO>] [--count N] [--zone <IANA>] [--json]',
  'check-inventory':
    'check-inventory <fichier .csv | .xlsx | .json | adresse https://> [--public-key <fichier.pub> …] ' +
    '[--known-hosts <liste des postes>] [--max-pattern-share 0.5] [--json]',
  timeline:
    'timeline --inventory <fichier> --site <site> --service <service> [--service …] --from <date> --to <date> [--json]',
  contact:
    'contact --at <date ISO> --site <site> [--service <service>] [--inventory <fichier>] [--urgence-pilote] [--unrelated] [--json]',
  report:
    'report --results <dossier> [--from today|yesterday|<date>] [--to <date>] [--days N] [--inventory <fichier>] ' +
    '--html <rapport.html> [--csv <rapport.csv>] [--max-file-mb N] [--max-total-mb N] [--json] | ' +
    'report --results <dossier> --prune --older-than 180d [--yes] [--json]',
  ics:
    'ics --inventory <fichier> --site <site> --service <service> [--service …] [--months N] [--from <date>] ' +
    '--out <fichier.ics> [--lang fr|en] [--json]',
  simulate:
    'simulate --inventory <fichier> --site <site> --service <service> [--service …] --from <date> --to <date> ' +
    '[--asleep <début>/<fin> …] [--ack <date ISO> …] [--lang fr|en] [--public-key <fichier.pub> …] [--json]',
  agent:
    'agent [--inventory <fichier>] [--site <site>] [--service <service> …] [--data-dir <dossier>] ' +
    '[--public-key <fichier.pub> …] [--policy <config.json>]',
  publish:
    'publish <inventaire> --to <dossier publié> [--key <clé privée minisign>] [--expires-in <jours>] ' +
    '[--sequence N] [--json]',
  keygen: 'keygen --out <nom de base> [--force] [--json]',
  'check-config': 'check-config <config.json> [--registry <sortie de reg query /s>] [--json]',
} as const;

export type CommandName = keyof typeof USAGE;
