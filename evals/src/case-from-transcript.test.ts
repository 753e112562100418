import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../src/agent/offline/offline-engine.js';
import { openDatabase } from '../../src/db/open-database.js';
import { loadCatalogue } from '../../src/i18n/catalogue.js';
import { createPipeline } from '../../src/pipeline/create-pipeline.js';
import { defaultFeeSchedule } from '../../tools/fee-schedule.js';
import { allTools } from '../../tools/index.js';
import { caseFromTranscript, TranscriptNotFoundError } from './case-from-transcript.js';
import { parseSuiteFile } from './load-cases.js';
import { runCaseTrial } from './run-case.js';

const catalogue = loadCatalogue();
const engine = createOfflineEngine({ catalogue });
const deps = {
  engine,
  fallbackEngine: engine,
  tools: allTools,
  catalogue,
  logger: pino({ level: 'silent' }),
  settings: {
    publicBaseUrl: 'http://localhost:3000',
    upi: { payeeVpa: 'demo@upi', payeeName: 'Demo' },
    fees: defaultFeeSchedule,
    simulated: true,
    rateLimitPerMinute: 1000,
  },
};

const messages = [
  'I want to file a complaint against a hospital',
  'Civil Hospital',
  'Lucknow',
  'the ward boy shouted at my mother and misbehaved with us',
  'yesterday',
  'no, you can share my name',
];

describe('caseFromTranscript', () => {
  it('turns a stored conversation into a valid case that replays with the observed end state', async () => {
    const db = openDatabase({ path: ':memory:' });
    let clock = Date.parse('2026-11-24T04:30:00Z');
    const pipeline = createPipeline({ ...deps, db, now: () => new Date(clock) });
    const events = [
      ...messages.map((text) => ({ kind: 'text' as const, text })),
      { kind: 'button' as const, id: 'confirm:yes', title: 'Yes, submit' },
    ];
    for (const [i, event] of events.entries()) {
      clock += 30_000;
      pipeline.receive({ waId: '919811112222', name: 'Test', wamid: `w${i}`, event });
      pipeline.kick('919811112222');
      await pipeline.idle();
    }

    const yaml = caseFromTranscript(db, { phone: '919811112222' });
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=/);
    expect(yaml).toContain('# assistant: ');
    const [c] = parseSuiteFile(yaml, 'generated.yaml');
    expect(c.turns?.map((t) => t.text ?? t.button?.id)).toEqual([...messages, 'confirm:yes']);
    expect(c.turns?.at(-1)?.tool).toBe('file_hospital_complaint');
    expect(c.expect?.complaints).toEqual({
      count: 1,
      records: [
        {
          hospitalName: 'Civil Hospital',
          district: 'Lucknow',
          category: 'staff_behaviour',
          description: 'the ward boy shouted at my mother and misbehaved with us',
          incidentDate: '2026-11-23',
          anonymous: false,
        },
      ],
    });
    expect(c.expect?.applications).toEqual({ count: 0 });
    expect(caseFromTranscript(db, { conversationId: 1 })).toBe(yaml);

    const replay = await runCaseTrial(c, 0, deps);
    expect(replay.checks.filter((x) => !x.pass)).toEqual([]);
  });

  it('says so when there is no such conversation', () => {
    const db = openDatabase({ path: ':memory:' });
    expect(() => caseFromTranscript(db, { phone: '91000' })).toThrow(TranscriptNotFoundError);
  });
});
