export * from './types';
export { parseSchedule } from './parse';
export { emptyWindows, occurrences, nextOccurrences, localDateTime } from './occurrences';
export { formatRule, formatTimeRange } from './format';
export { DEFAULT_ZONE } from './zone';
