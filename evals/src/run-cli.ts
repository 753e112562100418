import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { pino } from 'pino';
import { createOfflineEngine } from '../../src/agent/offline/offline-engine.js';
import { createFileCompletionCache } from '../../src/agent/openai/completion-cache.js';
import { loadConfig } from '../../src/config.js';
import { loadCatalogue } from '../../src/i18n/catalogue.js';
import { defaultFeeSchedule } from '../../tools/fee-schedule.js';
import { allTools } from '../../tools/index.js';
import { buildEngine } from './build-engine.js';
import type { EvalCase } from './case-schema.js';
import { parseCliOptions, USAGE, UsageError } from './cli-options.js';
import { configVariants, EvalConfigError, loadEvalConfig } from './eval-config.js';
import { type JudgeDeps, loadRubrics } from './judge.js';
import { CaseFileError, filterCases, loadCases } from './load-cases.js';
import { createProgress } from './progress.js';
import { type Baseline, compareReports, comparisonText, parseBaseline } from './reports/compare.js';
import { htmlReport } from './reports/html-report.js';
import { junitReport } from './reports/junit-report.js';
import { runFolderName, writeRunFolder } from './reports/run-folders.js';
import { type RunForPage, sideBySideHtml } from './reports/side-by-side.js';
import { terminalReport } from './reports/terminal-report.js';
import { runEval } from './run-eval.js';
import type { Citizen } from './simulator/citizen.js';
import { createLlmCitizen, defaultCitizenPromptPath } from './simulator/llm-citizen.js';
import { servicesOffered } from './simulator/services-offered.js';
import type { Variant } from './types.js';

const evalsDir = fileURLToPath(new URL('../', import.meta.url));
export const defaultPaths = {
  config: join(evalsDir, 'config.yaml'),
  cases: join(evalsDir, 'suites'),
  out: join(evalsDir, 'reports'),
  cache: join(evalsDir, '.cache'),
};

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  /** the environment for src/config.ts; its default (process.env) when absent */
  env?: Record<string, string | undefined>;
  cacheDir?: string;
}

function variantsFrom(o: ReturnType<typeof parseCliOptions>, configured: Variant[]): Variant[] {
  if (o.engine || o.model || o.baseUrl || o.prompt) {
    const engine = o.engine ?? (o.model || o.baseUrl || o.prompt ? 'openai' : 'offline');
    const name = [engine, o.model, o.prompt].filter(Boolean).join(':');
    return [
      {
        name,
        engine,
        ...(o.model ? { model: o.model } : {}),
        ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
        ...(o.prompt ? { prompt: o.prompt } : {}),
      },
    ];
  }
  if (!o.variants.length) return configured;
  const picked = configured.filter((v) => o.variants.includes(v.name));
  const unknown = o.variants.filter((n) => !configured.some((v) => v.name === n));
  if (unknown.length)
    throw new UsageError(
      `no variant ${unknown.join(', ')} in the config; have ${configured.map((v) => v.name).join(', ')}`,
    );
  return picked;
}

