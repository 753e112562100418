import type { EngineInput, HistoryItem } from '../src/agent/engine.js';
import { createOfflineEngine } from '../src/agent/offline/offline-engine.js';
import { loadCatalogue } from '../src/i18n/catalogue.js';
import { detectLanguage } from '../src/lang/detect-language.js';
import { conversations } from '../src/reliability/conversations.js';
import { allTools } from '../tools/index.js';
import { median, quantile, round } from './lib/stats.js';

/**
 * CPU time of the offline engine's first decision for a message, replayed over the
 * realistic conversations with the engine's state carried from turn to turn (tool calls
 * are not run: this is the engine alone, not the tools or the database).
 */
export async function benchOfflineCpu({ decisions }: { decisions: number }) {
  const engine = createOfflineEngine({ catalogue: loadCatalogue() });
  const now = new Date();
  const samples: number[] = [];
  let inboundId = 0;
  for (let round_ = 0; samples.length < decisions; round_++) {
    for (const script of conversations) {
      let engineState: unknown = null;
      const history: HistoryItem[] = [];
      for (const text of script) {
        const input: EngineInput = {
          citizen: { waId: '919800000000', name: null, lang: 'hi', languageChosen: false },
          inbound: { kind: 'text', text },
          inboundId: ++inboundId,
          lang: detectLanguage(text).lang ?? 'hi',
          history: history.slice(-10),
          toolCalls: [],
          engineState,
          pending: null,
          now,
          tools: allTools,
        };
        const t0 = performance.now();
        const d = await engine.decide(input);
        const us = (performance.now() - t0) * 1000;
        if (round_ > 0) samples.push(us); // the first pass warms the JIT
        if (d.engineState !== undefined) engineState = d.engineState;
        history.push({ role: 'user', text });
      }
    }
  }
  return {
    decisions: samples.length,
    medianUs: round(median(samples), 1),
    p99Us: round(quantile(samples, 0.99), 1),
    maxUs: round(quantile(samples, 1), 1),
    targetUs: 1_000,
    met: median(samples) < 1_000,
  };
}
