import { z } from 'zod';

// The eval case format. One zod schema is the validator, the TS types and (via
// z.toJSONSchema) evals/case.schema.json that editors use for completion in suites.

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * What a field may be, BFCL style: a scalar (exact after Unicode-normalised folding),
 * a list of accepted alternatives (null in the list: the field may be absent),
 * or an object form.
 */
export const fieldExpectationSchema = z.union([
  scalar,
  z.array(scalar).min(1).describe('accepted alternatives; null means the field may be absent'),
  z
    .object({ anyOf: z.array(scalar).min(1) })
    .strict()
    .describe('accepted alternatives'),
  z
    .object({ contains: z.string().min(1) })
    .strict()
    .describe('normalised substring'),
  z
    .object({ absent: z.literal(true) })
    .strict()
    .describe('the field is missing, null or empty'),
  z
    .object({ present: z.literal(true) })
    .strict()
    .describe('the field has any non-empty value'),
  z
    .object({ not: z.union([scalar, z.array(scalar).min(1)]), note: z.string().optional() })
    .strict()
    .describe('present and none of these values (staff marked them wrong)'),
]);
export type FieldExpectation = z.infer<typeof fieldExpectationSchema>;

const fieldsSchema = z.record(z.string(), fieldExpectationSchema);

export const langSchema = z.enum(['en', 'hi', 'hinglish']);

const messageShape = {
  text: z.string().optional().describe('a text message as the citizen types it'),
  button: z.object({ id: z.string(), title: z.string() }).strict().optional().describe('a reply-button tap'),
  list: z
    .object({ id: z.string(), title: z.string(), description: z.string().optional() })
    .strict()
    .optional()
    .describe('a list-row choice'),
  image: z
    .object({ caption: z.string().optional(), mimeType: z.string().optional() })
    .strict()
    .optional()
    .describe('a photo, with an optional caption'),
  audio: z.object({ voice: z.boolean().optional() }).strict().optional().describe('a voice note'),
};

const turnExpectShape = {
  tool: z
    .union([z.string(), z.array(z.string()).min(1)])
    .optional()
    .describe('tool(s) the assistant must call this turn; "none": no tool call at all'),
  notTool: z.array(z.string()).optional().describe('tools that must not be called this turn'),
  args: fieldsSchema.optional().describe('arguments of the (last) call of `tool`, partial unless argsExact'),
  argsExact: z.boolean().optional().describe('no argument beyond those in `args`'),
  replyLanguage: z
    .union([langSchema, z.literal('any')])
    .optional()
    .describe('default: the case language'),
  replyScript: z.enum(['devanagari', 'latin']).optional().describe('default: from replyLanguage'),
  replyContains: z.array(z.string()).optional().describe('each must appear (normalised match)'),
  replyContainsAny: z.array(z.string()).optional().describe('at least one must appear'),
  replyNotContains: z.array(z.string()).optional().describe('none may appear'),
  buttons: z.array(z.string()).optional().describe('button or list-row ids the reply must offer'),
  confirmation: z.boolean().optional().describe('true: a Yes/Change/Cancel summary is shown; false: none'),
  noReply: z.boolean().optional().describe('the assistant stays silent this turn'),
};

export const turnSchema = z
  .object({ ...messageShape, ...turnExpectShape })
  .strict()
  .refine((t) => ['text', 'button', 'list', 'image', 'audio'].filter((k) => k in t).length === 1, {
    message: 'a turn has exactly one of text, button, list, image, audio',
  });
export type CaseTurn = z.infer<typeof turnSchema>;

const tableExpectSchema = z
  .object({
    count: z
      .union([
        z.number().int().min(0),
        z.object({ min: z.number().int().optional(), max: z.number().int().optional() }),
      ])
      .optional()
      .describe('records created during the case (seeded ones excluded)'),
    records: z.array(fieldsSchema).optional().describe('each must match a distinct created record (partial)'),
  })
  .strict();
export type TableExpect = z.infer<typeof tableExpectSchema>;

export const TABLES = ['applications', 'complaints', 'payments'] as const;
export type TableName = (typeof TABLES)[number];

