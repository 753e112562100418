import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { detectCommand, forbidsCancel } from './detect-command.js';

describe('detectCommand: commands win over answers', () => {
  it.each([
    // cancel
    ['cancel', 'cancel'],
    ['pls cancell this', 'cancel'],
    ['cancle kar do bhai', 'cancel'],
    ['radd karo', 'cancel'],
    ['रद्द कर दीजिए', 'cancel'],
    ['rehne do', 'cancel'],
    ['कैंसिल कर दो', 'cancel'],
    ['nahi, cancel karo', 'cancel'],
    ['nahi abhi nahi, cancel', 'cancel'],
    // start again
    ['start over please', 'restart'],
    ['i want to start again', 'restart'],
    ['restrat', 'restart'],
    ['phir se shuru karo', 'restart'],
    ['sab shuru se karna hai', 'restart'],
    ['नए सिरे से', 'restart'],
    // menu
    ['main menu', 'menu'],
    ['menu dikhaiye', 'menu'],
    ['मुख्य मेनू', 'menu'],
    // a person
    ['can I talk to a real person', 'human'],
    ['kisi adhikari se baat karni hai', 'human'],
    ['किसी इंसान से बात कराइए', 'human'],
    ['connect me to someone', 'human'],
    // delete my data
    ['please delete all my data', 'delete_data'],
    ['mera data hata do', 'delete_data'],
    ['dleete my data', 'delete_data'],
    ['मेरी जानकारी मिटा दो', 'delete_data'],
    // reopen
    ['please reopen my complaint', 'reopen'],
    ['problem is still not solved', 'reopen'],
    ['ab bhi wahi haal hai, kuch nahi hua', 'reopen'],
    ['ward boy abhi bhi paise le rahe hain', 'reopen'],
    ['शिकायत दोबारा खोलें', 'reopen'],
    ['परेशानी अब भी हो रही है', 'reopen'],
    // certified copy
    ['I need a certified copy', 'certified_copy'],
    ['pramanit prati kaise milegi', 'certified_copy'],
    ['प्रमाणित प्रति चाहिए', 'certified_copy'],
    // collect / download
    ['how do i download the certificate', 'collect_certificate'],
    ['praman patra kahan se milega', 'collect_certificate'],
    ['pdf bhej do', 'collect_certificate'],
    ['प्रमाण पत्र कहाँ मिलेगा', 'collect_certificate'],
    ['where can I collect the certificate', 'collect_certificate'],
    ['certificate lene kahan aana hai', 'collect_certificate'],
  ])('%j → %s', (text, kind) => {
    expect(detectCommand(text)?.kind).toBe(kind);
  });

  it.each([
    ['English mein baat karo', 'en'],
    ['hindi please', 'hi'],
    ['हिंदी में बोलिए', 'hi'],
  ])('a language switch: %j → %s', (text, lang) => {
    expect(detectCommand(text)).toEqual({ kind: 'language', lang });
  });

  it.each([
    ['how much is the fee?', 'fees'],
    ['fees kitni lagegi', 'fees'],
    ['kitne paise lagenge', 'fees'],
    ['शुल्क कितना लगेगा', 'fees'],
    ['how long will it take', 'time'],
    ['kitne din me milega', 'time'],
    ['कितना समय लगेगा?', 'time'],
    ['which documents do I need', 'documents'],
    ['kya kya kagaz lagenge', 'documents'],
    ['कौन से दस्तावेज़ चाहिए', 'documents'],
  ])('a question: %j → %s', (text, topic) => {
    expect(detectCommand(text)).toEqual({ kind: 'question', topic });
  });

  it.each([
    'Data Hospital',
    'data hospital, lucknow',
    'Menu Road, Bareilly',
    '21 Menu Road',
    'Humana Hospital',
    'Agent Colony, Jaipur',
    'operation cancel kar diya unhone',
    // cancelling forbidden is no cancel
    'mat cancel karo',
    'cancel mat karo',
    'cancel nahi karna',
    'मत कैंसिल करो',
    'रद्द मत करो',
    "don't cancel",
    'bus stop ke paas wala hospital',
    'Start Point Hospital',
    'Options Clinic',
    'doctor ne 300 rupaye fees li',
    'unhone kitne paise maange ye bhi nahi bataya',
    'abhi bhi admit hoon',
    'Reena',
    'kal',
    'haan',
    'no',
    'ghar pe hua',
    'naam mat chhupao',
    'staff ne baat hi nahi ki',
    'delivery ke baad copy nahi di',
    'Smart City Hospital',
    'how do I get a birth certificate for my daughter',
    'beti ka birth certificate kaise banega',
  ])('an ordinary answer is no command: %j', (text) => {
    expect(detectCommand(text)).toBeNull();
  });
});

describe('analyse: a command is never the pending answer', () => {
  const now = new Date('2026-11-24T04:30:00Z');

  it.each([
    ['delete my data', 'hospitalName', 'delete_data'],
    ['cancel karo', 'motherName', 'cancel'],
    ['इसकी फीस कितनी है?', 'fatherName', 'question'],
    ['start over', 'address', 'restart'],
  ] as const)('%j asked for %s → command %s, no slot', (text, expecting, kind) => {
    const a = analyse(text, { now, expecting });
    expect(a.command?.kind).toBe(kind);
    expect(a.slots[expecting]).toBeUndefined();
  });

  it.each([
    ['Data Hospital', 'hospitalName'],
    ['12 Menu Road, Bareilly 243001', 'address'],
  ] as const)('%j stays the answer to %s', (text, expecting) => {
    const a = analyse(text, { now, expecting });
    expect(a.command).toBeUndefined();
    expect(a.slots[expecting]).toBeDefined();
  });
});

describe('typo repair does not turn names into commands', () => {
  it.each(['Suman', 'Raman', 'Aman', 'Mansi', 'Staffy', 'Parson', 'Resham', 'Canela', 'Meenu', 'Dileep'])(
    '%j',
    (name) => {
      expect(detectCommand(name)).toBeNull();
    },
  );
});

describe('money in a story, and paying, are not questions about fees', () => {
  it.each([
    'the nurse asked 2000 rupees for the delivery which should be free',
    'late fee kaise bharu? upi se ho jayega?',
    'how do I pay the fee',
    'फीस कैसे भरें',
  ])('%j', (text) => {
    expect(detectCommand(text)).toBeNull();
  });
});

describe('forbidsCancel', () => {
  it.each([
    ['mat cancel karo', true],
    ['cancel nahi karna', true],
    ['रद्द मत करो', true],
    ['कैंसिल नहीं करना', true],
    ['nahi, cancel karo', false],
    ['cancel', false],
    ['operation cancel ho gaya', false],
  ] as const)('%j → %s', (text, expected) => {
    expect(forbidsCancel(text)).toBe(expected);
  });
});
