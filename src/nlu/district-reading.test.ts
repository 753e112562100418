import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { districtOfPin, readDistrict } from './extract-district.js';

const now = new Date('2026-11-24T04:30:00Z');

describe('readDistrict: places that share a district name', () => {
  it.each([
    ['Gram Sultanpur, post Kakori, Lucknow', 'Lucknow'],
    ['near Hamirpur road chauraha, Kanpur', 'Kanpur Nagar'],
    ['H.No 9, Rampur Bazar, Bareilly', 'Bareilly'],
    ['Sitapur road, Lucknow', 'Lucknow'],
    ['Basti colony, ward 12, Gorakhpur', 'Gorakhpur'],
    ['रामपुर गाँव, वाराणसी', 'Varanasi'],
    ['प्रतापगढ़ रोड, प्रयागराज', 'Prayagraj'],
  ])('%j → %s', (text, district) => {
    expect(readDistrict(text)).toEqual({ district, confidence: 'sure' });
  });

  it("takes the PIN's district when the only name is a village's", () => {
    expect(readDistrict('Pratapgarh village, tehsil Pindra', { pinCode: '221206' })?.district).toBe(
      'Varanasi',
    );
    expect(analyse('ghar no 3, Rampur village, 221105', { now, expecting: 'address' }).slots.district).toBe(
      'Varanasi',
    );
  });

  it('lets the PIN choose between two districts written', () => {
    expect(readDistrict('Unnao wale chacha ke ghar ke paas, Lucknow', { pinCode: '226010' })?.district).toBe(
      'Lucknow',
    );
  });

  it('asks to confirm a district its PIN contradicts', () => {
    expect(readDistrict('Agra', { pinCode: '226005' })).toEqual({
      district: 'Agra',
      confidence: 'confirm',
      reason: 'pin_mismatch',
    });
  });

  it.each([
    ['lko', 'Lucknow'],
    ['LKO', 'Lucknow'],
    ['ggn', 'Gurugram'],
    ['sector 56 ggn', 'Gurugram'],
    ['bsb', 'Varanasi'],
    ['knp', 'Kanpur Nagar'],
    ['gkp', 'Gorakhpur'],
  ])('the short form %j is read as %s, to be confirmed', (text, district) => {
    expect(readDistrict(text, { bare: true })).toMatchObject({
      district,
      confidence: 'confirm',
      reason: 'short_form',
    });
    expect(readDistrict(text)?.heard).toBe(text.split(' ').pop()?.toLowerCase());
  });

  it('a one-letter typo is read but confirmed', () => {
    expect(readDistrict('bareilyy')).toMatchObject({
      district: 'Bareilly',
      confidence: 'confirm',
      reason: 'typo',
    });
  });

  it('a full name is sure', () => {
    expect(readDistrict('Lucknow', { pinCode: '226016' })).toEqual({
      district: 'Lucknow',
      confidence: 'sure',
    });
  });
});

describe('districtOfPin', () => {
  it.each([
    ['226024', 'Lucknow'],
    ['221 005', 'Varanasi'],
    ['122018', 'Gurugram'],
    ['201301', 'Gautam Buddh Nagar'],
    ['244901', 'Rampur'],
    ['999999', null],
    ['12345', null],
  ])('%s → %s', (pin, district) => {
    expect(districtOfPin(pin)).toBe(district);
  });
});

describe('a cue between two names', () => {
  it('goes with the name after it: "CHC Rampur, district Moradabad"', () => {
    expect(readDistrict('complaint about CHC Rampur, district Moradabad')?.district).toBe('Moradabad');
    expect(readDistrict('Rampur district')?.district).toBe('Rampur');
  });
});

describe('short forms that are other words', () => {
  it.each(['mere paas BPL card hai', 'CCU mein bed nahi tha', 'maa ka naam Sunita'])(
    '%j names no district',
    (text) => {
      expect(readDistrict(text)).toBeNull();
    },
  );
});

describe('a hospital named after a town', () => {
  it.each([
    ['Sitapur Eye Hospital, Lucknow', 'Lucknow'],
    ['Agra Medical Centre, Mathura', 'Mathura'],
    ['Sitapur Eye Hospital', 'Sitapur'],
    ['District Hospital Sitapur', 'Sitapur'],
  ])('%j → %s', (text, district) => {
    expect(readDistrict(text)?.district).toBe(district);
  });
});

describe('a health centre or hospital named after a place', () => {
  it.each([
    ['PHC rampur bareilly', 'Bareilly'],
    ['CHC Rampur, Moradabad', 'Moradabad'],
    ['प्राथमिक स्वास्थ्य केंद्र रामपुर, बरेली', 'Bareilly'],
    ['Community Health Centre Rampur Bareilly', 'Bareilly'],
  ])('%j → %s (the district named apart)', (text, district) => {
    expect(readDistrict(text)).toEqual({ district, confidence: 'sure' });
  });

  it.each(['PHC Rampur', 'प्राथमिक स्वास्थ्य केंद्र रामपुर', 'बलरामपुर अस्पताल', 'Balrampur hospital'])(
    '%j names a place, not the district',
    (text) => {
      expect(readDistrict(text)?.placeOnly).toBe(true);
    },
  );
});
