export { ChecklistService, type ChecklistServiceDeps, type ChecklistWindow, type SubmitContext } from './service';
export { buildGuidance, storedContact, type GuidanceQuery, type GuidanceOptions, type StoredContact } from './guidance';
export { toChecklistView, runSummary, localIso } from './views';
export { messages, checkLabel, type CoreMessages } from './messages';
