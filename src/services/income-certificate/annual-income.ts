import { readRupees } from '../_fields/extract-rupees.js';

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
