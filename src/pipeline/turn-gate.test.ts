import { expect, it } from 'vitest';
import { createTurnGate } from './turn-gate.js';

it('starts at most perTick turns per event-loop iteration, in the order they asked', async () => {
  const gate = createTurnGate({ perTick: 2 });
  let iteration = 0;
  const started: [string, number][] = [];
  // counts loop iterations: each check phase bumps it once, before the gate's own callback
  const tick = () => {
    iteration++;
    if (iteration < 5) setImmediate(tick);
  };
  setImmediate(tick);
  const turns = ['a', 'b', 'c', 'd', 'e'].map((k) => gate().then(() => started.push([k, iteration])));
  await Promise.all(turns);
  const at = Object.fromEntries(started);
  expect(started.map(([k]) => k)).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(at.a).toBe(at.b);
  expect(at.c).toBeGreaterThan(at.b);
  expect(at.d).toBe(at.c);
  expect(at.e).toBeGreaterThan(at.d);
});
