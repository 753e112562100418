import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../src/agent/offline/offline-engine.js';
import { complaintRows } from '../../src/cases/legacy-rows.js';
import { openDatabase } from '../../src/db/open-database.js';
import { annotations, messages as dbMessages, turns } from '../../src/db/schema.js';
import { loadCatalogue } from '../../src/i18n/catalogue.js';
import { createPipeline } from '../../src/pipeline/create-pipeline.js';
import { sqliteStore } from '../../src/storage/sqlite-store.js';
import { testPipelineSettings } from '../../src/testing/pipeline-settings.js';
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
  settings: testPipelineSettings({ rateLimitPerMinute: 1000 }),
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

    const yaml = await caseFromTranscript(sqliteStore(db), { phone: '919811112222' });
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
          // "yesterday": relative to the case's clock
          incidentDate: '{{date:-1}}',
          anonymous: false,
        },
      ],
    });
    expect(c.expect?.applications).toEqual({ count: 0 });
    expect(await caseFromTranscript(sqliteStore(db), { conversationId: 1 })).toBe(yaml);

    const replay = await runCaseTrial(c, 0, deps);
    expect(replay.checks.filter((x) => !x.pass)).toEqual([]);
  });

  it('says so when there is no such conversation', async () => {
    const db = openDatabase({ path: ':memory:' });
    await expect(caseFromTranscript(sqliteStore(db), { phone: '91000' })).rejects.toThrow(
      TranscriptNotFoundError,
    );
  });
});

describe('a staff-flagged transcript as a regression case', () => {
  it('binds references at run time, keeps relative dates relative, and carries the annotation as the expectation', async () => {
    const live = openDatabase({ path: ':memory:' });
    // the live database has filed two complaints before: this one gets HC-2026-000003
    live.$client.prepare("insert into counters (name, value) values ('HC-2026', 2)").run();
    let clock = Date.parse('2026-11-24T04:30:00Z');
    const pipeline = createPipeline({ ...deps, db: live, now: () => new Date(clock) });
    const events = [
      ...messages.map((text) => ({ kind: 'text' as const, text })),
      { kind: 'button' as const, id: 'confirm:yes', title: 'Yes, submit' },
      { kind: 'text' as const, text: 'what is the status of HC-2026-000003' },
    ];
    for (const [i, event] of events.entries()) {
      clock += 30_000;
      pipeline.receive({ waId: '919811113333', name: 'Test', wamid: `x${i}`, event });
      pipeline.kick('919811113333');
      await pipeline.idle();
    }
    const liveRef = complaintRows(live)[0]?.reference;
    expect(liveRef).toBe('HC-2026-000003');

    const yaml = await caseFromTranscript(sqliteStore(live), { phone: '919811113333' });
    expect(yaml).not.toContain('HC-2026-000003');
    const [c] = parseSuiteFile(yaml, 'regression.yaml');
    expect(c.turns?.at(-1)?.text).toBe('what is the status of {{ref:complaints[0]}}');
    // "yesterday" was said, not a date: the expectation moves with the case's clock
    expect(c.expect?.complaints?.records?.[0]?.incidentDate).toBe('{{date:-1}}');

    // replayed on a fresh database the complaint is HC-2026-000001, and the case still passes
    const replay = await runCaseTrial(c, 0, deps);
    expect(replay.endState.complaints[0].reference).toBe('HC-2026-000001');
    expect(replay.checks.filter((x) => !x.pass)).toEqual([]);
    expect(replay.turns.at(-1)?.input).toBe('what is the status of HC-2026-000001');

    // a reviewer marks the date turn: "bad — stored the wrong date"
    const dateTurn = live
      .select()
      .from(turns)
      .where(eq(turns.inboundId, live.select().from(dbMessages).where(eq(dbMessages.wamid, 'x4')).get()!.id))
      .get()!;
    live
      .insert(annotations)
      .values({
        turnId: dateTurn.id,
        userId: 1,
        verdict: 'bad',
        label: 'wrong_date',
        note: 'stored the wrong date',
        createdAt: clock,
      })
      .run();
    const flagged = await caseFromTranscript(sqliteStore(live), { phone: '919811113333' });
    expect(flagged).toContain('# staff (bad): wrong_date — stored the wrong date');
    const [f] = parseSuiteFile(flagged, 'regression.yaml');
    expect(f.tags).toContain('staff-flagged');
    expect(f.expect?.complaints?.records?.[0]?.incidentDate).toEqual({
      not: '{{date:-1}}',
      note: 'staff: wrong_date: stored the wrong date',
    });
    // until the engine is fixed the case fails, on exactly the field the staff marked
    const failing = (await runCaseTrial(f, 0, deps)).checks.filter((x) => !x.pass);
    expect(failing.map((x) => x.message)).toEqual([
      expect.stringMatching(/^complaints: incidentDate: expected/),
    ]);

    // with the value the reviewer wrote, that value is the expectation
    live
      .insert(annotations)
      .values({
        turnId: dateTurn.id,
        userId: 1,
        verdict: 'bad',
        label: null,
        note: 'incident date should be 22/11/2026',
        createdAt: clock,
      })
      .run();
    const [g] = parseSuiteFile(
      await caseFromTranscript(sqliteStore(live), { phone: '919811113333' }),
      'regression.yaml',
    );
    expect(g.expect?.complaints?.records?.[0]?.incidentDate).toBe('{{date:-2}}');
  });
});
