/**
 * A tiny strict argument parser for the IT command line: `--name value`, `--name=value`, repeated options,
 * boolean flags and positionals. Anything unexpected is a UsageError (exit code 2), never a guess.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  /** 'string' takes a value; 'flag' takes none; 'list' takes a value and may repeat. */
  type: 'string' | 'flag' | 'list';
  required?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  strings: Record<string, string | undefined>;
  lists: Record<string, string[]>;
  flags: Record<string, boolean>;
}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>, maxPositionals = 0): ParsedArgs {
  const out: ParsedArgs = { positionals: [], strings: {}, lists: {}, flags: {} };
  for (const [name, s] of Object.entries(spec)) {
    if (s.type === 'list') out.lists[name] = [];
    if (s.type === 'flag') out.flags[name] = false;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg === '--') continue;
      if (out.positionals.length >= maxPositionals) throw new UsageError(`argument inattendu : ${arg}`);
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const s = spec[name];
    if (!s) throw new UsageError(`option inconnue : --${name}`);
    if (s.type === 'flag') {
      if (eq >= 0) throw new UsageError(`--${name} ne prend pas de valeur`);
      out.flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} demande une valeur`);
    if (s.type === 'list') (out.lists[name] as string[]).push(value);
    else {
      if (out.strings[name] !== undefined) throw new UsageError(`--${name} est donné deux fois`);
      out.strings[name] = value;
    }
  }
  for (const [name, s] of Object.entries(spec)) {
    if (!s.required) continue;
    const missing = s.type === 'list' ? (out.lists[name] ?? []).length === 0 : out.strings[name] === undefined;
    if (missing) throw new UsageError(`--${name} est obligatoire`);
  }
  return out;
}
