import { z } from 'zod';
import { defaultCatalogue } from '../src/cases/default-catalogue.js';
import type { Lang } from '../src/lang/language.js';
import { isValidIsoDate } from './dates.js';
import type { ToolResult } from './tool.js';

/** A catalogue sentence from prompts/messages (tools.yaml). */
export function say(lang: Lang, key: string, params?: Record<string, string | number>): string {
  return defaultCatalogue().t(lang, key, params);
}

/** An expected miss, with the citizen-facing explanation in their language. */
export function failure(
  code: string,
  lang: Lang,
  key: string,
  params?: Record<string, string | number>,
  data?: Record<string, unknown>,
): ToolResult {
  return { ok: false, error: { code, message: say(lang, key, params) }, ...(data ? { data } : {}) };
}

/** A calendar date; the regex reaches the model's JSON Schema, the refinement catches 2026-02-30. */
export const isoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .refine(isValidIsoDate, 'not a real calendar date');

/** Summary lines "Label: value", one a line. */
export function summaryLines(lang: Lang, rows: [labelKey: string, value: string][]): string {
  return rows.map(([key, value]) => `${say(lang, key)}: ${value}`).join('\n');
}

/** Empty or whitespace-only text counts as not given. */
export function blankToNull(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
