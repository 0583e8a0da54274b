/**
 * The checklist of a run (or the pending one). Every action goes to the core at once and the returned view replaces
 * the current one: no local copy of the answers that could drift from what the core stored (issue 4: a crash or a
 * closed window resumes exactly where it stopped).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChecklistView } from '../../../shared/ipc/views';
import type { CheckId, CheckResult } from '../../../shared/ipc/schemas';
import { bridge } from '../api';
import type { Failure } from './failure';
import { useSerialQueue } from './useSerialQueue';

export interface ChecklistState {
  view: ChecklistView | null;
  loading: boolean;
  /** Calls sent and not answered yet (for aria-busy / a discreet "saving" line). */
  pending: number;
  failure: Failure;
  dismiss: () => void;
  setResult: (application: string, check: CheckId, result: CheckResult | null) => void;
  saveComment: (application: string, check: CheckId, comment: string) => void;
  recordRestart: (application: string, check: CheckId, fixed: boolean) => void;
  /** Resolves true when the core accepted the submission. */
  submit: (initials: string) => Promise<boolean>;
}

export function useChecklist(runId: string | null): ChecklistState {
  const [view, setView] = useState<ChecklistView | null>(null);
  const [loading, setLoading] = useState(true);
  const [pending, setPending] = useState(0);
  const [failure, setFailure] = useState<Failure>(null);
  const viewRef = useRef<ChecklistView | null>(null);
  const enqueue = useSerialQueue();

  const show = useCallback((next: ChecklistView | null) => {
    viewRef.current = next;
    setView(next);
  }, []);

  const load = useCallback(async (): Promise<void> => {
    try {
      const api = bridge();
      show(await (runId ? api.getChecklist(runId) : api.getChecklist()));
      setFailure(null);
    } catch (error) {
      setFailure({ error });
    } finally {
      setLoading(false);
    }
  }, [runId, show]);

  useEffect(() => {
    setLoading(true);
    void load();
    // A checklist window opened while nothing was due picks up the run as soon as the core creates it.
    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = bridge().onStateChanged((status) => {
        if (!viewRef.current && !runId && status.pendingChecklist) void load();
      });
    } catch {
      // no bridge: load() already reported it
    }
    return unsubscribe;
  }, [load, runId]);

  /** Sends one mutation in order; `build` reads the latest view when it actually runs. */
  const mutate = useCallback(
    (build: (current: ChecklistView) => Promise<ChecklistView>): Promise<boolean> => {
      setPending((n) => n + 1);
      return enqueue(async () => {
        try {
          const current = viewRef.current;
          if (!current) return false;
          show(await build(current));
          setFailure(null);
          return true;
        } catch (error) {
          setFailure({ error });
          return false;
        } finally {
          setPending((n) => n - 1);
        }
      });
    },
    [enqueue, show],
  );

  const setResult = useCallback(
    (application: string, check: CheckId, result: CheckResult | null) =>
      void mutate((v) => bridge().setCheck({ runId: v.runId, application, check, result })),
    [mutate],
  );

  const saveComment = useCallback(
    (application: string, check: CheckId, comment: string) =>
      void mutate((v) => {
        // setCheck always carries the result: send the one the core holds *now*, not the one at typing time.
        const result = v.items.find((i) => i.application === application)?.checks.find((c) => c.id === check);
        return bridge().setCheck({ runId: v.runId, application, check, result: result?.result ?? null, comment });
      }),
    [mutate],
  );

  const recordRestart = useCallback(
    (application: string, check: CheckId, fixed: boolean) =>
      void mutate((v) => bridge().recordRestart({ runId: v.runId, application, check, fixed })),
    [mutate],
  );

  const submit = useCallback(
    (initials: string) => mutate((v) => bridge().submitChecklist({ runId: v.runId, initials })),
    [mutate],
  );

  const dismiss = useCallback(() => setFailure(null), []);

  return { view, loading, pending, failure, dismiss, setResult, saveComment, recordRestart, submit };
}
