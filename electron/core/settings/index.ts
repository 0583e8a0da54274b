export {
  SettingsService,
  SettingsError,
  type EffectiveSettings,
  type LockReason,
  type SettingsServiceDeps,
} from './service';
export { parsePolicy, readPolicyFile, defaultPolicyPath, POLICY_FIELDS, type MachinePolicy } from './policy';
export { matchHost } from './hosts';
