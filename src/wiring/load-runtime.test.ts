import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFeeSchedule } from '../../tools/fee-schedule.js';
import { loadConfig } from '../config.js';
import { messages } from '../db/schema.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { createLogger } from '../logging/create-logger.js';
import { createSahayak } from './create-sahayak.js';
import { loadRuntime, StartupError } from './load-runtime.js';

const NOW = new Date('2026-11-24T06:30:00Z');
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const file = (name: string, content: string) => {
  dir ??= mkdtempSync(join(tmpdir(), 'sahayak-runtime-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** What the whole service answers a birth-certificate request for a child born 419 days ago. */
async function answerForOldBirth(env: Record<string, string>) {
  const sahayak = createSahayak(loadConfig({ DATABASE_PATH: ':memory:', ...env }), {
    logger: createLogger({ level: 'silent' }),
    now: () => NOW,
  });
  const waId = 'sim919800000001';
  sahayak.pipeline.receive({
    waId,
    wamid: 'w.old',
    event: { kind: 'text', text: 'I want a birth certificate for my daughter born on 01/10/2025' },
  });
  sahayak.pipeline.kick(waId);
  await sahayak.pipeline.idle();
  const texts = sahayak.db
    .select({ text: messages.text, direction: messages.direction })
    .from(messages)
    .all();
  await sahayak.stop();
  return texts
    .filter((m) => m.direction === 'out')
    .map((m) => m.text)
    .join('\n');
}

describe('start-up loads every file once, for the engines and the tools alike', () => {
  it('the offline engine follows FEE_SCHEDULE_PATH (its over-a-year cut-off), not the defaults', async () => {
    const tooOld = loadCatalogue().t('en', 'offline.too_old', { date: '01/10/2025' }).slice(0, 40);
    expect(await answerForOldBirth({})).toContain(tooOld);
    const twoYears = file(
      'fees.json',
      JSON.stringify({ ...defaultFeeSchedule, authorityPermissionWithinDays: 730 }),
    );
    expect(await answerForOldBirth({ FEE_SCHEDULE_PATH: twoYears })).not.toContain(tooOld);
    expect(
      loadRuntime(loadConfig({ FEE_SCHEDULE_PATH: twoYears })).settings.fees.authorityPermissionWithinDays,
    ).toBe(730);
  });

  it('a bad fee schedule or prompt variant is one StartupError line naming it', () => {
    const bad = file('fees.json', '{"freeWithinDays": 21');
    const errorOf = (env: Record<string, string>) => {
      try {
        loadRuntime(loadConfig(env));
      } catch (err) {
        return err;
      }
      return null;
    };
    const fees = errorOf({ FEE_SCHEDULE_PATH: bad });
    expect(fees).toBeInstanceOf(StartupError);
    expect((fees as Error).message).toBe(
      `cannot load FEE_SCHEDULE_PATH=${bad}: fee schedule is not valid JSON`,
    );
    const missing = errorOf({ FEE_SCHEDULE_PATH: join(tmpdir(), 'no-such-fees.json') });
    expect((missing as Error).message).toMatch(/^cannot load FEE_SCHEDULE_PATH=.*ENOENT/);
    const prompt = errorOf({ ENGINE: 'openai', OPENAI_API_KEY: 'sk-test', PROMPT_VARIANT: 'nope' });
    expect(prompt).toBeInstanceOf(StartupError);
    expect((prompt as Error).message).toMatch(/^cannot load the system prompt PROMPT_VARIANT=nope: /);
    for (const e of [fees, missing, prompt]) expect((e as Error).message).not.toContain('\n');
  });
});
