/**
 * `keygen --out <base>`: a minisign key pair for signed publications (docs/deployment.md, "Publication signée").
 * `<base>.pub` goes into the policy key `inventoryPublicKeys`; `<base>.key` stays with whoever publishes. The secret
 * key is written unencrypted (as `minisign -G -W`): keep it on a protected medium.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { printJson } from '../io';
import { generateKeyPair } from '../../core/signing/minisign';
import { USAGE } from '../usage';
import { OutputError, writeOutputFile } from './write-output';

const SPEC = { out: { type: 'string', required: true }, force: { type: 'flag' }, json: { type: 'flag' } } as const;

async function exists(file: string): Promise<boolean> {
  return fsp.stat(file).then(
    () => true,
    () => false,
  );
}

export const keygenCommand: Command = {
  name: 'keygen',
  usage: USAGE['keygen'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC);
    const base = path.resolve(io.cwd, args.strings.out as string);
    const pubFile = `${base}.pub`;
    const keyFile = `${base}.key`;
    for (const file of [pubFile, keyFile]) {
      if (!args.flags.force && (await exists(file))) {
        throw new OutputError(`« ${file} » existe déjà (--force pour le remplacer) / already exists`);
      }
    }
    const pair = generateKeyPair(randomBytes);
    await writeOutputFile(keyFile, pair.secretKeyFile, { mode: 0o600 });
    await writeOutputFile(pubFile, pair.publicKeyFile);
    const publicKey = pair.publicKeyFile.split('\n')[1] as string;
    if (args.flags.json) printJson(io, { ok: true, keyId: pair.keyId, publicKey, public: pubFile, secret: keyFile });
    else {
      io.out(
        `Clé ${pair.keyId} créée.\n` +
          `  publique : ${pubFile} — à mettre dans la politique « inventoryPublicKeys » : ${publicKey}\n` +
          `  privée   : ${keyFile} — NON chiffrée : gardez-la sur un support protégé, jamais sur le partage.\n`,
      );
    }
    return 0;
  },
};
