export {
  SettingsService,
  SettingsError,
  POLICY_SNAPSHOT_KEY,
  type EffectiveSettings,
  type LockReason,
  type SettingsServiceDeps,
} from './service';
export { readPolicyDocument, readPolicyText, problemsOf, type PolicyProblem, type PolicySourceRead } from './policy';
export { POLICY_SCHEMA, POLICY_KEYS, type PolicyKey } from './schema';
export { resolvePolicy, validSnapshot, type ResolvedPolicy, type PolicySnapshot } from './resolve';
export {
  machinePolicyPath,
  machinePolicySources,
  readPolicyFileSource,
  readRegistrySource,
  spawnReg,
  type MachinePolicySources,
  type RegRunner,
  type RegResult,
} from './sources';
export { matchHost } from './hosts';
