import { describe, expect, it } from 'vitest';
import type { Lang } from '../../lang/language.js';
import { createDriver } from './test-driver.js';

// The form engine's reading rules, one conversation each: the answer goes to the question asked,
// a label only marks a value its field can read, the talk around an answer is not stored.
const NOW = new Date('2026-11-24T04:30:00Z');
type Form = { fields: Record<string, unknown>; asking: string | null; proposal: { field: string } | null };

async function chat(lang: Lang, messages: string[]) {
  const d = createDriver({ now: NOW, lang });
  let last = await d.send(messages[0]);
  for (const m of messages.slice(1)) last = await d.send(m);
  return { form: (d.state as { form: Form | null }).form, last };
}

describe('form reading rules', () => {
  it('"zila bareilly" sent while the description is asked changes no description; the district is asked about', async () => {
    const { form } = await chat('hi', ['शिकायत करनी है', 'प्राथमिक स्वास्थ्य केंद्र रामपुर, रामपुर', 'जिला बरेली']);
    expect(form?.fields.description).toBeUndefined();
    expect(form?.fields.district).toBe('Rampur');
    expect(form?.proposal?.field).toBe('district');
  });

  it('"ok so his name is …" on the father question is the father, not the applicant', async () => {
    const { form } = await chat('en', [
      'I need a caste certificate',
      'Sunita Devi',
      'ok so his name is Suresh Kumar',
    ]);
    expect(form?.fields).toMatchObject({ applicantName: 'Sunita Devi', fatherOrHusbandName: 'Suresh Kumar' });
    expect(form?.proposal).toBeNull();
  });

  it('"shohar ka naam …" answers the husband question', async () => {
    const { form } = await chat('hinglish', [
      'aay praman patra chahiye',
      'Salma Khatoon',
      'shohar ka naam Mohd. Anwar',
    ]);
    expect(form?.fields).toMatchObject({
      applicantName: 'Salma Khatoon',
      fatherOrHusbandName: 'Mohd. Anwar',
    });
  });

  it('"no sub caste" skips the optional sub-caste', async () => {
    const { form } = await chat('en', [
      'caste certificate',
      'Sunita Devi',
      'Ram Prasad',
      'Jatav',
      'SC',
      'no sub caste',
    ]);
    expect(form?.fields.subCaste).toBeNull();
    expect(form?.asking).toBe('address');
  });

  it('"salary from a private job" is the sources, though "salary" labels the income', async () => {
    const { form } = await chat('en', [
      'income certificate',
      'Aman Gupta',
      'Sanjay Gupta',
      '2.4 lakh',
      'salary from a private job',
    ]);
    expect(form?.fields).toMatchObject({
      annualIncomeRupees: 240000,
      incomeSources: 'salary from a private job',
    });
  });

  it('"gali no 3, nai basti" is no income of 3 rupees', async () => {
    const { form } = await chat('hinglish', [
      'aay praman patra chahiye',
      'Salma Khatoon',
      'Mohd Anwar',
      'gali no 3, nai basti',
    ]);
    expect(form?.fields.annualIncomeRupees).toBeUndefined();
    expect(form?.asking).toBe('annualIncomeRupees');
  });

  it('"acha to Sunita Yadav" answers the mother question and corrects nothing', async () => {
    const { form } = await chat('hinglish', [
      'janm praman patra banwana hai, beti hui 20 nov ko',
      'abhi naam nahi rakha',
      'ghar pe',
      '12 Shastri Colony, Patna',
      'acha to Sunita Yadav',
    ]);
    expect(form?.fields).toMatchObject({ placeOfBirthType: 'home', motherName: 'Sunita Yadav' });
  });

  it("the writer's own name in the opening is the father's (\"meri wife … humara naam X\"), not the child's", async () => {
    const { form } = await chat('hinglish', [
      'meri wife ne 17 november ko beta diya district hospital unnao mein uska naam abhi rakha nahi hai humara naam Rakesh Pal hai',
    ]);
    expect(form?.fields.childName).toBeNull();
    expect(form?.fields.fatherName).toBe('Rakesh Pal');
  });

  it('"my father\'s death" names the deceased\'s relation, not a father called "death"', async () => {
    const { form } = await chat('en', ["I have to register my father's death"]);
    expect(form?.fields.fatherOrHusbandName).toBeUndefined();
  });

  it('an answer that names no category ("yesteday") is not stored as "other"', async () => {
    const { form } = await chat('en', [
      'I want to complain about a hospital',
      'Civil Hospital',
      'Lucknow',
      // no category word: the category is asked ("shoued" would now read as "shouted")
      'the ward boy came to my mother',
      'yesteday',
    ]);
    expect(form?.fields.category).toBeUndefined();
    expect(form?.asking).toBe('category');
  });
});
