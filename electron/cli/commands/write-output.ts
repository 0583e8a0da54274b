/**
 * Output files of the IT commands (fleet report, calendar), often written onto a share people open at the same
 * moment: written under a temporary name beside the target, then renamed, so nobody opens a half-written file.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';

export class OutputError extends Error {
  override readonly name = 'OutputError';
}

export async function writeOutputFile(
  file: string,
  content: string | Uint8Array,
  options: { mode?: number } = {},
): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    // The temporary name starts with a dot: a workstation's folder scan never takes it for the inventory.
    await fsp.writeFile(temp, content, { flag: 'wx', ...(options.mode !== undefined ? { mode: options.mode } : {}) });
    await fsp.rename(temp, file);
  } catch (error) {
    await fsp.unlink(temp).catch(() => undefined);
    throw new OutputError(`impossible d’écrire « ${file} » (${outputReason(error)})`);
  }
}

function outputReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code === 'ENOENT'
    ? 'le dossier n’existe pas'
    : code === 'EACCES' || code === 'EPERM'
      ? 'accès refusé'
      : code === 'EBUSY'
        ? 'le fichier est ouvert dans un autre programme'
        : (code ?? 'erreur inconnue');
}

/** The same, for a long output produced line by line (the fleet CSV): never held whole in memory. */
export async function writeOutputLines(file: string, lines: Iterable<string>): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await fsp.open(temp, 'wx');
    try {
      let chunk = '';
      for (const line of lines) {
        chunk += line;
        if (chunk.length >= 1 << 16) {
          await handle.write(chunk, null, 'utf8');
          chunk = '';
        }
      }
      if (chunk) await handle.write(chunk, null, 'utf8');
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, file);
  } catch (error) {
    await fsp.unlink(temp).catch(() => undefined);
    throw new OutputError(`impossible d’écrire « ${file} » (${outputReason(error)})`);
  }
}
