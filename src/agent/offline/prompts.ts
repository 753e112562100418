import type { Catalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { services } from '../../services/registry.js';
import { choices, text } from '../../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../../whatsapp/outbound-message.js';
import { CHANGEABLE, type FormField } from './forms.js';
import { complaintCategorySchema, type Draft, type Expecting } from './state.js';

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

  languages(): Prompt {
    return {
      text: this.t('choose_language'),
      options: (['en', 'hi', 'hinglish'] as const).map((l) => ({
        id: `lang:${l}`,
        title: this.t(`lang_name.${l}`),
      })),
    };
  }

  /** The question for one step of a draft. */
  question(draft: Draft, step: Expecting): Prompt {
    const yes = { id: 'confirm:yes', title: this.t('button_show_summary') };
    switch (step) {
      case 'childName':
        return {
          text: this.t('ask.childName'),
          options: [{ id: 'noname', title: this.t('button_no_name') }],
        };
      case 'sex':
        return this.closed('ask.sex', 'sex', ['male', 'female', 'transgender']);
      case 'placeOfBirthType':
        return this.closed('ask.placeOfBirthType', 'place', ['hospital', 'home', 'other']);
      case 'placeOfBirth': {
        const type = draft.service === 'birth' ? (draft.fields.placeOfBirthType ?? 'hospital') : 'hospital';
        return { text: this.t(`ask.placeOfBirth.${type}`) };
      }
      case 'district':
        return { text: this.t(`ask.district.${draft.service}`) };
      case 'informantName':
        return {
          text: this.t('ask.informantName'),
          options: [
            { id: 'informant:mother', title: this.t('button_i_am_mother') },
            { id: 'informant:father', title: this.t('button_i_am_father') },
            { id: 'skip', title: this.t('button_skip') },
          ],
        };
      case 'category':
        return {
          text: this.t('ask.category'),
          options: complaintCategorySchema.options.map((c) => ({
            id: `cat:${c}`,
            title: this.t(`category.${c}`),
          })),
          listLabel: this.t('category_button'),
        };
      case 'incidentDate':
        return { text: this.t('ask.incidentDate'), options: [{ id: 'skip', title: this.t('button_skip') }] };
      case 'anonymous':
        return {
          text: this.t('ask.anonymous'),
          options: [
            { id: 'anon:yes', title: this.t('button_anonymous_yes') },
            { id: 'anon:no', title: this.t('button_anonymous_no') },
          ],
        };
      case 'submit':
        return {
          text: this.t(`ready.${draft.service}`),
          options: [
            yes,
            { id: 'confirm:change', title: this.t('button_change') },
            { id: 'confirm:cancel', title: this.t('button_cancel') },
          ],
        };
      case 'change_field':
        return {
          text: this.t('change_which'),
          options: CHANGEABLE[draft.service].map((f) => ({ id: `field:${f}`, title: this.fieldLabel(f) })),
          listLabel: this.t('change_button'),
        };
      case 'pay_reference':
        return { text: this.t('pay.ask_reference') };
      default:
        return { text: this.t(`ask.${step}`) };
    }
  }

  fieldLabel(field: FormField): string {
    return this.t(`field.${field === 'placeOfBirthType' ? 'placeOfBirth' : field}`);
  }

  private closed(key: string, prefix: string, values: string[]): Prompt {
    return {
      text: this.t(key),
      options: values.map((v) => ({ id: `${prefix}:${v}`, title: this.t(`${prefix}.${v}`) })),
    };
  }
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
