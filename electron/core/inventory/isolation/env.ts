/**
 * What the parsing process inherits: almost nothing. No NODE_OPTIONS (it could preload code or lift the memory cap),
 * no ELECTRON_* switches, no secrets of the session; only what Windows and Node need to run and find a temp folder.
 */
const KEEP = ['SystemRoot', 'SYSTEMROOT', 'windir', 'TEMP', 'TMP', 'TMPDIR', 'LANG', 'TZ'];

export function parseChildEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const key of KEEP) {
    const value = env[key];
    if (value !== undefined) clean[key] = value;
  }
  return clean;
}

/** The child's arguments: its memory cap, which child-runtime.ts also enforces on RSS (Buffers included). */
export const MEMORY_ARG = '--vigie-max-rss-mb=';

export function memoryArgs(maxMb: number): { execArgv: string[]; args: string[] } {
  return { execArgv: [`--max-old-space-size=${maxMb}`], args: [`${MEMORY_ARG}${maxMb}`] };
}
