import { readRupees } from '../_fields/extract-rupees.js';
import { catalogueText } from '../catalogue-text.js';
import { type Text3, text3 } from '../types.js';

/**
 * The family's yearly income the answer states, in whole rupees; null (so the form asks again)
 * when it is not one exact yearly amount. A monthly, weekly or daily figure ("15000 mahina",
 * "500 roz") is not multiplied out: a month's wage times twelve is not a farming or daily-wage
 * household's year, the form has no way to show the sum on the summary, and the certificate states
 * what the citizen declares for the year. The question asks for the year's total; it is asked again.
 * "ek lakh se kam", "1-2 lakh", "1 lakh 20" and two incomes side by side are asked again too. An
 * estimate ("lagbhag 2 lakh", "around 2.5 lakh") is taken: the declared income is always the
 * citizen's estimate, shown on the summary to confirm, and asking again would only bring "2 lakh".
 */
export function annualIncome(text: string): number | null {
  const r = readRupees(text);
  if (r?.kind !== 'amount') return null;
  if (r.per !== null && r.per !== 'year') return null;
  // "gali no 3" is no income: a bare number under 100 needs a unit or ₹ to be an amount
  if (r.rupees < 100 && !r.marked) return null;
  return r.rupees;
}

const PER_PERIOD: Record<'month' | 'week' | 'day', Text3> = {
  month: text3(
    "That is a month's income. Please send the whole family's income for the whole year (all 12 months together).",
    'यह एक महीने की आय है। कृपया पूरे परिवार की पूरे साल (12 महीनों को मिलाकर) की आय भेजिए।',
    'Yeh ek mahine ki aay hai. Kripya poore parivaar ki poore saal (12 mahine mila kar) ki aay bhejiye.',
  ),
  week: text3(
    "That is a week's income. Please send the whole family's income for the whole year.",
    'यह एक हफ़्ते की आय है। कृपया पूरे परिवार की पूरे साल की आय भेजिए।',
    'Yeh ek hafte ki aay hai. Kripya poore parivaar ki poore saal ki aay bhejiye.',
  ),
  day: text3(
    "That is a day's income. Please send the whole family's income for the whole year.",
    'यह एक दिन की आय है। कृपया पूरे परिवार की पूरे साल की आय भेजिए।',
    'Yeh ek din ki aay hai. Kripya poore parivaar ki poore saal ki aay bhejiye.',
  ),
};
const ONE_AMOUNT = text3(
  'Please send one amount for the whole year (not a range or a limit), even if it is an estimate.',
  'कृपया पूरे साल की एक ही रकम भेजिए (सीमा या दो रकमें नहीं), अंदाज़ा हो तो भी।',
  'Kripya poore saal ki ek hi rakam bhejiye (seema ya do rakam nahi), andaaza ho to bhi.',
);

/** Why an answer with money in it is not the yearly income: a month's figure, a range, a limit. */
export function annualIncomeNote(text: string): Text3 | undefined {
  const r = readRupees(text);
  if (r?.kind === 'amount') return r.per !== null && r.per !== 'year' ? PER_PERIOD[r.per] : undefined;
  // "1 se 2 lakh": neither end is the income; the citizen is told it is a range, so one figure comes back
  if (r?.kind === 'unclear' && r.why === 'range') return catalogueText('offline.form.income_range');
  if (r?.kind === 'unclear' && ['bounded', 'several', 'mixed_period'].includes(r.why)) return ONE_AMOUNT;
  return undefined;
}
