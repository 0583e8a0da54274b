/**
 * The fail-closed rule (issue 11; docs/deployment.md, "Règle : en cas de doute, rien n'est déverrouillé"): the
 * sources are read in priority order (registry, then config.json) and, per key, the first that says anything
 * decides. A valid value applies. A present-but-invalid value — or any key while a source is unreadable — keeps
 * the last valid value seen (stored), or else locks the setting at its safe default. Nothing is ever unlocked by a
 * broken policy. Pure (no store, no node:*): check-config uses it with no snapshot.
 */
import { problemsOf, type PolicyProblem, type PolicySourceRead } from './policy';
import { POLICY_KEYS, POLICY_SCHEMA, type MachinePolicy, type PolicyKey } from './schema';

/** The last policy read with no unreadable source: its valid values (and keys kept from before). */
export interface PolicySnapshot {
  values: MachinePolicy;
  /** Keys found damaged in the store: treated as never seen (safe default), not as "not set by IT". */
  damaged?: PolicyKey[];
}

export interface ResolvedPolicy {
  /** Every key IT fixes, valid or locked at its fallback. */
  values: MachinePolicy;
  /** Keys whose value is a fallback (last valid or safe default) because of a problem. */
  fallback: Partial<Record<PolicyKey, 'last-valid' | 'safe-default'>>;
  problems: PolicyProblem[];
  /** What to store as the new snapshot; null = keep the stored one (a source was unreadable). */
  snapshot: PolicySnapshot | null;
}

type State = { kind: 'valid'; value: unknown } | { kind: 'invalid' } | { kind: 'unknown' } | { kind: 'absent' };

function stateOf(key: PolicyKey, reads: readonly PolicySourceRead[]): State {
  for (const read of reads) {
    if (read.kind === 'unreadable') return { kind: 'unknown' }; // a higher source may set it: we cannot tell
    if (read.kind !== 'entries') continue;
    const verdict = read.entries[key];
    if (verdict?.state === 'valid') return { kind: 'valid', value: verdict.value };
    if (verdict?.state === 'invalid') return { kind: 'invalid' };
  }
  return { kind: 'absent' };
}

/** A stored snapshot is user-writable (local SQLite): each value is validated again before use. */
export function validSnapshot(stored: unknown): PolicySnapshot | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const raw = (stored as { values?: unknown }).values;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const values = Object.create(null) as Record<string, unknown>;
  const damaged: PolicyKey[] = [];
  for (const key of POLICY_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = POLICY_SCHEMA[key].schema.safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) values[key] = parsed.data;
    else damaged.push(key);
  }
  return damaged.length > 0 ? { values: values, damaged } : { values: values };
}

export function resolvePolicy(reads: readonly PolicySourceRead[], previous: PolicySnapshot | null): ResolvedPolicy {
  const values = Object.create(null) as Record<string, unknown>;
  const next = Object.create(null) as Record<string, unknown>;
  const fallback: ResolvedPolicy['fallback'] = {};
  const anyUnreadable = reads.some((r) => r.kind === 'unreadable');
  for (const key of POLICY_KEYS) {
    const state = stateOf(key, reads);
    const last = previous && Object.hasOwn(previous.values, key) ? previous.values[key] : undefined;
    if (state.kind === 'valid') {
      values[key] = state.value;
      next[key] = state.value;
    } else if (state.kind === 'invalid' || state.kind === 'unknown') {
      if (last !== undefined) {
        values[key] = last;
        next[key] = last;
        fallback[key] = 'last-valid';
      } else if (state.kind === 'invalid' || previous === null || previous.damaged?.includes(key)) {
        // Never seen valid (or never read at all): locked at the value that unlocks nothing.
        values[key] = POLICY_SCHEMA[key].safeDefault;
        fallback[key] = 'safe-default';
      }
      // unknown, with a snapshot that did not have the key: it was not fixed by IT before and is still not.
    }
  }
  return {
    values: values,
    fallback,
    problems: reads.flatMap(problemsOf),
    snapshot: anyUnreadable ? null : { values: next },
  };
}
