import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../lang/language.js';
import { services } from '../../services/registry.js';
import type { PendingAction } from '../engine.js';

/** `prompts/system/` of this checkout, whatever the working directory. */
export const defaultPromptDir = fileURLToPath(new URL('../../../prompts/system/', import.meta.url));

/** The requested system prompt variant has no file; `available` lists the ones that do. */
export class PromptVariantNotFoundError extends Error {
  override name = 'PromptVariantNotFoundError';
  constructor(
    readonly variant: string,
    readonly available: string[],
  ) {
    super(`no system prompt variant "${variant}"; available: ${available.join(', ') || '(none)'}`);
  }
}

/** Names of the `<variant>.md` files in the prompt folder, sorted. */
export function listPromptVariants(dir: string = defaultPromptDir): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

/** Reads `prompts/system/<variant>.md`: the unrendered template with `{{language}}`, `{{today}}`, `{{pending}}`, `{{services}}`. */
export function loadSystemPrompt({
  variant,
  dir = defaultPromptDir,
}: {
  variant: string;
  dir?: string;
}): string {
  // the variant comes from the command line of the eval runner: never let it leave the folder
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(variant))
    throw new PromptVariantNotFoundError(variant, listPromptVariants(dir));
  try {
    return readFileSync(join(dir, `${variant}.md`), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PromptVariantNotFoundError(variant, listPromptVariants(dir));
    }
    throw err;
  }
}

const languageNames: Record<Lang, string> = {
  hi: 'Hindi in Devanagari',
  en: 'English',
  hinglish: 'Hinglish: Hindi in Latin script',
};

/** The date a citizen in India calls today, as YYYY-MM-DD. */
export function indianDate(now: Date): string {
  istDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' });
  return istDate.format(now);
}
// en-CA formats as YYYY-MM-DD; built once: constructing a formatter costs ~100 µs a call,
// and on first use: the first time-zone formatter loads ICU's zone data (≈70 ms at start)
let istDate: Intl.DateTimeFormat | undefined;

/** Tells the model which submission waits for the citizen's yes, so a confirmation repeats it exactly. */
export function pendingInstruction(pending: PendingAction | null): string {
  if (!pending) return '';
  const args = JSON.stringify(pending.args);
  return [
    '',
    `Shown for confirmation: ${pending.tool} ${args}`,
    `On a yes (haan, हाँ, the Yes button) call ${pending.tool} again with exactly these arguments; on a change, ask what to change; on a cancel, do not call it.`,
  ].join('\n');
}

/**
 * The services of the registry as the prompt lists them: "birth certificate, …, death
 * certificate". Their tool names are in open_service's enum (or the tools) already.
 */
export function serviceList(): string {
  const names = services.map((s) => s.names.en.toLowerCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}

/** Fills the template's placeholders for one turn. */
export function renderSystemPrompt(
  template: string,
  { lang, today, pending }: { lang: Lang; today: Date | string; pending: PendingAction | null },
): string {
  const values: Record<string, string> = {
    language: languageNames[lang],
    today: typeof today === 'string' ? today : indianDate(today),
    pending: pendingInstruction(pending),
    services: serviceList(),
  };
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole).trim();
}
