export * from './types';
export { decideContact } from './decide';
export type { DecideOptions } from './decide';
export { DEFAULT_CONTACT_RULES, DEFAULT_CONTACTS_EN } from './defaults';
export { bySpecificity, describeRule, matches, spanMinutes } from './rules';
