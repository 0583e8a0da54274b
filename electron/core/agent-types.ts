/**
 * What the Electron shell (and the headless `cli agent`) need from the core. The shell only wires these to
 * Electron: tray, windows, notifications, power events. Implemented by the agent (electron/core/agent.ts).
 */
import type { VigieCoreApi } from '../../shared/ipc/contract';
import type { StatusView, TrayState } from '../../shared/ipc/views';

export type WindowKind = 'checklist' | 'status' | 'settings';

/** Everything the tray shows, computed by the core so the shell has no logic. */
export interface TrayModel {
  state: TrayState;
  /** ≤ 127 chars (Windows tooltip limit), e.g. "Vigie — plage en cours jusqu'à 4 h 00 : GestLab, Cortex Omnitech". */
  tooltip: string;
  menu: TrayMenuItem[];
}

export type TrayMenuAction =
  { type: 'open'; window: WindowKind } | { type: 'link'; url: string } | { type: 'sync' } | { type: 'quit' };

export interface TrayMenuItem {
  id: string;
  label: string;
  enabled: boolean;
  action: TrayMenuAction | null; // null = a label or separator
  separator?: boolean;
}

export interface Notification {
  /** 'notice' / 'notice-end': an unplanned outage notice begins / ends (issue 13). `change`: a window already announced
   * was cancelled or moved by the Exceptions table (issue 13). `verified-elsewhere`: another workstation verified it. `heads-up`: a window known too late for its reminders (issue 12). */
  kind:
    | 'reminder'
    | 'start'
    | 'end'
    | 'catch-up'
    | 'checklist'
    | 'notice'
    | 'notice-end'
    | 'change'
    | 'verified-elsewhere'
    | 'heads-up';
  title: string;
  body: string;
  /** Window to open when the toast is clicked. */
  opens: WindowKind;
  windowStart: string;
  /** '' for an outage notice with no end yet. */
  windowEnd: string;
  /** The outage notice this toast is about (issue 13); absent for a planned window. */
  noticeId?: string;
  /** `verified-elsewhere` only: who verified the window, and when (docs/verified-elsewhere.md). */
  by?: { workstation: string; initials: string; at: string };
}

/** Sends a toast. Best effort (Focus Assist may hide it); clicks are reported through onClick. */
export interface Notifier {
  notify(notification: Notification, onClick: () => void): void;
}

/** 'logon': the shell sends it once at app start (the app starts at sign-in), so a due banner comes back then. */
export type SystemEvent = 'resume' | 'unlock' | 'logon' | 'time-change' | 'network-up';

export interface VigieAgent {
  /** What the renderer may call (validated by the bridge before it gets here). */
  readonly api: VigieCoreApi;
  /** Opens the store, loads the last good inventory, starts polling and ticking. Never throws for bad cache. */
  start(): Promise<void>;
  stop(): Promise<void>;
  tray(): TrayModel;
  /** The core wants a window shown (checklist due, first start needs a profile…). */
  onOpenWindow(listener: (window: WindowKind) => void): () => void;
  onStateChanged(listener: (status: StatusView) => void): () => void;
  /** Power/session events re-check the schedule at once (docs/architecture.md, rule 8). */
  handleSystemEvent(event: SystemEvent): void;
  /** Messages for the user that are not tied to a window (e.g. "database was corrupt and was rebuilt"). */
  onUserMessage(listener: (message: { title: string; body: string }) => void): () => void;
}