const endStateSchema = z
  .object({
    applications: tableExpectSchema.optional(),
    complaints: tableExpectSchema.optional(),
    payments: tableExpectSchema.optional(),
    cases: z
      .record(z.string(), tableExpectSchema)
      .optional()
      .describe(
        'cases of the registry services, keyed by service id (caste_certificate, …); fields flattened',
      ),
  })
  .strict()
  .describe('end state; a table (or service) left out must have no new record');

const seedRecord = z.object({ waId: z.string(), reference: z.string() }).catchall(scalar);
export const setupSchema = z
  .object({
    applications: z.array(seedRecord).optional(),
    complaints: z.array(seedRecord).optional(),
    payments: z.array(seedRecord).optional(),
  })
  .strict();
export type CaseSetup = z.infer<typeof setupSchema>;

/** Service ids of DESIGN.md §4; a goal may name any of them, offered by the engine yet or not. */
export const SERVICE_IDS = [
  'birth_certificate',
  'hospital_complaint',
  'caste_certificate',
  'income_certificate',
  'death_certificate',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export const STYLES = ['plain', 'terse', 'typos', 'rambling', 'corrects_themselves', 'low_literacy'] as const;
export type CitizenStyle = (typeof STYLES)[number];

/**
 * A simulated citizen instead of scripted turns: what they want, what they know, how they write.
 * The case's `language` is the language form they write in.
 */
export const goalSchema = z
  .object({
    service: z.enum(SERVICE_IDS),
    facts: z
      .record(z.string(), scalar)
      .describe('what the citizen knows, by the service field names of DESIGN.md §4, in their own script'),
    style: z.enum(STYLES).default('plain'),
    opening: z
      .string()
      .optional()
      .describe('the first message; default: asks for the service in the language form'),
    maxTurns: z.number().int().min(1).max(60).default(24),
    simulator: z.enum(['rules', 'llm']).default('rules').describe('rules: no model, runs in CI'),
    submit: z
      .boolean()
      .default(true)
      .describe('false: the citizen cancels at the summary (nothing is created)'),
  })
  .strict();
export type CitizenGoal = z.infer<typeof goalSchema>;

const caseShape = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case id: letters, digits, . _ -'),
  description: z.string().optional(),
  language: langSchema,
  tags: z.array(z.string()).default([]).describe('"critical" marks a must-never-fail case'),
  now: z.string().datetime({ offset: true }).optional().describe('the fixed clock, ISO 8601'),
  citizen: z.object({ waId: z.string().optional(), name: z.string().optional() }).strict().optional(),
  setup: setupSchema.optional().describe('records to seed before the conversation'),
  turns: z.array(turnSchema).min(1).optional().describe('scripted turns; or a `goal`'),
  goal: goalSchema.optional().describe('a simulated citizen plays the conversation'),
  expect: endStateSchema.optional(),
};

const oneOfTurnsOrGoal = (c: { turns?: unknown; goal?: unknown }) =>
  (c.turns === undefined) !== (c.goal === undefined);
const turnsOrGoal = { message: 'a case has either `turns` or a `goal`' };

export const caseSchema = z
  .object({ ...caseShape, suite: z.string().min(1) })
  .strict()
  .refine(oneOfTurnsOrGoal, turnsOrGoal);
export type EvalCase = z.infer<typeof caseSchema>;

/** A suite file: cases inherit `suite` from the file. */
export const suiteFileSchema = z
  .object({
    suite: z.string().min(1),
    description: z.string().optional(),
    cases: z
      .array(
        z
          .object({ ...caseShape, suite: z.string().optional() })
          .strict()
          .refine(oneOfTurnsOrGoal, turnsOrGoal),
      )
      .min(1),
  })
  .strict();
export type SuiteFile = z.infer<typeof suiteFileSchema>;

export const DEFAULT_NOW = '2026-11-24T10:00:00+05:30';
export const DEFAULT_WA_ID = '919800000001';

/** The JSON Schema of a suite file, for `# yaml-language-server: $schema=../case.schema.json`. */
export function suiteJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(suiteFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
