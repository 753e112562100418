import { dirname, join } from 'node:path';
import { z } from 'zod';

// The one place that reads process.env. Everything else receives a Config.
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('data/sahayak.db'),
  // the HTTP thread blocks while it waits: short, then a 503 that WhatsApp retries
  DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  // SQLite under load: commits this far apart carry several iterations' writes (0: every iteration)
  SQLITE_COMMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(10),
  // set: everything runs on PostgreSQL (several instances may share it); unset: the SQLite file
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\/./.test(v), {
    message: 'must be a postgres:// or postgresql:// URL (unset it to use the SQLite file DATABASE_PATH)',
  }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  // names this process in leases and logs when several share one database (default: host and pid)
  INSTANCE_ID: optional,
  // PostgreSQL: how long a citizen's turns stay with an instance that stopped answering
  TURN_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  PUBLIC_BASE_URL: optional,
  ENGINE: z.enum(['openai', 'offline']).optional(),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional,
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  PROMPT_VARIANT: z.string().default('default'),
  WHATSAPP_VERIFY_TOKEN: optional,
  WHATSAPP_APP_SECRET: optional,
  WHATSAPP_ACCESS_TOKEN: optional,
  WHATSAPP_PHONE_NUMBER_ID: optional,
  WHATSAPP_API_URL: z.string().url().default('https://graph.facebook.com/v21.0'),
  WHATSAPP_SEND_RATE: z.coerce.number().positive().max(1000).default(80),
  WHATSAPP_PAIR_BURST: z.coerce.number().int().positive().max(45).default(10),
  WHATSAPP_PAIR_INTERVAL_MS: z.coerce.number().int().positive().default(6000),
  WHATSAPP_PAYMENT_CONFIGURATION: optional,
  WHATSAPP_PAYMENT_RECONCILE_AFTER_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  WHATSAPP_TEMPLATE_STATUS_UPDATE: z.string().min(1).default('sahayak_status_update'),
  WHATSAPP_TEMPLATE_PAYMENT_RECEIPT: z.string().min(1).default('sahayak_payment_receipt'),
  WHATSAPP_TEMPLATE_REMINDER: z.string().min(1).default('sahayak_reminder'),
  WHATSAPP_TEMPLATE_LANGUAGES: z
    .string()
    .regex(/^(en|hi|hinglish)=[A-Za-z_]{2,10}(,(en|hi|hinglish)=[A-Za-z_]{2,10})*$/)
    .default('hi=hi,en=en,hinglish=en'),
  MEDIA_DIR: optional,
  STT_BASE_URL: optional,
  STT_API_KEY: optional,
  STT_MODEL: z.string().min(1).default('whisper-1'),
  STAFF_API_TOKEN: optional,
  UPI_PAYEE_VPA: z.string().default('sahayak.demo@upi'),
  UPI_PAYEE_NAME: z.string().default('Sahayak Demo Department'),
  PAYMENT_WEBHOOK_SECRET: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  RETENTION_DAYS: z.coerce.number().int().positive().default(180),
  COMPLAINT_REOPEN_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  FEE_SCHEDULE_PATH: optional,
  CHAT_SIMULATOR_ENABLED: z.enum(['true', 'false', '1', '0']).optional(),
  CHAT_SIMULATOR_RATE_PER_MINUTE: z.coerce.number().int().positive().default(60),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databasePath: string;
  /** how long a request waits for another process's write lock before a 503 */
  databaseBusyTimeoutMs: number;
  /** SQLite: while writes keep coming, at least this long between two commits */
  sqliteCommitIntervalMs: number;
  /** PostgreSQL instead of SQLite: every instance with the same URL shares the work */
  databaseUrl?: string;
  databasePoolSize: number;
  /** this process's name in turn and outbox leases; undefined: the wiring uses host and pid */
  instanceId?: string;
  /** PostgreSQL: a dead instance's citizens are taken over after this long (renewed while a turn runs) */
  turnLeaseMs: number;
  publicBaseUrl: string;
  engine: 'openai' | 'offline';
  openai: { apiKey?: string; baseUrl?: string; model: string; timeoutMs: number; maxRetries: number };
  promptVariant: string;
  whatsapp: {
    verifyToken?: string;
    appSecret?: string;
    accessToken?: string;
    phoneNumberId?: string;
    apiUrl: string;
    /** messages a second the outbox sends: Cloud API numbers start at 80 and grow to 1,000 */
    sendRatePerSecond: number;
    /** per recipient: a burst of this many, then about one message per `pairIntervalMs` (Meta's pair rate) */
    pairBurst: number;
    pairIntervalMs: number;
    /** the WhatsApp Pay configuration name: when set, fees go out as native order_details checkouts */
    paymentConfiguration?: string;
    /** a native checkout still pending this long is looked up on Graph */
    paymentReconcileAfterMs: number;
    /** approved template per purpose, sent outside the 24-hour window */
    templates: { status_update: string; payment_receipt: string; reminder: string };
    /** template language code per conversation language */
    templateLanguages: Record<'en' | 'hi' | 'hinglish', string>;
  };
  /** where inbound media is kept, content-addressed */
  mediaDir: string;
  /** speech to text (OpenAI-compatible /v1/audio/transcriptions); unset: voice notes are answered "please type" */
  stt: { baseUrl?: string; apiKey?: string; model: string };
  staffApiToken?: string;
  upi: { payeeVpa: string; payeeName: string };
  paymentWebhookSecret?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  rateLimitPerMinute: number;
  retentionDays: number;
  /** days after a complaint is resolved or closed during which its citizen may reopen it */
  complaintReopenDays: number;
  /** a JSON file overriding the default birth-registration fee schedule */
  feeSchedulePath?: string;
  /** /chat: on by default except when NODE_ENV=production; messages a minute per client IP */
  chatSimulator: { enabled: boolean; ratePerMinute: number };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment and derives defaults; throws ConfigError with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.WHATSAPP_APP_SECRET) {
    // Without the secret anyone could post forged citizen messages to the webhook.
    throw new ConfigError('WHATSAPP_APP_SECRET is required when NODE_ENV=production');
  }
  const engine = e.ENGINE ?? (e.OPENAI_API_KEY || e.OPENAI_BASE_URL ? 'openai' : 'offline');
  if (engine === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    // otherwise every turn would fail over to offline while the logs said "openai"
    throw new ConfigError(
      'ENGINE=openai needs OPENAI_API_KEY or OPENAI_BASE_URL (an OpenAI-compatible server); unset ENGINE to use the offline engine',
    );
  }
  const chatEnabled = e.CHAT_SIMULATOR_ENABLED;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    databaseBusyTimeoutMs: e.DATABASE_BUSY_TIMEOUT_MS,
    sqliteCommitIntervalMs: e.SQLITE_COMMIT_INTERVAL_MS,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    instanceId: e.INSTANCE_ID,
    turnLeaseMs: e.TURN_LEASE_MS,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    engine,
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
    },
    promptVariant: e.PROMPT_VARIANT,
    whatsapp: {
      verifyToken: e.WHATSAPP_VERIFY_TOKEN,
      appSecret: e.WHATSAPP_APP_SECRET,
      accessToken: e.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
      apiUrl: e.WHATSAPP_API_URL.replace(/\/+$/, ''),
      sendRatePerSecond: e.WHATSAPP_SEND_RATE,
      pairBurst: e.WHATSAPP_PAIR_BURST,
      pairIntervalMs: e.WHATSAPP_PAIR_INTERVAL_MS,
      paymentConfiguration: e.WHATSAPP_PAYMENT_CONFIGURATION,
      paymentReconcileAfterMs: e.WHATSAPP_PAYMENT_RECONCILE_AFTER_MS,
      templates: {
        status_update: e.WHATSAPP_TEMPLATE_STATUS_UPDATE,
        payment_receipt: e.WHATSAPP_TEMPLATE_PAYMENT_RECEIPT,
        reminder: e.WHATSAPP_TEMPLATE_REMINDER,
      },
      templateLanguages: {
        hi: 'hi',
        en: 'en',
        hinglish: 'en',
        ...Object.fromEntries(e.WHATSAPP_TEMPLATE_LANGUAGES.split(',').map((kv) => kv.split('='))),
      },
    },
    mediaDir:
      e.MEDIA_DIR ??
      (e.DATABASE_PATH === ':memory:' ? join('data', 'media') : join(dirname(e.DATABASE_PATH), 'media')),
    // an STT server of its own, else the OpenAI settings (an OpenAI key transcribes too)
    stt: {
      baseUrl: e.STT_BASE_URL ?? (e.STT_API_KEY ? undefined : e.OPENAI_BASE_URL),
      apiKey: e.STT_API_KEY ?? (e.STT_BASE_URL ? undefined : e.OPENAI_API_KEY),
      model: e.STT_MODEL,
    },
    staffApiToken: e.STAFF_API_TOKEN,
    upi: { payeeVpa: e.UPI_PAYEE_VPA, payeeName: e.UPI_PAYEE_NAME },
    paymentWebhookSecret: e.PAYMENT_WEBHOOK_SECRET,
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    retentionDays: e.RETENTION_DAYS,
    complaintReopenDays: e.COMPLAINT_REOPEN_DAYS,
    feeSchedulePath: e.FEE_SCHEDULE_PATH,
    chatSimulator: {
      // anyone reaching /chat can file records as a simulated citizen: not in production by accident
      enabled:
        chatEnabled === undefined
          ? e.NODE_ENV !== 'production'
          : chatEnabled === 'true' || chatEnabled === '1',
      ratePerMinute: e.CHAT_SIMULATOR_RATE_PER_MINUTE,
    },
  };
}

/**
 * What the PostgreSQL tests read (src/testing/pg-cluster.ts): a server .ci/run started for the
 * whole run, and whether this is CI, where a missing server fails the tests instead of skipping them.
 */
export function loadTestDatabaseSettings(env: Record<string, string | undefined> = process.env) {
  const url = env.TEST_DATABASE_URL?.trim();
  return { url: url ? url : undefined, ci: env.CI === 'true' || env.CI === '1' };
}
