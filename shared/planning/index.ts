export * from './types';
export { timeline } from './timeline';
export { windowsFor, currentWindow, serviceInfoFor, applicationsOf } from './windows';
export type { PlannedWindow } from './windows';
export { compareNames, sortedUnique } from './names';
