export {
  Scheduler,
  LAST_TICK_KEY,
  DEFAULT_CATCH_UP_AFTER_MS,
  DEFAULT_PERSIST_EVERY_MS,
  MAX_CATCH_UP_MS,
  type SchedulerDeps,
  type SchedulerChecklists,
  type TickResult,
} from './scheduler';
export { PlanCache, NEXT_WINDOW_LOOKAHEAD_DAYS, type PlanInput } from './plan-cache';
export { trayState, trayModel, trayTooltip, trayMenu, TOOLTIP_MAX } from './tray';
export type { TrayInputs, TrayModelInputs, TrayWindow } from './tray';
export {
  reminderNotification,
  startNotification,
  endNotification,
  checklistNotification,
  catchUpNotification,
  listNames,
  type MessageContext,
  type WindowFacts,
} from './messages';
export {
  simulate,
  tickInstants,
  SIMULATION_TICK_MS,
  type SimulationInput,
  type SimulationResult,
  type SimulatedNotification,
} from './simulate';
