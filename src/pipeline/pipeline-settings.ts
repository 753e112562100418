import { loadFeeSchedule } from '../../tools/fee-schedule.js';
import type { Config } from '../config.js';
import type { PipelineSettings } from './process-inbound.js';

/** WhatsApp unconfigured: replies go to the /chat simulator instead of the Graph API. */
export const whatsappSimulated = (config: Config) =>
  !(config.whatsapp.accessToken && config.whatsapp.phoneNumberId);

/** The pipeline's settings from the validated Config, the same in-process and in the turn worker. */
export function pipelineSettings(config: Config): PipelineSettings {
  return {
    publicBaseUrl: config.publicBaseUrl,
    upi: config.upi,
    fees: loadFeeSchedule(config.feeSchedulePath),
    simulated: whatsappSimulated(config),
    rateLimitPerMinute: config.rateLimitPerMinute,
  };
}
