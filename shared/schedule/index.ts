export * from './types';
export { parseSchedule } from './parse';
export { emptyWindows, occurrences, nextOccurrences, localDateTime } from './occurrences';
export { formatRule, formatTime, formatTimeRange, type RuleLanguage } from './format';
