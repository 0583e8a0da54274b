/**
 * The notices folder as the IT commands read it (`notice list`, `notice end`, `simulate --notices`): through the
 * same bounded reader as a workstation (electron/core/notices/folder.ts), so what IT sees is what wards get.
 */
import path from 'node:path';
import { NoticeFolder, type NoticeScan } from '../../core/notices/folder';
import type { Notice } from '../../../shared/notices/notice';
import type { CliIo } from '../io';
import { sanitizeTerminal } from '../terminal';

export class NoticeError extends Error {
  override readonly name = 'NoticeError';
}

/** Reads every notice file of `dir` once (refused ones are in `ignored`); a missing folder is a NoticeError. */
export async function scanNoticesFolder(io: CliIo, dir: string): Promise<NoticeScan & { dir: string }> {
  const abs = path.resolve(io.cwd, dir);
  const scan = await new NoticeFolder().scan(abs);
  if (scan.folderProblem !== null) {
    throw new NoticeError(`${scan.folderProblem} / notices folder unavailable`);
  }
  return { ...scan, dir: abs };
}

/** `simulate --notices`: the valid notices; each refused file is named on stderr with its reason. */
export async function readNoticesFolder(io: CliIo, dir: string): Promise<Notice[]> {
  const scan = await scanNoticesFolder(io, dir);
  for (const f of scan.ignored) io.err(`${sanitizeTerminal(`avis ignoré : ${f.file} — ${f.reason}`)}\n`);
  return scan.notices;
}
