/**
 * Runs bridge calls one after the other, in click order. The UI renders whatever the core returns, so answers must
 * come back in the order they were asked: a fast "Problème" then "OK" must end on "OK", never on a late "Problème".
 */
import { useCallback, useRef } from 'react';

export function useSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.current.then(task, task);
    tail.current = next.catch(() => undefined);
    return next;
  }, []);
}
