import type { Catalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { services } from '../../services/registry.js';
import { choices, text } from '../../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../../whatsapp/outbound-message.js';

export interface Option {
  id: string;
  title: string;
  description?: string;
}

/** The question that ends a reply, with its closed choices when it has them. */
export interface Prompt {
  text: string;
  options?: Option[];
  listLabel?: string;
}

/** Sentences of one reply, in one language, all from the catalogue. */
export class Say {
  constructor(
    readonly catalogue: Catalogue,
    readonly lang: Lang,
  ) {}

  t(key: string, params?: Record<string, string | number>): string {
    return this.catalogue.t(this.lang, `offline.${key}`, params);
  }

  /** The notes as one paragraph each, then the prompt (buttons or a list when it offers choices). */
  reply(notes: string[], prompt?: Prompt): OutboundMessage[] {
    const body = [...notes, prompt?.text].filter((s): s is string => Boolean(s)).join('\n\n');
    if (prompt?.options?.length) return choices(body, prompt.options, prompt.listLabel);
    return text(body);
  }

  menu(lead?: string): Prompt {
    const row = (id: string) => ({
      id: `menu:${id}`,
      title: this.t(`menu.${id}`),
      description: this.t(`menu.${id}_desc`),
    });
    return {
      text: [lead, this.t('menu_prompt')].filter(Boolean).join('\n\n'),
      options: [
        row('birth'),
        row('complaint'),
        // every registry service kept in the cases table, by its own name
        ...services
          .filter((s) => s.storage === 'cases')
          .map((s) => ({ id: `menu:svc.${s.id}`, title: s.names[this.lang] })),
        ...['status', 'pay', 'human'].map(row),
      ],
      listLabel: this.t('menu_button'),
    };
  }

  /** A service's name inside a sentence: "your caste certificate application", not "your Caste certificate". */
  serviceName(names: Readonly<Record<Lang, string>>): string {
    return inSentence(names[this.lang], this.lang);
  }

  /** Every registry service by its name, as one phrase of a sentence ("birth certificate, … and death certificate"). */
  services(): string {
    const names = services.map((s) => this.serviceName(s.names));
    if (names.length < 2) return names.join('');
    const and = this.t('and');
    return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
  }

  languages(): Prompt {
    return {
      text: this.t('choose_language'),
      options: (['en', 'hi', 'hinglish'] as const).map((l) => ({
        id: `lang:${l}`,
        title: this.t(`lang_name.${l}`),
      })),
    };
  }
}

/** A name as it stands inside a sentence: its first letter in lower case (Devanagari has no case). */
export function inSentence(name: string, lang: Lang): string {
  return lang === 'hi' ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** ₹50, ₹50.50 */
export function rupees(paise: number): string {
  return paise % 100 === 0 ? `₹${paise / 100}` : `₹${(paise / 100).toFixed(2)}`;
}

/** 14/03/2026, as Indians write a date (the same in every language form). */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today's date in India (UTC+5:30, no daylight saving), YYYY-MM-DD. */
export function indiaToday(now: Date): string {
  return new Date(now.getTime() + 330 * 60 * 1000).toISOString().slice(0, 10);
}

/** Whole days from an ISO date to today in India; negative for a future date. */
export function daysSince(iso: string, now: Date): number {
  return Math.round(
    (Date.parse(`${indiaToday(now)}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000,
  );
}
