import { describe, expect, it } from 'vitest';
import { tuneV8, V8_FLAGS } from '../../../electron/core/v8-tuning';

describe('tuneV8', () => {
  it('turns off allocation-site pretenuring, one flag per call', () => {
    const set: string[] = [];
    tuneV8((flag) => set.push(flag));
    expect(set).toEqual(['--no-allocation-site-pretenuring']);
    expect(set).toEqual([...V8_FLAGS]);
  });
});
