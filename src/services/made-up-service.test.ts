import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultFeeSchedule } from '../../tools/fee-schedule.js';
import { serviceTool } from '../../tools/service-tool.js';
import { storeInbound, toolContext } from '../../tools/test-context.js';
import { toolJsonSchema } from '../../tools/tool-json-schema.js';
import { Say } from '../agent/offline/prompts.js';
import { serviceFormStep } from '../agent/offline/service-form.js';
import { emptyState } from '../agent/offline/state.js';
import { openDatabase } from '../db/open-database.js';
import { createApi } from '../http/api.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import type { StaffEnv } from '../staff/context.js';
import { serviceCaseRoutes } from '../staff/routes/service-cases.js';
import { TurnDetails } from '../staff/views/turn-details.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { certificateWorkflow, personName } from './_fields/common-fields.js';
import { type AnyService, type ServiceDefinition, text3 } from './types.js';

// A service that exists nowhere but here: nothing else is edited for it to work.
const schema = z.object({
  holderName: personName('Name of the card holder.'),
  familySize: z.number().int().min(1).max(30).describe('Members of the family.'),
});
const rationCard: ServiceDefinition<typeof schema> = {
  id: 'ration_card_test',
  toolName: 'apply_ration_card_test',
  prefix: 'RT',
  names: text3('Ration card', 'राशन कार्ड', 'Ration card'),
  description: 'Apply for a ration card.',
  schema,
  fields: {
    holderName: {
      kind: 'person_name',
      question: text3('Whose name is the card in?', 'कार्ड किसके नाम पर बनेगा?', 'Card kiske naam par banega?'),
      label: text3('Card holder', 'कार्ड धारक', 'Card dhaarak'),
    },
    familySize: {
      kind: 'age',
      question: text3(
        'How many people in the family?',
        'परिवार में कितने लोग हैं?',
        'Parivaar mein kitne log hain?',
      ),
      label: text3('Family members', 'परिवार के सदस्य', 'Parivaar ke sadasya'),
    },
  },
  workflow: certificateWorkflow(30),
  texts: {
    start: text3('Ration card, then.', 'ठीक है, राशन कार्ड।', 'Theek hai, ration card.'),
    submitted: text3('Submitted: {reference}.', 'जमा हुआ: {reference}।', 'Jama hua: {reference}.'),
    cancelled: text3('Cancelled.', 'रद्द।', 'Radd.'),
  },
  intentPhrases: ['ration card chahiye', 'need a ration card', 'राशन कार्ड चाहिए'],
  storage: 'cases',
};
const list: AnyService[] = [rationCard];
const catalogue = loadCatalogue();
const NOW = new Date('2026-11-24T06:30:00Z');

function step(lang: Lang, text: string, services: AnyService[] = list) {
  const turn = {
    input: {
      citizen: { waId: '91999', name: null, lang, languageChosen: false },
      inbound: { kind: 'text' as const, text },
      inboundId: 1,
      lang,
      history: [],
      toolCalls: [],
      engineState: null,
      pending: null,
      now: NOW,
      tools: [],
    },
    deps: { catalogue, fees: defaultFeeSchedule },
    say: new Say(catalogue, lang),
    state: emptyState(NOW),
    notes: [] as string[],
  };
  const r = {
    text,
    intent: 'unknown' as const,
    score: 0,
    scores: {},
    slots: {},
    correction: false,
    confirmation: null,
  };
  return serviceFormStep(turn, r, { kind: 'text', text }, null, services);
}
const firstQuestion = (lang: Lang, text: string) => step(lang, text)?.prompt?.text ?? '';

describe('a service defined only in this test', () => {
  it('has a strict tool schema generated from its definition', () => {
    const tool = serviceTool(rationCard);
    expect(tool.name).toBe('apply_ration_card_test');
    expect(toolJsonSchema(tool)).toMatchObject({
      type: 'object',
      required: ['holderName', 'familySize'],
      additionalProperties: false,
    });
  });

  it('asks its own questions in the three language forms', () => {
    expect(firstQuestion('en', 'i need a ration card')).toBe('Whose name is the card in?');
    expect(firstQuestion('hi', 'मुझे राशन कार्ड चाहिए')).toBe('कार्ड किसके नाम पर बनेगा?');
    expect(firstQuestion('hinglish', 'ration card chahiye')).toBe('Card kiske naam par banega?');
  });

  it('records what it read, with the words, for the transcript; the staff turn view shows it', () => {
    // without a label nothing is taken from the opening message; with one, the value and its words are recorded
    expect(step('en', 'need a ration card. Asha Devi')?.reads).toBeUndefined();
    const holder = { ...rationCard.fields.holderName, cues: ['card holder'] };
    const labelled = { ...rationCard, fields: { ...rationCard.fields, holderName: holder } };
    const read = step('en', 'need a ration card. card holder Asha Devi', [labelled]);
    expect(read?.reads).toEqual([
      {
        service: 'ration_card_test',
        field: 'holderName',
        value: 'Asha Devi',
        words: 'Asha Devi',
        change: 'set',
      },
    ]);
    const html = String(
      TurnDetails({
        turn: {
          id: 9,
          engine: 'offline',
          model: null,
          fellBack: false,
          fallbackReason: null,
          intent: 'apply_ration_card_test',
          language: 'en',
          latencyMs: 3,
          promptTokens: 0,
          completionTokens: 0,
          steps: JSON.stringify([{ engine: 'offline', toolCalls: [], latencyMs: 3, reads: read?.reads }]),
        } as never,
        annotations: [],
        csrf: 'x',
      }),
    );
    expect(html).toContain('holderName');
    expect(html).toContain('from “Asha Devi”');
  });

  it('its submissions are rows of /api/cases and of its staff queue', async () => {
    const db = openDatabase({ path: ':memory:' });
    const ctx = toolContext(db, {
      waId: '919800011122',
      now: NOW,
      inboundId: storeInbound(db, '919800011122'),
    });
    const result = await serviceTool(rationCard).run({ holderName: 'Asha Devi', familySize: 5 }, ctx);
    expect(result).toMatchObject({ ok: true, data: { reference: 'RT-2026-000001', status: 'submitted' } });

    const api = createApi({ db, token: 't', services: list });
    const res = await api.request('/api/cases?service=ration_card_test', {
      headers: { authorization: 'Bearer t' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        {
          reference: 'RT-2026-000001',
          service: 'ration_card_test',
          status: 'submitted',
          phone: '919800011122',
          language: 'en',
          fields: { holderName: 'Asha Devi', familySize: 5 },
          createdAt: NOW.toISOString(),
          updatedAt: NOW.toISOString(),
        },
      ],
    });

    const staff = new Hono<StaffEnv>();
    staff.use('*', async (c, next) => {
      c.set('session', {
        user: { id: 1, username: 'asha', displayName: null, role: 'officer' },
        csrfToken: 'x',
        tokenHash: 'y',
      });
      await next();
    });
    const deps = {
      store: sqliteStore(db),
      db,
      catalogue,
      now: () => NOW.getTime(),
      simulated: true,
      onOutbound: () => {},
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      secureCookies: false,
    };
    staff.route('/', serviceCaseRoutes(deps, list));
    const queue = await (await staff.request('/staff/services/ration_card_test')).text();
    expect(queue).toContain('RT-2026-000001');
    expect(queue).toContain('Asha Devi');
    const page = await (await staff.request('/staff/services/ration_card_test/1')).text();
    expect(page).toContain('Family members');
    expect(page).toContain('under_review');
  });
});
