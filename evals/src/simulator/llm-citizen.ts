import { readFileSync } from 'node:fs';
import type OpenAI from 'openai';
import { type CompletionCache, completionCacheKey } from '../../../src/agent/openai/completion-cache.js';
import type { Lang } from '../../../src/lang/language.js';
import type { OutboundMessage } from '../../../src/whatsapp/outbound-message.js';
import type { CitizenGoal } from '../case-schema.js';
import type { Citizen, CitizenMessage, SimulationOutcome, SimulationRecord } from './citizen.js';

/** A pinned model for the citizen: the same settings give the same conversations (and cache hits). */
export interface LlmCitizenSettings {
  model: string;
  temperature: number;
  seed: number;
}

const LANGUAGE: Record<Lang, string> = {
  en: 'English, in Latin letters',
  hi: 'Hindi in Devanagari script (हिंदी), the way people type on WhatsApp',
  hinglish: 'Hinglish: Hindi written in Latin letters, mixed with English words',
};
const STYLE_HINT: Record<CitizenGoal['style'], string> = {
  plain: 'Answer each question simply.',
  terse: 'Use as few words as possible, no greetings.',
  typos: 'You make small spelling slips in ordinary words (never in names, dates or numbers).',
  rambling: 'You add greetings, thanks and context around your answers, sometimes giving two facts at once.',
  corrects_themselves: 'Once, you give a wrong value and correct it in your next message.',
  low_literacy: 'You write in lower case without punctuation and prefer typing to tapping buttons.',
};

export const defaultCitizenPromptPath = new URL('../../simulator/citizen.md', import.meta.url);

/** The system prompt of the simulated citizen for one goal. */
export function citizenPrompt(template: string, goal: CitizenGoal, lang: Lang): string {
  const vars: Record<string, string> = {
    service: goal.service.replace(/_/g, ' '),
    facts: Object.entries(goal.facts)
      .map(([k, v]) => `- ${k}: ${v}`)
      .join('\n'),
    language: LANGUAGE[lang],
    style: goal.style,
    styleHint: STYLE_HINT[goal.style],
    submitHint: goal.submit ? 'check it and confirm.' : 'decide not to submit and cancel.',
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

function shown(replies: OutboundMessage[]): string {
  return replies
    .map((r) => {
      if (r.kind === 'buttons')
        return `${r.text}\n${r.buttons.map((b) => `[${b.id}] ${b.title}`).join('\n')}`;
      if (r.kind === 'list') return `${r.text}\n${r.rows.map((b) => `[${b.id}] ${b.title}`).join('\n')}`;
      if ('text' in r && typeof r.text === 'string') return r.text;
      return `[${r.kind}]`;
    })
    .join('\n\n');
}

/**
 * A citizen played by an OpenAI-compatible model with a pinned model, temperature and seed
 * (the seed moves with the trial, so pass^k sees k different citizens); completions are
 * cached by request like the assistant's, so a re-run costs nothing and replays exactly.
 */
export function createLlmCitizen(o: {
  client: OpenAI;
  settings: LlmCitizenSettings;
  goal: CitizenGoal;
  lang: Lang;
  trial: number;
  cache?: CompletionCache;
  promptTemplate?: string;
}): Citizen {
  const system = citizenPrompt(
    o.promptTemplate ?? readFileSync(defaultCitizenPromptPath, 'utf8'),
    o.goal,
    o.lang,
  );
  // from the citizen's side the assistant is the "user" and the citizen the "assistant"
  const history: { role: 'user' | 'assistant'; content: string }[] = [];
  let offered: { id: string; title: string; list: boolean }[] = [];
  let sent = 0;
  let result: SimulationRecord = { simulator: `llm:${o.settings.model}`, outcome: 'max_turns' };

  async function complete(): Promise<string> {
    const body = {
      model: o.settings.model,
      temperature: o.settings.temperature,
      seed: o.settings.seed + o.trial,
      response_format: { type: 'json_object' as const },
      messages: [{ role: 'system' as const, content: system }, ...history],
    };
    const key = o.cache ? completionCacheKey(body) : '';
    let raw = o.cache ? ((await o.cache.get(key)) as OpenAI.Chat.ChatCompletion | undefined) : undefined;
    if (!raw) {
      raw = await o.client.chat.completions.create(body);
      if (o.cache) await o.cache.set(key, raw);
    }
    return raw.choices[0]?.message?.content ?? '';
  }

  return {
    async next(replies) {
      if (sent >= o.goal.maxTurns) return null;
      if (replies === null) history.push({ role: 'user', content: '(you start the conversation)' });
      else {
        history.push({ role: 'user', content: shown(replies) || '(no reply)' });
        offered = replies.flatMap((r): { id: string; title: string; list: boolean }[] =>
          r.kind === 'buttons'
            ? r.buttons.map((b) => ({ id: b.id, title: b.title, list: false }))
            : r.kind === 'list'
              ? r.rows.map((b) => ({ id: b.id, title: b.title, list: true }))
              : [],
        );
      }
      const content = await complete();
      let move: { message?: unknown; tap?: unknown; done?: unknown };
      try {
        move = JSON.parse(content);
      } catch {
        // a model that forgets the JSON still said something: send it as typed text
        move = { message: content };
      }
      if (typeof move.done === 'string') {
        const outcome =
          (['submitted', 'cancelled', 'stuck'] as const).find((x) => x === move.done) ?? 'stuck';
        result = { simulator: result.simulator, outcome: outcome as SimulationOutcome };
        return null;
      }
      sent += 1;
      history.push({ role: 'assistant', content });
      const tapped = typeof move.tap === 'string' ? offered.find((b) => b.id === move.tap) : undefined;
      if (tapped) {
        const choice = { id: tapped.id, title: tapped.title };
        return (tapped.list ? { list: choice } : { button: choice }) as CitizenMessage;
      }
      const text =
        typeof move.message === 'string' ? move.message : typeof move.tap === 'string' ? move.tap : content;
      return { text: text.slice(0, 1000) || '?' };
    },
    record: () => result,
  };
}
