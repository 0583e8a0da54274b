/**
 * The cache must live on local disk: SQLite's WAL needs shared memory that network file systems do not provide
 * (docs/architecture.md, rule 12: never on the share). Hospitals often redirect AppData\Roaming to a server, so the
 * shell must pass a local folder (LocalAppData) — we refuse anything that is visibly a network path.
 */

export class StoreLocationError extends Error {
  override readonly name = 'StoreLocationError';
}

/** True for `\\server\share…`, `//server/share…` and `\\?\UNC\…`; false for `C:\…`, `\\?\C:\…` and POSIX paths. */
export function isNetworkPath(dir: string): boolean {
  const p = dir.trim();
  if (/^[\\/]{2}\?[\\/]unc[\\/]/i.test(p)) return true;
  if (/^[\\/]{2}[?.][\\/][a-z]:/i.test(p)) return false; // extended-length / device path to a local drive
  return /^[\\/]{2}[^\\/]/.test(p);
}

export function assertLocalDirectory(dir: string): void {
  if (isNetworkPath(dir)) {
    throw new StoreLocationError(
      `Le dossier de données de Vigie doit être sur le disque local, pas sur le réseau (${dir}). ` +
        'La base locale ne fonctionne pas correctement sur un partage.',
    );
  }
}
