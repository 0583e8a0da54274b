/** `--public-key <file>` (agent, simulate, check-inventory): minisign public key files → their key lines. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parsePublicKey } from '../core/signing/minisign';
import { UsageError } from './args';
import type { CliIo } from './io';

export async function readPublicKeyFiles(io: CliIo, files: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      const resolved = path.resolve(io.cwd, file);
      if ((await fs.stat(resolved)).size > 10_000) throw new Error('trop grand pour une clé publique');
      text = await fs.readFile(resolved, 'utf8');
    } catch (error) {
      throw new UsageError(
        `--public-key : ${file} illisible (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    try {
      lines.push(parsePublicKey(text).line);
    } catch (error) {
      throw new UsageError(`--public-key : ${file} : ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return lines;
}
