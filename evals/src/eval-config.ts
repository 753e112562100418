import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const variantSchema = z
  .object({
    name: z.string().min(1),
    engine: z.enum(['offline', 'openai']),
    model: z.string().optional(),
    baseUrl: z.string().url().optional(),
    prompt: z.string().optional(),
  })
  .strict();

const rate = z.number().min(0).max(1);

export const evalConfigSchema = z
  .object({
    variants: z
      .array(variantSchema)
      .min(1)
      .default([{ name: 'offline', engine: 'offline' }]),
    /** shorthand for openai variants: every model × every prompt, appended to `variants` */
    matrix: z
      .object({
        models: z.array(z.string().min(1)).min(1),
        prompts: z.array(z.string().min(1)).min(1).default(['default']),
        baseUrl: z.string().url().optional(),
      })
      .strict()
      .optional(),
    concurrency: z.number().int().positive().default(8),
    repeat: z.number().int().positive().default(1),
    llm: z
      .object({
        timeoutMs: z.number().int().positive().default(30_000),
        maxRetries: z.number().int().min(0).default(1),
      })
      .strict()
      .default({ timeoutMs: 30_000, maxRetries: 1 }),
    thresholds: z
      .object({
        /** pass rate every suite must reach unless it has its own */
        default: rate.optional(),
        suites: z.record(z.string(), rate).default({}),
        languages: z.record(z.string(), rate).default({}),
        tags: z.record(z.string(), rate).default({}),
        /** cases with these tags count only toward their suite's and tags' thresholds, not the default or language ones */
        languagesExcludeTags: z.array(z.string()).default([]),
      })
      .strict()
      .default({ suites: {}, languages: {}, tags: {}, languagesExcludeTags: [] }),
    judge: z
      .object({
        model: z.string().min(1),
        baseUrl: z.string().url().optional(),
        rubrics: z.object({ en: z.string(), hi: z.string() }).strict().optional(),
      })
      .strict()
      .optional(),
    /** the model-played citizen for `simulator: llm` goals (or every goal with --simulator llm): pinned */
    simulator: z
      .object({
        model: z.string().min(1),
        baseUrl: z.string().url().optional(),
        temperature: z.number().min(0).max(2).default(0.7),
        seed: z.number().int().default(1),
        prompt: z.string().optional().describe('relative to this file; default evals/simulator/citizen.md'),
      })
      .strict()
      .optional(),
    /** USD per million tokens, by model */
    pricing: z.record(z.string(), z.object({ input: z.number(), output: z.number() }).strict()).default({}),
  })
  .strict();

export type EvalConfig = z.infer<typeof evalConfigSchema>;
export type ConfigVariant = EvalConfig['variants'][number];

/** The configured variants plus the model × prompt matrix, names unique. */
export function configVariants(cfg: EvalConfig): ConfigVariant[] {
  const m = cfg.matrix;
  const expanded: ConfigVariant[] = m
    ? m.models.flatMap((model) =>
        m.prompts.map((prompt) => ({
          name: `${model}/${prompt}`,
          engine: 'openai' as const,
          model,
          prompt,
          ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
        })),
      )
    : [];
  const all = [...cfg.variants, ...expanded];
  const names = all.map((v) => v.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new EvalConfigError(`variant "${dup}" is defined twice`);
  return all;
}
export type Thresholds = EvalConfig['thresholds'];

export class EvalConfigError extends Error {
  override name = 'EvalConfigError';
}

export function parseEvalConfig(text: string, file = 'config'): EvalConfig {
  const parsed = evalConfigSchema.safeParse(parse(text) ?? {});
  if (!parsed.success) {
    throw new EvalConfigError(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export function loadEvalConfig(path: string): EvalConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new EvalConfigError(`cannot read ${path}`);
  }
  return parseEvalConfig(text, path);
}
