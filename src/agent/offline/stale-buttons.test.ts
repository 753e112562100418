import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { argsOf, createDriver } from './test-driver.js';

const catalogue = loadCatalogue();
const t = (lang: Lang, key: string) => catalogue.t(lang, `offline.${key}`);
const NOW = new Date('2026-11-24T04:30:00Z');

const COMPLAINT: Record<Lang, string[]> = {
  en: ['I want to complain about a hospital', 'District Hospital Sitapur', 'the doctor asked for 500 rupees'],
  hi: ['अस्पताल की शिकायत करनी है', 'जिला अस्पताल सीतापुर', 'डॉक्टर ने 500 रुपये माँगे'],
  hinglish: ['hospital ki shikayat karni hai', 'District Hospital Sitapur', 'doctor ne 500 rupaye maange'],
};

const CASTE: Record<Lang, string[]> = {
  en: ['I need a caste certificate', 'Sunita Devi', 'Ram Prasad', 'Jatav'],
  hi: ['जाति प्रमाण पत्र बनवाना है', 'सुनीता देवी', 'राम प्रसाद', 'जाटव'],
  hinglish: ['caste certificate banwana hai', 'Sunita Devi', 'Ram Prasad', 'Jatav'],
};

describe.each(['en', 'hi', 'hinglish'] as const)('an old button tapped later (%s)', (lang) => {
  it('a question already answered: nothing changes, the current question is asked again', async () => {
    const d = createDriver({ now: NOW, lang });
    for (const m of CASTE[lang]) await d.send(m);
    await d.tap('form:choice:category:sc');
    const turn = await d.tap('form:choice:category:obc');
    expect(turn.text).toContain(t(lang, 'form.stale_button'));
    expect(turn.text).not.toContain(t(lang, 'not_sure'));
    const form = (d.state as { form: { fields: Record<string, unknown>; asking: string } }).form;
    expect(form.fields.category).toBe('sc');
    expect(form.asking).toBe('subCaste');
  });

  it('a summary that was left to change a field: not submitted, the question asked again', async () => {
    const d = createDriver({ now: NOW, lang });
    for (const m of COMPLAINT[lang]) await d.send(m);
    await d.tap('skip');
    const summary = await d.tap('anon:yes');
    expect(summary.summary).toBe(true);
    await d.tap('confirm:change');
    await d.tap('form:field:district');
    const turn = await d.tap('confirm:yes');
    expect(turn.calls).toEqual([]);
    expect(turn.text).toContain(t(lang, 'form.stale_summary'));
    const again = await d.tap('anon:no');
    expect(again.text).toContain(t(lang, 'form.stale_button'));
    const form = (d.state as { form: { fields: Record<string, unknown> } }).form;
    expect(form.fields.anonymous).toBe(true);
  });

  it('an old question button while the summary is pending: nothing changed, the summary offered again', async () => {
    const d = createDriver({ now: NOW, lang });
    for (const m of COMPLAINT[lang]) await d.send(m);
    await d.tap('skip');
    const first = await d.tap('anon:yes');
    const turn = await d.tap('anon:no');
    expect(turn.calls).toEqual([]);
    expect(turn.text).toContain(t(lang, 'form.stale_button'));
    const shown = await d.tap('confirm:yes');
    expect(shown.summary).toBe(true);
    expect(argsOf(shown, 'file_hospital_complaint')).toEqual(argsOf(first, 'file_hospital_complaint'));
  });

  it("a form's button after it was submitted: nothing is done twice", async () => {
    const d = createDriver({ now: NOW, lang });
    for (const m of COMPLAINT[lang]) await d.send(m);
    await d.tap('skip');
    await d.tap('anon:yes');
    await d.tap('confirm:yes');
    const turn = await d.tap('confirm:yes');
    expect(turn.calls).toEqual([]);
    expect(turn.text).toContain(t(lang, 'form.stale_closed'));
    expect(turn.text).not.toContain(t(lang, 'not_sure'));
  });
});
