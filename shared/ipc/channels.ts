/**
 * Bridge channel names, "area:verb" (docs/architecture.md, rule 3). Kept free of zod so the sandboxed preload bundle
 * stays tiny. The method names are those of VigieApi (contract.ts); one table drives the preload, the main-process
 * handlers and the Playwright bridge, so they cannot drift apart.
 */
export const INVOKE_CHANNELS = {
  getStatus: 'status:get',
  getChecklist: 'checklist:get',
  setCheck: 'checklist:set-check',
  recordRestart: 'checklist:restart',
  submitChecklist: 'checklist:submit',
  getGuidance: 'guidance:get',
  getSettings: 'settings:get',
  saveSettings: 'settings:save',
  syncNow: 'sync:now',
  exportCalendar: 'calendar:export',
  openLink: 'link:open',
  getBanner: 'banner:get',
  acknowledgeBanner: 'banner:acknowledge',
} as const;

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[InvokeMethod];

/** Main → renderer events. */
export const EVENT_CHANNELS = {
  stateChanged: 'state:changed',
} as const;
