/**
 * The machine policy as read from one source (the registry, or %ProgramData%\Vigie\config.json): each key is
 * absent, valid, or present-but-invalid, and a source as a whole can be unreadable. Never throws and never looks a
 * key up on a plain object (`constructor`, `__proto__`… are unknown keys, not crashes). Pure: bundled into
 * check-config without SQLite. What the workstation does with a read is resolve.ts (fail closed).
 */
import { invalidMessage, policyKey, POLICY_SCHEMA, quoteValue, type PolicyKey } from './schema';

/** key null = the source as a whole. Messages are French: they are for IT (docs/deployment.md). */
export interface PolicyProblem {
  key: string | null;
  message: string;
}

export type KeyVerdict = { state: 'valid'; value: unknown } | { state: 'invalid'; message: string };

export type PolicySourceRead =
  | { kind: 'absent' }
  | { kind: 'unreadable'; problem: PolicyProblem }
  | { kind: 'entries'; entries: Partial<Record<PolicyKey, KeyVerdict>>; problems: PolicyProblem[] };

export const ABSENT: PolicySourceRead = { kind: 'absent' };

export function unreadable(message: string): PolicySourceRead {
  return { kind: 'unreadable', problem: { key: null, message } };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates one value against its key's schema. */
export function checkValue(key: PolicyKey, value: unknown): KeyVerdict {
  const parsed = POLICY_SCHEMA[key].schema.safeParse(value);
  return parsed.success
    ? { state: 'valid', value: parsed.data }
    : { state: 'invalid', message: invalidMessage(key, value) };
}

/** Builds a source's read in file order: verdicts in a null-prototype record, problems as they come. */
export class ReadBuilder {
  private readonly entries = Object.create(null) as Partial<Record<PolicyKey, KeyVerdict>>;
  private readonly problems: PolicyProblem[] = [];

  verdict(key: PolicyKey, verdict: KeyVerdict): void {
    this.entries[key] = verdict;
    if (verdict.state === 'invalid') this.problems.push({ key, message: verdict.message });
  }

  problem(problem: PolicyProblem): void {
    this.problems.push(problem);
  }

  read(): PolicySourceRead {
    return { kind: 'entries', entries: this.entries, problems: this.problems };
  }
}

export function unknownKeyProblem(key: string): PolicyProblem {
  return {
    key,
    message: `clé inconnue ${quoteValue(key)} : ignorée (vérifiez l’orthographe ; les clés sont listées dans docs/deployment.md)`,
  };
}

/** A parsed config.json document (undefined = no file). */
export function readPolicyDocument(raw: unknown): PolicySourceRead {
  if (raw === undefined) return ABSENT;
  if (!isPlainObject(raw)) {
    return unreadable(
      `la configuration doit être un objet JSON { … }, pas ${quoteValue(raw)} : rien n’est déverrouillé`,
    );
  }
  const out = new ReadBuilder();
  // JSON.parse makes "__proto__" an own property: Object.keys sees it, a lookup on POLICY_SCHEMA must not.
  for (const name of Object.keys(raw)) {
    if (name.startsWith('$') || name.startsWith('//')) continue; // "$schema", "//" comments
    const key = policyKey(name);
    if (!key) out.problem(unknownKeyProblem(name));
    else out.verdict(key, checkValue(key, Object.getOwnPropertyDescriptor(raw, name)?.value));
  }
  return out.read();
}

/** Turns a config.json's text into a read: malformed or empty = unreadable (never "no policy"). */
export function readPolicyText(text: string): PolicySourceRead {
  // Notepad saves UTF-8 with a BOM, which JSON.parse refuses.
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return unreadable('le fichier de configuration est vide : rien n’est déverrouillé');
  let raw: unknown;
  try {
    raw = JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return unreadable(`le fichier de configuration n’est pas du JSON valide (${detail}) : rien n’est déverrouillé`);
  }
  return readPolicyDocument(raw);
}

/** All problems of a read, for logs, the status window and check-config. */
export function problemsOf(read: PolicySourceRead): PolicyProblem[] {
  if (read.kind === 'absent') return [];
  return read.kind === 'unreadable' ? [read.problem] : read.problems;
}
