import { describe, expect, it } from 'vitest';
import { engineReadOf } from './engine-read.js';

describe('engineReadOf', () => {
  it('finds the per-turn record of what the engine read on the turn row or in its steps, or nothing', () => {
    const read = [{ field: 'dateOfBirth', value: '2026-11-12', from: '12 nov' }];
    expect(engineReadOf({ id: 1, reads: read, steps: [] })).toEqual(read);
    expect(engineReadOf({ id: 1, steps: [{ toolCalls: [] }, { read }] })).toEqual(read);
    expect(engineReadOf({ id: 1, steps: [{ toolCalls: [] }], read: null })).toBeUndefined();
    expect(engineReadOf(undefined)).toBeUndefined();
  });
});
