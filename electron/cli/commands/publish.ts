/**
 * `publish <inventory> --to <folder> [--key <secret key>]`: checks the inventory and its side files exactly as the
 * workstations will, refuses on an error, then copies them into the published folder, each under a temporary name
 * then renamed, with a detached minisign signature beside each when a key is given (docs/deployment.md,
 * "Publication signée"). Signatures are written before the files they sign, so a workstation that sees a new file
 * already finds its signature.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { printJson } from '../io';
import { sanitizeTerminal } from '../terminal';
import { parseSecretKey, SigningError, type MinisignSecretKey } from '../../core/signing/minisign';
import { parseTrustedComment, signPublicationFile, SIGNATURE_SUFFIX } from '../../core/signing/publication';
import { readPublicationSet, type SetProblem } from '../../core/sync/publication-set';
import { sideKindOfFileName } from '../../core/sync/side-files';
import { USAGE } from '../usage';
import { OutputError, writeOutputFile } from './write-output';

const SPEC = {
  to: { type: 'string', required: true },
  key: { type: 'string' },
  'expires-in': { type: 'string' },
  sequence: { type: 'string' },
  json: { type: 'flag' },
} as const;

/** A publication is valid this long unless told otherwise: IT republishes at least twice a year. */
export const DEFAULT_EXPIRY_DAYS = 180;

async function readSecretKey(file: string): Promise<MinisignSecretKey> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--key : ${file} illisible (${(error as { code?: string }).code ?? String(error)})`);
  }
  try {
    return parseSecretKey(text);
  } catch (error) {
    if (error instanceof SigningError) throw new UsageError(`--key : ${error.message}`);
    throw error;
  }
}

/** The sequence of what is published there now (read, not trusted: only so the new one is higher). */
async function publishedSequence(folder: string, fileName: string): Promise<number | null> {
  try {
    const text = await fsp.readFile(path.join(folder, fileName + SIGNATURE_SUFFIX), 'utf8');
    const line = text.split(/\r?\n/)[2] ?? '';
    return parseTrustedComment(line.replace(/^trusted comment: /, ''))?.sequence ?? null;
  } catch {
    return null;
  }
}

function problemLine(p: SetProblem): string {
  const where = [p.file, p.row !== null ? `ligne ${p.row}` : null, p.column ? `colonne « ${p.column} »` : null]
    .filter(Boolean)
    .join(', ');
  return `  ${p.severity === 'error' ? 'ERREUR' : 'attention'} (${sanitizeTerminal(where)}) : ${sanitizeTerminal(p.message)}`;
}

export const publishCommand: Command = {
  name: 'publish',
  usage: USAGE['publish'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC, 1);
    const source = args.positionals[0];
    if (!source) throw new UsageError("le fichier d'inventaire à publier est obligatoire");
    const folder = path.resolve(io.cwd, args.strings.to as string);
    const days = Number(args.strings['expires-in'] ?? DEFAULT_EXPIRY_DAYS);
    if (!Number.isInteger(days) || days < 1 || days > 3660) {
      throw new UsageError('--expires-in : un nombre de jours de 1 à 3660 est attendu');
    }
    const sequenceText = args.strings.sequence;
    if (sequenceText !== undefined && !/^\d{1,15}$/.test(sequenceText)) {
      throw new UsageError('--sequence : un entier positif est attendu');
    }
    const secret = args.strings.key ? await readSecretKey(path.resolve(io.cwd, args.strings.key)) : null;
    const folderStat = await fsp.stat(folder).catch(() => null);
    if (!folderStat?.isDirectory()) throw new OutputError(`le dossier de publication « ${folder} » n’existe pas`);

    const set = await readPublicationSet(path.resolve(io.cwd, source));
    const problems = [...set.problems];
    // A side file already in the published folder that this publication does not replace would be read by the
    // workstations with the new inventory.
    const names = new Set(set.files.map((f) => f.fileName.toLowerCase()));
    const kinds = new Set(set.files.map((f) => sideKindOfFileName(f.fileName)));
    for (const name of await fsp.readdir(folder)) {
      const kind = sideKindOfFileName(name);
      if (kind !== null && !names.has(name.toLowerCase()) && !kinds.has(kind)) {
        problems.push({
          file: name,
          row: null,
          column: null,
          severity: 'error',
          message: `déjà dans ${folder} et absent de cette publication : les postes de travail le liraient avec le nouvel inventaire. Retirez-le ou publiez-le avec l'inventaire.`,
        });
      }
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    const published: string[] = [];
    let sequence: number | null = null;
    if (set.ok && errors === 0) {
      const now = io.clock.now();
      if (secret) {
        const previous = await publishedSequence(folder, set.files[0]?.fileName ?? '');
        sequence = sequenceText !== undefined ? Number(sequenceText) : Math.floor(now.toSeconds());
        if (previous !== null && sequence <= previous) {
          if (sequenceText !== undefined) {
            throw new UsageError(`--sequence ${sequence} : la publication en place a déjà le n° ${previous}`);
          }
          sequence = previous + 1;
        }
      }
      for (const file of set.files) {
        const target = path.join(folder, file.fileName);
        const sigTarget = target + SIGNATURE_SUFFIX;
        if (secret && sequence !== null) {
          const expires = now.plus({ days });
          const sig = signPublicationFile(file.bytes, secret, { file: file.fileName, sequence, expires }, now);
          await writeOutputFile(sigTarget, sig);
          published.push(sigTarget);
        } else {
          // An old signature left beside an unsigned file would only make the workstations refuse it.
          await fsp.unlink(sigTarget).catch(() => undefined);
        }
        await writeOutputFile(target, file.bytes);
        published.push(target);
      }
    }
    const ok = published.length > 0;
    if (args.flags.json) {
      printJson(io, { ok, published, signed: ok && secret !== null, sequence, warnings, errors, problems });
    } else {
      const lines = problems.map(problemLine);
      if (ok) {
        lines.push(`Publié dans ${folder} :`, ...published.map((p) => `  ${path.basename(p)}`));
        lines.push(
          secret
            ? `Signé avec la clé ${secret.keyId}, publication n° ${sequence}, valable ${days} jours.`
            : 'Non signé (--key absent) : les postes qui exigent une signature (inventoryPublicKeys) le refuseront.',
        );
      } else lines.push(`Rien n'a été publié : ${errors} erreur(s) à corriger.`);
      io.out(lines.join('\n') + '\n');
    }
    return ok ? 0 : 1;
  },
};
