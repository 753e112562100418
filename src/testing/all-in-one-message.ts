import { expect, it } from 'vitest';
import { createDriver, formOf } from '../agent/offline/test-driver.js';
import type { Lang } from '../lang/language.js';

/** One message of a service in one language: the request, then each field's labelled part. */
export interface AllInOneMessage {
  ask: string;
  parts: readonly string[];
  /** the form's fields after the message, exactly */
  fields: Readonly<Record<string, unknown>>;
}

// the ways citizens split the parts of one message
const SEPARATORS = [
  ['commas', ', '],
  ['dandas', '। '],
  ['line breaks', '\n'],
] as const;

/** The request and its parts joined by `sep`, as a citizen writes them in one message. */
export function allInOneText(m: AllInOneMessage, sep = ', '): string {
  return `${m.ask}${sep === '\n' ? '\n' : ' '}${m.parts.join(sep)}`;
}

/**
 * For each language and each separator: the one message fills every field it labels with what
 * was written for it, and the form then asks `asking` (null: nothing is left, the summary next).
 */
export function itFillsEachField(
  messages: Readonly<Partial<Record<Lang, AllInOneMessage>>>,
  asking: string | null,
  now: Date,
): void {
  const cases = (Object.keys(messages) as Lang[]).flatMap((lang) =>
    SEPARATORS.map(([name, sep]) => [lang, name, sep] as const),
  );
  it.each(cases)('%s, parts split by %s: each part in its own field', async (lang, _name, sep) => {
    const m = messages[lang];
    if (!m) throw new Error(`no message in ${lang}`);
    const d = createDriver({ now, lang });
    await d.send(allInOneText(m, sep));
    expect(formOf(d).fields).toEqual(m.fields);
    expect(formOf(d).asking).toBe(asking);
  });
}
