/**
 * Whom to call *now* about one application. Asked again every time the panel opens and whenever the window gets
 * the focus back: the answer depends on the clock (06:55 → CDA, 07:05 → CSI), and a nurse may leave the window
 * open for an hour before calling.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GuidanceView } from '../../../shared/ipc/views';
import { bridge } from '../api';
import type { Failure } from './failure';
import { useLoaded } from './useLoaded';

export interface GuidanceState {
  guidance: GuidanceView | null;
  loading: boolean;
  failure: Failure;
  refresh: () => void;
}

export function useGuidance(runId: string, application: string): GuidanceState {
  const [generation, setGeneration] = useState(0);
  const { value, loading, failure } = useLoaded(
    () => bridge().getGuidance({ runId, application }),
    [runId, application, generation],
  );

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  return { guidance: value, loading, failure, refresh };
}