/** `npm run eval`: returns the exit code (0 thresholds met, 1 below, 2 usage/config error). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const out = (s: string) => io.stdout.write(`${s}\n`);
  let o: ReturnType<typeof parseCliOptions>;
  try {
    o = parseCliOptions(argv, defaultPaths);
    if (o.help) {
      out(USAGE);
      return 0;
    }
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  let prepared: ReturnType<typeof prepare>;
  try {
    prepared = prepare(o, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof EvalConfigError || err instanceof CaseFileError) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const { cfg, cases, skipped, variants, appCfg, catalogue, cache, judge, baseline, llmCitizen } = prepared;
  if (skipped.length)
    io.stderr.write(
      `skipped ${skipped.length} goal case(s) for services this build does not offer: ${[...new Set(skipped.map((c) => c.goal?.service))].join(', ')}\n`,
    );
  const concurrency = o.concurrency ?? cfg.concurrency;
  const repeat = o.repeat ?? cfg.repeat;
  const progress = createProgress(
    cases.length * variants.length * repeat,
    io.stderr as NodeJS.WriteStream,
    !o.quiet,
  );
  const report = await runEval({
    cases,
    variants,
    engineFor: (v) =>
      buildEngine(v, {
        catalogue,
        llm: { ...appCfg.openai, timeoutMs: cfg.llm.timeoutMs, maxRetries: cfg.llm.maxRetries },
        ...(cache ? { cache } : {}),
      }),
    fallbackEngine: createOfflineEngine({ catalogue }),
    tools: allTools,
    catalogue,
    logger: pino({ level: 'silent' }),
    settings: {
      publicBaseUrl: 'http://localhost:3000',
      upi: appCfg.upi,
      fees: defaultFeeSchedule,
      simulated: true,
      // turns are 30 s apart on the eval clock: the rate limit must not be what a case measures
      rateLimitPerMinute: 1000,
    },
    repeat,
    concurrency,
    thresholds: cfg.thresholds,
    pricing: cfg.pricing,
    ...(judge ? { judge } : {}),
    ...(llmCitizen ? { llmCitizen } : {}),
    onTrial: (label, pass) => progress.tick(label, pass),
  });
  progress.done();
  const comparison = baseline ? compareReports(baseline, report) : undefined;
  out(terminalReport(report));
  if (comparison) out(`\n${comparisonText(comparison)}`);

  const json = JSON.stringify(report, null, 1);
  const files: Record<string, string> = {
    'report.json': json,
    'junit.xml': junitReport(report),
    'report.html': htmlReport(report, comparison),
  };
  if (baseline) files['side-by-side.html'] = sideBySideHtml(baseline.full, report);
  const name = runFolderName(report.startedAt, {
    suites: o.suites,
    langs: o.langs,
    tags: o.tags,
    ids: o.ids,
    variants: o.variants,
  });
  const dir = writeRunFolder(o.out, name, files);
  out(
    `reports: ${join(dir, 'report.html')} · report.json · junit.xml${baseline ? ' · side-by-side.html' : ''} (also ${join(o.out, 'latest')})`,
  );
  return report.passed ? 0 : 1;
}

function prepare(o: ReturnType<typeof parseCliOptions>, io: CliIo) {
  const cfg = loadEvalConfig(o.config);
  const matching = filterCases(loadCases(o.cases), {
    suites: o.suites,
    langs: o.langs,
    tags: o.tags,
    ids: o.ids,
  });
  if (!matching.length) throw new UsageError('no case matches the filters');
  // goal cases of services that are not built yet wait, reported, instead of failing
  const offered = servicesOffered(allTools);
  const skipped = matching.filter((c) => c.goal && !offered.has(c.goal.service));
  const cases: EvalCase[] = matching
    .filter((c) => !skipped.includes(c))
    .map((c) => (c.goal && o.simulator ? { ...c, goal: { ...c.goal, simulator: o.simulator } } : c));
  if (!cases.length) throw new UsageError('every matching case is for a service this build does not offer');
  const variants = variantsFrom(o, configVariants(cfg));
  const appCfg = io.env ? loadConfig(io.env) : loadConfig();
  const catalogue = loadCatalogue();
  const cache = o.cache ? createFileCompletionCache({ dir: io.cacheDir ?? defaultPaths.cache }) : undefined;
  let judge: JudgeDeps | undefined;
  if (o.judge) {
    if (!cfg.judge)
      throw new UsageError('--judge needs a `judge:` section (pinned model) in the eval config');
    const base = dirname(resolve(o.config));
    const rubricPaths = cfg.judge.rubrics
      ? { en: resolve(base, cfg.judge.rubrics.en), hi: resolve(base, cfg.judge.rubrics.hi) }
      : { en: join(evalsDir, 'judge', 'rubric.en.md'), hi: join(evalsDir, 'judge', 'rubric.hi.md') };
    const client = new OpenAI({
      apiKey: appCfg.openai.apiKey ?? 'not-needed',
      baseURL: cfg.judge.baseUrl ?? appCfg.openai.baseUrl ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      timeout: cfg.llm.timeoutMs,
      maxRetries: cfg.llm.maxRetries,
      logLevel: 'off',
    });
    judge = {
      client,
      model: cfg.judge.model,
      rubrics: loadRubrics(rubricPaths),
      ...(cache ? { cache } : {}),
    };
  }
  let baseline: (Baseline & { full: RunForPage }) | undefined;
  if (o.compare) {
    try {
      const text = readFileSync(o.compare, 'utf8');
      const full = JSON.parse(text) as RunForPage;
      baseline = {
        ...parseBaseline(text),
        full: { ...full, variants: full.variants ?? [], startedAt: full.startedAt ?? '?' },
      };
    } catch (err) {
      throw new UsageError(`--compare ${o.compare}: ${(err as Error).message}`);
    }
  }
  let llmCitizen: ((c: EvalCase, trial: number) => Citizen) | undefined;
  if (cases.some((c) => c.goal?.simulator === 'llm')) {
    const sim = cfg.simulator;
    if (!sim)
      throw new UsageError(
        'goal cases with the llm simulator need a `simulator:` section (pinned model) in the eval config',
      );
    const client = new OpenAI({
      apiKey: appCfg.openai.apiKey ?? 'not-needed',
      baseURL: sim.baseUrl ?? appCfg.openai.baseUrl ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      timeout: cfg.llm.timeoutMs,
      maxRetries: cfg.llm.maxRetries,
      logLevel: 'off',
    });
    const promptTemplate = readFileSync(
      sim.prompt ? resolve(dirname(resolve(o.config)), sim.prompt) : defaultCitizenPromptPath,
      'utf8',
    );
    llmCitizen = (c, trial) =>
      createLlmCitizen({
        client,
        settings: { model: sim.model, temperature: sim.temperature, seed: sim.seed },
        goal: c.goal!,
        lang: c.language,
        trial,
        promptTemplate,
        ...(cache ? { cache } : {}),
      });
  }
  return { cfg, cases, skipped, variants, appCfg, catalogue, cache, judge, baseline, llmCitizen };
}
