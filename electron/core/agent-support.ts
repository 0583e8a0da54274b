/** Small pieces of the agent (electron/core/agent.ts): listener sets and the API that waits for the start. */
import type { VigieCoreApi } from '../../shared/ipc/contract';
import type { Logger } from './store';

/** A set of listeners; one that throws is logged and does not stop the others. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  constructor(private readonly log: Logger) {}

  get size(): number {
    return this.set.size;
  }

  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (error) {
        this.log.error('agent: listener failed', { error: String(error) });
      }
    }
  }
}

/** A VigieCoreApi whose every call first waits for the real one (`core()` may throw when there is none). */
export function deferredApi(core: () => Promise<VigieCoreApi>): VigieCoreApi {
  return {
    getStatus: async () => (await core()).getStatus(),
    getChecklist: async (runId) => (await core()).getChecklist(runId),
    setCheck: async (input) => (await core()).setCheck(input),
    recordRestart: async (input) => (await core()).recordRestart(input),
    submitChecklist: async (input) => (await core()).submitChecklist(input),
    getGuidance: async (input) => (await core()).getGuidance(input),
    getSettings: async () => (await core()).getSettings(),
    saveSettings: async (patch) => (await core()).saveSettings(patch),
    syncNow: async () => (await core()).syncNow(),
    exportCalendar: async () => (await core()).exportCalendar(),
    openLink: async (url) => (await core()).openLink(url),
    getBanner: async () => (await core()).getBanner(),
    acknowledgeBanner: async (input) => (await core()).acknowledgeBanner(input),
  };
}
