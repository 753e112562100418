import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../lang/detect-language.js';
import { replyLanguage } from './reply-language.js';

const words = (s: string) => (s.match(/[A-Za-z]+/g) ?? []).length;
const pick = (
  text: string,
  language: 'en' | 'hi' | 'hinglish',
  o: { chosen?: boolean; isNew?: boolean } = {},
) =>
  replyLanguage(
    { language, languageChosen: o.chosen ?? false, isNew: o.isNew ?? false },
    detectLanguage(text),
    words(text),
    text,
  );

describe('replyLanguage', () => {
  it('follows the script: Devanagari is Hindi whatever came before', () => {
    expect(pick('मुझे शिकायत करनी है', 'en')).toBe('hi');
  });
  it('keeps an explicit choice', () => {
    expect(pick('मुझे शिकायत करनी है', 'en', { chosen: true })).toBe('en');
  });
  it('keeps a Hinglish conversation Hinglish on a short Latin answer', () => {
    expect(pick('makan 45 ward 7 rajendra nagar', 'hinglish')).toBe('hinglish');
  });
  it('moves to English on a clearly English message', () => {
    expect(pick('I would like to check the status of my application please', 'hinglish')).toBe('en');
  });
  it('moves to Hinglish from English when the message is romanized Hindi', () => {
    expect(pick('mujhe beti ka janm praman patra chahiye', 'en')).toBe('hinglish');
  });
  it('keeps an English conversation English on a few Hindi words among English ones', () => {
    expect(pick('yes ji, Vihaan thank you', 'en')).toBe('en');
    expect(pick('haan ji', 'en')).toBe('en');
    expect(pick('the clerk asked for paise, he said jaldi chahiye to do the admission', 'en')).toBe('en');
    expect(pick('my house is near Ram Mandir, gali number 4, Kanpur', 'en')).toBe('en');
    expect(pick('yes ji, Mohan Prasad', 'en')).toBe('en');
    expect(pick('haan ji theek hai, beti ka naam Priya hai', 'en')).toBe('hinglish');
  });
  it('greets a new citizen who writes in Latin script in English, not in the Hindi default', () => {
    expect(pick('ok', 'hi', { isNew: true })).toBe('en');
    expect(pick('👍', 'hi', { isNew: true })).toBe('hi');
  });
});
