export * from './types';
export { parseSchedule } from './parse';
export { occurrences, nextOccurrences, localDateTime } from './occurrences';
export { formatRule, formatTime, formatTimeRange, type RuleLanguage } from './format';
