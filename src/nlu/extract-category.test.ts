import { describe, expect, it } from 'vitest';
import { foldForMatch, normalise, tokens } from '../lang/normalise.js';
import { extractAddress } from './extract-address.js';
import { extractAnonymous } from './extract-anonymous.js';
import { extractCategory } from './extract-category.js';

const folded = (text: string) => tokens(foldForMatch(text));

describe('extractCategory', () => {
  it.each([
    ['The ward was dirty and the toilet smelled', 'cleanliness'],
    ['ऑपरेशन के बाद कोई डॉक्टर देखने नहीं आया, नर्स ने भी बात नहीं सुनी', 'staff_behaviour'],
    ['the doctor asked for money', 'bribery_or_fees'],
    ['they charged extra fees for a free service', 'bribery_or_fees'],
    ['medicine not available in the hospital pharmacy', 'medicine_unavailable'],
    ['the staff was very rude', 'staff_behaviour'],
    ['waited 5 hours in the queue', 'waiting_time'],
    ['the x-ray machine is broken', 'equipment_or_facilities'],
    ['वार्ड में बहुत गंदगी है', 'cleanliness'],
    ['डॉक्टर ने पैसे माँगे', 'bribery_or_fees'],
    ['रिश्वत मांगी', 'bribery_or_fees'],
    ['दवाई नहीं मिली', 'medicine_unavailable'],
    ['नर्स ने डांटा', 'staff_behaviour'],
    ['घंटों इंतज़ार करना पड़ा', 'waiting_time'],
    ['पंखा खराब है', 'equipment_or_facilities'],
    ['ward bahut ganda tha', 'cleanliness'],
    ['toilet mein badboo', 'cleanliness'],
    ['safai nahi hoti', 'cleanliness'],
    ['doctor ne paise maange', 'bribery_or_fees'],
    ['rishwat li', 'bribery_or_fees'],
    ['dawai nahi mili', 'medicine_unavailable'],
    ['bahar se dawa kharidni padi', 'medicine_unavailable'],
    ['nurse ne daanta aur chillayi', 'staff_behaviour'],
    ['badtameezi ki', 'staff_behaviour'],
    ['ghanton intezaar karna pada line mein', 'waiting_time'],
    ['x ray band hai', 'equipment_or_facilities'],
    ['bed nahi mila', 'equipment_or_facilities'],
    // money denied is no bribe; a bribe not given, or "or else", still is
    [
      'AIIMS Delhi: no bribe was asked, but the X-ray machine has been broken for a week',
      'equipment_or_facilities',
    ],
    ['kisi ne rishwat nahi maangi, lekin MRI machine kharab hai', 'equipment_or_facilities'],
    ['किसी ने रिश्वत नहीं मांगी पर पंखा खराब है', 'equipment_or_facilities'],
    ['paise nahi maange par ward bahut ganda tha', 'cleanliness'],
    ['500 rupaye nahi liye, doctor ne badtameezi ki', 'staff_behaviour'],
    ['rishwat nahi di to ilaj nahi kiya', 'bribery_or_fees'],
    ['they refused treatment for not giving a bribe', 'bribery_or_fees'],
    ['doctor ne paise maange nahi to ilaj nahi karenge bola', 'bribery_or_fees'],
    ['x-ray ke 500 rupaye liye, no receipt', 'bribery_or_fees'],
  ] as const)('%j → %s', (text, category) => {
    expect(extractCategory(folded(text))).toBe(category);
  });

  it.each(['doctor acha tha', 'mujhe shikayat karni hai', 'hospital'])('finds no category in %j', (text) => {
    expect(extractCategory(folded(text))).toBeNull();
  });
});

describe('extractAnonymous', () => {
  it.each([
    ['please keep me anonymous', true],
    ["don't share my name", true],
    ['मेरा नाम न बताएं', true],
    ['गुमनाम रखें', true],
    ['naam mat batana', true],
    ['mera naam na batayein', true],
    ['gupt rakhna', true],
    ['you can share my name', false],
    ['no need to hide my name', false],
    ['naam mat chhupana', false],
    ['छुपाने की जरूरत नहीं', false],
    ['naam bata sakte ho', false],
    ['नाम बता सकते हैं', false],
    ['doctor ne daanta', null],
  ] as const)('%j → %s', (text, anonymous) => {
    expect(extractAnonymous(folded(text))).toBe(anonymous);
  });
});

describe('extractAddress', () => {
  it.each([
    ['my address is flat 4, sector 62, noida', 'flat 4, sector 62, noida'],
    ['I live in 221B Baker Street, Delhi 110001', '221B Baker Street, Delhi 110001'],
    ['पता - मकान 12, गांधी नगर, लखनऊ 226001', 'मकान 12, गांधी नगर, लखनऊ 226001'],
    ['हम 5 राम नगर सीतापुर में रहते हैं', '5 राम नगर सीतापुर'],
    ['pata: 12 Gandhi Nagar, Lucknow 226001', '12 Gandhi Nagar, Lucknow 226001'],
    ['ghar ka pata 45 civil lines sitapur hai', '45 civil lines sitapur'],
    ['hum 12 gandhi nagar lucknow mein rehte hain', '12 gandhi nagar lucknow'],
    ['pata hai gram rampur, post bisalpur, pilibhit', 'gram rampur, post bisalpur, pilibhit'],
    // the first letters of an address are its own, not a "h(ai)" or "is" after the cue
    ['address H.No. 45, Gandhi Nagar, Jaipur 302001', 'H.No. 45, Gandhi Nagar, Jaipur 302001'],
    ['address Hanuman Nagar 12, Jaipur', 'Hanuman Nagar 12, Jaipur'],
    ['pata Islampur mohalla 4, Bareilly', 'Islampur mohalla 4, Bareilly'],
    ['address h 12 gandhi nagar jaipur', '12 gandhi nagar jaipur'],
    ['H.No. 45, Gandhi Nagar, Jaipur 302001', 'H.No. 45, Gandhi Nagar, Jaipur 302001'],
  ])('%j → %j', (text, address) => {
    expect(extractAddress(normalise(text))).toBe(address);
  });

  it.each(['pata nahi', 'mujhe pata chala ki doctor ne paise maange', 'पता नहीं', 'address'])(
    'finds no address in %j',
    (text) => {
      expect(extractAddress(normalise(text))).toBeNull();
    },
  );

  it('takes the whole answer when the engine asked for the address', () => {
    expect(extractAddress('12 MG Road Kanpur 208001', { bare: true })).toBe('12 MG Road Kanpur 208001');
    expect(extractAddress('gram rampur', { bare: true })).toBe('gram rampur');
    expect(extractAddress('haan', { bare: true })).toBeNull();
  });
});
