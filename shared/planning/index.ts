export * from './types';
export { timeline } from './timeline';
export { windowsFor, currentWindow, serviceInfoFor, applicationsOf } from './windows';
export type { PlannedWindow } from './windows';
export { nameKey, sameName, compareNames, sortedUnique } from './names';
export { hoursFor, checklistTime, parseHhmm, formatHhmm, calendarDate, TWENTY_FOUR_SEVEN } from './hours';
