/**
 * The agent's side of AgentDeps.onBanner (docs/architecture.md, "The banner"): the banner is sent when it changes
 * (null closes it), at every tick while one is due (the shell's show is idempotent, and a window it lost comes
 * back), and after a session or power event (resume, unlock, logon) even when nothing changed.
 */
import type { BannerView } from '../../../shared/ipc/views';
import type { Logger } from '../store';

export class BannerEmitter {
  /** The key last sent (null: none, or closed). */
  private key: string | null = null;
  private resend = false;

  constructor(
    private readonly onBanner: ((view: BannerView | null) => void) | undefined,
    private readonly log: Logger,
  ) {}

  /** The next emit sends the current banner (or null) even when unchanged. */
  resendNext(): void {
    this.resend = true;
  }

  emit(current: () => BannerView | null): void {
    if (!this.onBanner) return;
    let view: BannerView | null;
    try {
      view = current();
    } catch (error) {
      this.log.error('agent: banner unavailable', { error: String(error) });
      return;
    }
    const resend = this.resend;
    this.resend = false;
    if (view === null && this.key === null && !resend) return;
    this.key = view?.key ?? null;
    try {
      this.onBanner(view);
    } catch (error) {
      this.log.error('agent: banner listener failed', { error: String(error) });
    }
  }
}
