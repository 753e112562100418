import { readFileSync } from 'node:fs';
import type OpenAI from 'openai';
import { z } from 'zod';
import { type CompletionCache, completionCacheKey } from '../../src/agent/openai/completion-cache.js';
import type { Lang } from '../../src/lang/language.js';
import type { JudgeScore, TurnRecord } from './types.js';

export interface JudgeDeps {
  client: OpenAI;
  /** pinned in evals/config.yaml so scores stay comparable between runs */
  model: string;
  rubrics: { en: string; hi: string };
  cache?: CompletionCache;
}

const verdictSchema = z.object({
  tone: z.coerce.number().min(1).max(5),
  helpfulness: z.coerce.number().min(1).max(5),
  rationale: z.string().default(''),
});

const LANGUAGE_NAME: Record<Lang, { en: string; hi: string }> = {
  en: { en: 'English', hi: 'अंग्रेज़ी' },
  hi: { en: 'Hindi (Devanagari)', hi: 'हिंदी (देवनागरी)' },
  hinglish: { en: 'Hinglish (Hindi in Latin script)', hi: 'हिंग्लिश (रोमन लिपि में हिंदी)' },
};

export function loadRubrics(paths: { en: string; hi: string }): { en: string; hi: string } {
  return { en: readFileSync(paths.en, 'utf8'), hi: readFileSync(paths.hi, 'utf8') };
}

/** The conversation as the judge reads it. */
export function transcriptText(turns: TurnRecord[]): string {
  return turns.map((t) => `Citizen: ${t.input}\nAssistant: ${t.replyText || '(no reply)'}`).join('\n\n');
}

/** The JSON object in a model's answer, also when it is wrapped in prose or a code fence. */
export function parseVerdict(content: string): z.infer<typeof verdictSchema> {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start < 0 || end <= start) throw new Error(`judge answered without JSON: ${content.slice(0, 120)}`);
  return verdictSchema.parse(JSON.parse(content.slice(start, end + 1)));
}

/** Tone and helpfulness of one conversation, by the rubric in the citizen's language (Hindi rubric for Hindi). */
export async function judgeConversation(
  lang: Lang,
  turns: TurnRecord[],
  deps: JudgeDeps,
): Promise<JudgeScore> {
  const rubricLang = lang === 'hi' ? 'hi' : 'en';
  const rubric = deps.rubrics[rubricLang].replaceAll('{{language}}', LANGUAGE_NAME[lang][rubricLang]);
  const body = {
    model: deps.model,
    temperature: 0,
    messages: [
      { role: 'system' as const, content: rubric },
      { role: 'user' as const, content: transcriptText(turns) },
    ],
  };
  const key = completionCacheKey(body);
  let completion = (deps.cache ? await deps.cache.get(key) : undefined) as
    | OpenAI.Chat.ChatCompletion
    | undefined;
  if (!completion) {
    completion = await deps.client.chat.completions.create(body);
    await deps.cache?.set(key, completion);
  }
  const v = parseVerdict(completion.choices[0]?.message?.content ?? '');
  return {
    tone: v.tone,
    helpfulness: v.helpfulness,
    rationale: v.rationale,
    model: completion.model ?? deps.model,
  };
}
