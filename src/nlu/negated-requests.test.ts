import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { negatedRequests } from './negated-requests.js';

const now = new Date('2026-06-15T04:30:00Z');
const top = (text: string) => analyse(text, { now }).intents[0];
const score = (text: string, intent: string) =>
  analyse(text, { now }).intents.find((i) => i.intent === intent)?.score ?? 0;

describe('a refused request asks for nothing', () => {
  it.each([
    ['mera data delete mat karna', 'delete_data'],
    ['delete nahi karna', 'delete_data'],
    ['मेरा डेटा डिलीट मत करना', 'delete_data'],
    ["don't delete my data", 'delete_data'],
    ['shikayat nahi karni hai', 'file_complaint'],
    ['complaint nahi karni, bas jaankari chahiye', 'file_complaint'],
    ['शिकायत नहीं करनी है', 'file_complaint'],
    ['I do not want to file a complaint', 'file_complaint'],
    ['birth certificate nahi chahiye', 'apply_birth_certificate'],
  ])('%j is not %s', (text, intent) => {
    expect(score(text, intent)).toBeLessThan(0.5);
  });

  it.each([
    ['mera data delete kar do', 'delete_data'],
    ['nahi, shikayat karni hai', 'file_complaint'],
    ['doctor aaya nahi, shikayat karni hai', 'file_complaint'],
    ['mera certificate nahi mila, status batao', 'check_status'],
    ['birth certificate chahiye', 'apply_birth_certificate'],
  ])('%j is still %s: its "nahi" refuses nothing asked', (text, intent) => {
    expect(top(text).intent).toBe(intent);
  });

  it('"bas jaankari chahiye" asks what the assistant does', () => {
    expect(top('complaint nahi karni, bas jaankari chahiye').intent).toBe('help');
  });
});

describe('negatedRequests', () => {
  it.each([
    ['submit mat karo abhi', 'submit', ''],
    ['abhi submit nahi karna', 'submit', ''],
    ["don't submit yet", 'submit', ''],
    ['mera data delete mat karna', 'delete', ''],
    ['mujhe jati praman patra nahi chahiye, aay praman patra chahiye', 'request', 'aay praman patra chahiye'],
    ['mujhe jati praman patra nahi chahiye aay praman patra chahiye', 'request', 'aay praman patra chahiye'],
    ['मुझे जाति प्रमाण पत्र नहीं चाहिए, आय प्रमाण पत्र चाहिए', 'request', 'आय प्रमाण पत्र चाहिए'],
    ['death certificate nahi, income certificate chahiye', 'request', 'income certificate chahiye'],
    [
      "I don't want a caste certificate, I want an income certificate",
      'request',
      'I want an income certificate',
    ],
  ])('%j refuses a %s; %j is left', (text, kind, rest) => {
    const n = negatedRequests(text);
    expect(n.refusals.map((r) => r.kind)).toEqual([kind]);
    expect(n.rest).toBe(rest);
  });

  it.each([
    'mera certificate nahi mila',
    'caste certificate chahiye kyunki pehle wala nahi mila',
    'paise jama nahi hue',
    'nahi chahiye ab, rehne do',
    'cancel mat karo',
    'mere paas birth certificate nahi hai',
    'there is no need to hide my name',
    "I don't want to wait",
  ])('%j refuses no request', (text) => {
    expect(negatedRequests(text).refusals).toEqual([]);
  });
});
