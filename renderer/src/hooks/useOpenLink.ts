import { useCallback } from 'react';
import { bridge } from '../api';
import type { Failure } from './failure';

/** Opens an allowlisted link through the core; a refusal lands in the given failure slot. */
export function useOpenLinkInto(setFailure: (failure: Failure) => void): (url: string) => void {
  return useCallback(
    (url: string) => {
      try {
        bridge()
          .openLink(url)
          .catch((error: unknown) => setFailure({ error }));
      } catch (error) {
        setFailure({ error });
      }
    },
    [setFailure],
  );
}
