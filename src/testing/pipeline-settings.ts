import { defaultFeeSchedule } from '../../tools/fee-schedule.js';

/**
 * The runtime settings every test of the pipeline starts from: the simulator's (no WhatsApp
 * send), a demo UPI payee, the default fees; a test overrides what it is about.
 */
export function testPipelineSettings<T extends object>(overrides: T = {} as T) {
  return {
    publicBaseUrl: 'http://localhost:3000',
    upi: { payeeVpa: 'demo@upi', payeeName: 'Demo' },
    fees: defaultFeeSchedule,
    simulated: true,
    rateLimitPerMinute: 30,
    ...overrides,
  };
}
