import { describe, expect, it } from 'vitest';
import { districtAside, namedPlace, slotOf } from './nlu-read.js';

const now = new Date('2026-11-24T04:30:00Z');

describe('namedPlace: the kind of hospital is not its name', () => {
  it.each([
    'government hospital',
    'govrenment hospital',
    'Govrnment Hosptal',
    'sarkari aspatal',
    'a govenment hospital',
  ])('%j is no name', (value) => {
    expect(namedPlace(value)).toBeUndefined();
  });
  it.each(['Government Medical College', 'District Women Hospital', 'Balrampur Hospital'])(
    '%j is a name',
    (value) => {
      expect(namedPlace(value)).toBe(value);
    },
  );
});

describe('districtAside: no district from a place named like one', () => {
  it.each([
    ['बलरामपुर अस्पताल', undefined],
    ['PHC Rampur', undefined],
    ['PHC rampur bareilly', 'Bareilly'],
    ['Balrampur hospital lucknow', 'Lucknow'],
    ['District Hospital Agra', 'Agra'],
  ])('%j → %s', (text, district) => {
    expect(districtAside(text, now)).toBe(district);
  });
});

describe('the hospital as the citizen wrote it, on the hospital question', () => {
  it.each([
    ['Government Medical College', 'Government Medical College'],
    ['district women hospital', 'District Women Hospital'],
    ['CHC Bakshi ka Talab', 'CHC Bakshi Ka Talab'],
    ["St. Mary's Hospital", "St. Mary's Hospital"],
    ['community health centre', 'Community Health Centre'],
    ['ok so Community Health Centre thank you', 'Community Health Centre'],
    ['PHC rampur bareilly', 'PHC Rampur'],
  ])('%j → %j', (text, name) => {
    expect(slotOf(text, now, 'hospitalName')).toBe(name);
  });

  it('a greeting before the hospital word is no name', () => {
    expect(slotOf('नमस्कार अस्पताल की शिकायत दर्ज करनी है', now, 'hospitalName')).toBeUndefined();
  });
});
