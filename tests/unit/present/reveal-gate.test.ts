// Which postMessage calls the presenting page passes on to reveal.js (issue 13 item 7): only the
// three its own windows send, as reveal.js's JSON strings, with arguments of the right shape.
// The windows they may come from are checked in Chromium (tests/e2e/present-messages.test.ts).
import { describe, expect, it } from 'vitest';
import { isReadyMessage, parseRevealCall } from '../../../src/present/reveal-gate.ts';

describe('parseRevealCall', () => {
  it('should accept the calls of the speaker view and the presenter console', () => {
    expect(parseRevealCall(JSON.stringify({ method: 'setState', args: [{ indexh: 2, indexv: 0 }] }))).toEqual({
      method: 'setState',
      args: [{ indexh: 2, indexv: 0 }],
    });
    expect(parseRevealCall('{"method":"next"}')).toEqual({ method: 'next', args: [] });
    expect(parseRevealCall('{"method":"triggerKey","args":[39]}')).toEqual({ method: 'triggerKey', args: [39] });
  });

  it('should refuse every other method reveal.js would have obeyed', () => {
    for (const method of ['configure', 'slide', 'toggleHelp', 'togglePause', 'removeKeyBinding', 'destroy', 'getConfig', '__proto__', 'constructor']) {
      expect(parseRevealCall(JSON.stringify({ method, args: [{ showNotes: true }] }))).toBeUndefined();
    }
  });

  it('should refuse what is not a JSON call: objects, broken JSON, arguments that are not a list', () => {
    expect(parseRevealCall({ method: 'next' })).toBeUndefined();
    expect(parseRevealCall('{"method":"next"')).toBeUndefined();
    expect(parseRevealCall('{"method":"next","args":"x"}')).toBeUndefined();
    expect(parseRevealCall('null')).toBeUndefined();
    expect(parseRevealCall('{"method":["next"]}')).toBeUndefined();
  });
});

describe('isReadyMessage', () => {
  it('should recognise reveal.js’s ready event as a JSON string and nothing else', () => {
    expect(isReadyMessage('{"namespace":"reveal","eventName":"ready","state":{}}')).toBe(true);
    expect(isReadyMessage({ namespace: 'reveal', eventName: 'ready' })).toBe(false);
    expect(isReadyMessage('{"namespace":"reveal","eventName":"slidechanged"}')).toBe(false);
    expect(isReadyMessage('{not json}')).toBe(false);
  });
});
