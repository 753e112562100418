import { type FeeSchedule, loadFeeSchedule } from '../../tools/fee-schedule.js';
import type { Engine } from '../agent/engine.js';
import type { Config } from '../config.js';
import { type Catalogue, loadCatalogue } from '../i18n/catalogue.js';
import type { PipelineSettings } from '../pipeline/process-inbound.js';
import { buildEngines } from './build-engines.js';

/** A file the service needs at start is missing or wrong: one line says which and why. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Everything a pipeline needs that comes from files, loaded once and checked at start. */
export interface Runtime {
  catalogue: Catalogue;
  fees: FeeSchedule;
  engine: Engine;
  offline: Engine;
  settings: PipelineSettings;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n').join(' ');

function step<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (err) {
    throw new StartupError(`${what}: ${reason(err)}`, { cause: err });
  }
}

/**
 * Loads the message catalogue, the fee schedule (FEE_SCHEDULE_PATH) and the engines (the
 * system prompt of PROMPT_VARIANT for openai) in the process that serves, before it
 * listens: a bad file stops the start with a StartupError naming it, instead of a server
 * that stores messages and answers none. The offline engine gets the same fee schedule as
 * the tools, so its cut-offs and fee wording follow the file.
 */
export function loadRuntime(config: Config): Runtime {
  const catalogue = step('cannot load the messages in prompts/messages', () => loadCatalogue());
  const fees = step(`cannot load FEE_SCHEDULE_PATH=${config.feeSchedulePath}`, () =>
    loadFeeSchedule(config.feeSchedulePath),
  );
  const { engine, offline } = step(
    `cannot load the system prompt PROMPT_VARIANT=${config.promptVariant}`,
    () => buildEngines(config, catalogue, fees),
  );
  return {
    catalogue,
    fees,
    engine,
    offline,
    settings: {
      publicBaseUrl: config.publicBaseUrl,
      upi: config.upi,
      fees,
      simulated: whatsappSimulated(config),
      rateLimitPerMinute: config.rateLimitPerMinute,
      complaintReopenDays: config.complaintReopenDays,
    },
  };
}

/** WhatsApp unconfigured: replies go to the /chat simulator instead of the Graph API. */
export const whatsappSimulated = (config: Config) =>
  !(config.whatsapp.accessToken && config.whatsapp.phoneNumberId);
