import { describe, expect, it } from 'vitest';
import { BridgeMissingError } from '../../../renderer/src/api';
import { describeError } from '../../../renderer/src/errors';

describe('describeError', () => {
  it("peels Electron's wrapping off the core's sentence", () => {
    const e = new Error("Error invoking remote method 'checklist:submit': Error: Cette vérification est déjà envoyée.");
    expect(describeError(e)).toEqual({ kind: 'message', text: 'Cette vérification est déjà envoyée.' });
  });

  it('keeps a plain message and a BridgeError object', () => {
    expect(describeError(new Error('Le site est fixé par le service informatique.'))).toEqual({
      kind: 'message',
      text: 'Le site est fixé par le service informatique.',
    });
    expect(describeError({ code: 'locked', message: 'Paramètre verrouillé.' })).toEqual({
      kind: 'message',
      text: 'Paramètre verrouillé.',
    });
  });

  it('never shows a stack, an empty text or a non-error', () => {
    expect(describeError(new Error('Boom\n    at foo (bar.js:1:1)'))).toEqual({ kind: 'message', text: 'Boom' });
    expect(describeError({ message: '    at foo (bar.js:1:1)' })).toEqual({ kind: 'generic' });
    expect(describeError(undefined)).toEqual({ kind: 'generic' });
    expect(describeError(new Error(''))).toEqual({ kind: 'generic' });
    expect(describeError(42)).toEqual({ kind: 'generic' });
  });

  it('recognises a missing bridge', () => {
    expect(describeError(new BridgeMissingError())).toEqual({ kind: 'bridge-missing' });
  });
});
