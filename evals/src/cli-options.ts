import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `usage: npm run eval -- [options]

  --engine offline|openai   engine under test (with --model/--base-url/--prompt: one variant
                            instead of the variants in the config file)
  --model <name>            model of the openai engine
  --base-url <url>          any OpenAI-compatible server
  --prompt <variant>        system prompt variant (prompts/system/<variant>.md)
  --variant <name>          run only these variants of the config file (repeatable)
  --config <file>           eval config (default evals/config.yaml)
  --cases <dir>             suite folder (default evals/suites)
  --suite <s>               filter by suite (repeatable, or comma-separated)
  --lang en|hi|hinglish     filter by language
  --tag <t>                 filter by tag (e.g. critical)
  --case <id>               run only cases whose id starts with this
  --repeat <k>              trials per case; reports pass^k
  --concurrency <n>         cases in flight at once
  --no-cache                do not use the LLM response cache (evals/.cache/)
  --judge                   score tone and helpfulness with the pinned LLM judge
  --simulator rules|llm     who plays goal cases' citizens (default: each case's own, rules)
  --compare <report.json>   regressions and improvements against an earlier report, and
                            side-by-side.html: both runs case by case
  --out <dir>               where run folders go (default evals/reports); each run writes
                            <dir>/<time>[-<filters>]/, and <dir>/latest points to the newest
  --quiet                   no progress bar
  -h, --help                this text

exit code: 0 thresholds met, 1 below a threshold, 2 usage or configuration error`;

export interface CliOptions {
  engine?: 'offline' | 'openai';
  model?: string;
  baseUrl?: string;
  prompt?: string;
  variants: string[];
  config: string;
  cases: string;
  suites: string[];
  langs: string[];
  tags: string[];
  ids: string[];
  repeat?: number;
  concurrency?: number;
  cache: boolean;
  judge: boolean;
  simulator?: 'rules' | 'llm';
  compare?: string;
  out: string;
  quiet: boolean;
  help: boolean;
}

const list = (xs: string[] | undefined) =>
  (xs ?? [])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} needs a positive whole number, got "${v}"`);
  return n;
}

/** Parses the command line; unknown flags and bad values are UsageErrors (exit code 2). */
export function parseCliOptions(
  argv: string[],
  defaults: { config: string; cases: string; out: string },
): CliOptions {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        engine: { type: 'string' },
        model: { type: 'string' },
        'base-url': { type: 'string' },
        prompt: { type: 'string' },
        variant: { type: 'string', multiple: true },
        config: { type: 'string' },
        cases: { type: 'string' },
        suite: { type: 'string', multiple: true },
        lang: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        case: { type: 'string', multiple: true },
        repeat: { type: 'string' },
        concurrency: { type: 'string' },
        'no-cache': { type: 'boolean' },
        judge: { type: 'boolean' },
        simulator: { type: 'string' },
        compare: { type: 'string' },
        out: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const engine = values.engine as string | undefined;
  if (engine !== undefined && engine !== 'offline' && engine !== 'openai') {
    throw new UsageError(`--engine must be offline or openai, got "${engine}"`);
  }
  const simulator = values.simulator as string | undefined;
  if (simulator !== undefined && simulator !== 'rules' && simulator !== 'llm')
    throw new UsageError(`--simulator must be rules or llm, got "${simulator}"`);
  const langs = list(values.lang as string[] | undefined);
  for (const l of langs)
    if (!['en', 'hi', 'hinglish'].includes(l))
      throw new UsageError(`--lang must be en, hi or hinglish, got "${l}"`);
  return {
    ...(engine ? { engine } : {}),
    ...(values.model ? { model: values.model as string } : {}),
    ...(values['base-url'] ? { baseUrl: values['base-url'] as string } : {}),
    ...(values.prompt ? { prompt: values.prompt as string } : {}),
    variants: list(values.variant as string[] | undefined),
    config: (values.config as string | undefined) ?? defaults.config,
    cases: (values.cases as string | undefined) ?? defaults.cases,
    suites: list(values.suite as string[] | undefined),
    langs,
    tags: list(values.tag as string[] | undefined),
    ids: list(values.case as string[] | undefined),
    repeat: positiveInt('repeat', values.repeat as string | undefined),
    concurrency: positiveInt('concurrency', values.concurrency as string | undefined),
    cache: !values['no-cache'],
    judge: values.judge === true,
    ...(simulator ? { simulator } : {}),
    ...(values.compare ? { compare: values.compare as string } : {}),
    out: (values.out as string | undefined) ?? defaults.out,
    quiet: values.quiet === true,
    help: values.help === true,
  } as CliOptions;
}
