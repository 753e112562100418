import { describe, expect, it } from 'vitest';
import { checkEndState } from './end-state.js';
import { checkGrounding, typedReferences } from './grounding.js';

const app = {
  reference: 'BC-2026-000001',
  waId: '91a',
  childName: 'आरव',
  district: 'Lucknow',
  pinCode: '226016',
};

describe('checkEndState', () => {
  it('matches expected records partially and requires nothing new in tables left out', () => {
    const diffs = checkEndState(
      { applications: { count: 1, records: [{ childName: 'आरव', district: ['Lucknow', 'लखनऊ'] }] } },
      { applications: [app], complaints: [], payments: [] },
    );
    expect(diffs.map((d) => [d.table, d.pass])).toEqual([
      ['applications', true],
      ['complaints', true],
      ['payments', true],
    ]);
  });

  it('fails when something was created where nothing should be, with the diff', () => {
    const [apps] = checkEndState(undefined, { applications: [app], complaints: [], payments: [] });
    expect(apps).toMatchObject({
      table: 'applications',
      expectedCount: 0,
      actualCount: 1,
      countOk: false,
      pass: false,
    });
    const [wrong] = checkEndState(
      { applications: { records: [{ pinCode: '226010' }] } },
      { applications: [app], complaints: [], payments: [] },
    );
    expect(wrong.records).toEqual([
      {
        expected: { pinCode: '226010' },
        matchedReference: null,
        mismatches: [{ field: 'pinCode', expected: '226010', actual: '226016' }],
      },
    ]);
  });
});

describe('checkGrounding', () => {
  const store = {
    applications: [app, { reference: 'BC-2026-000555', waId: '91b' }],
    complaints: [],
    payments: [],
  };

  it('passes own references and flags invented or foreign ones', () => {
    expect(checkGrounding('Your reference is BC-2026-000001', store, '91a').pass).toBe(true);
    expect(checkGrounding('Your reference is BC-2026-000777', store, '91a')).toEqual({
      pass: false,
      ungrounded: ['BC-2026-000777'],
      foreign: [],
    });
    expect(checkGrounding('BC-2026-000555: approved', store, '91a').foreign).toEqual(['BC-2026-000555']);
  });

  it('lets the assistant echo a reference the citizen typed', () => {
    expect(typedReferences('status of bc 2026 555 and HC/2026/9')).toEqual([
      'BC-2026-000555',
      'HC-2026-000009',
    ]);
    expect(
      checkGrounding('No application BC-2026-000555 found', store, '91a', 'status bc 2026 555').pass,
    ).toBe(true);
  });
});
