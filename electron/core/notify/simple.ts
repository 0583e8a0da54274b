/** Notifiers without a desktop: one line on the console (headless agent), or a list in memory (tests, simulate). */
import type { Notification, Notifier } from '../agent-types';
import type { Clock } from '../clock';

/** Prints each toast as one line: `[Vigie] <title> — <body>`. Clicks cannot happen. */
export class ConsoleNotifier implements Notifier {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  notify(notification: Notification): void {
    this.write(`[Vigie] ${notification.title} — ${notification.body}`);
  }
}

export interface RecordedNotification extends Notification {
  /** When it was shown, ISO with offset, from the clock given to the recorder. */
  at: string;
}

/** Keeps every toast with the time it was shown; `click(i)` plays the user's click on toast i. */
export class RecordingNotifier implements Notifier {
  readonly shown: RecordedNotification[] = [];
  private readonly clicks: (() => void)[] = [];

  constructor(private readonly clock: Clock) {}

  notify(notification: Notification, onClick: () => void): void {
    const at = this.clock.now().toISO({ suppressMilliseconds: true }) as string;
    this.shown.push({ ...notification, at });
    this.clicks.push(onClick);
  }

  click(index: number): void {
    const onClick = this.clicks[index];
    if (!onClick) throw new Error(`RecordingNotifier: no toast #${index}`);
    onClick();
  }

  clear(): void {
    this.shown.length = 0;
    this.clicks.length = 0;
  }
}
