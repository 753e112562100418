import { describe, expect, it } from 'vitest';
import { normalise } from '../lang/normalise.js';
import { findHospital } from './extract-hospital.js';
import { extractPlaceOfBirth } from './extract-place-of-birth.js';
import { tokenise } from './tokenise.js';

const place = (text: string) => extractPlaceOfBirth(tokenise(normalise(text)));
const hospital = (text: string) => findHospital(tokenise(normalise(text)))?.name ?? null;

describe('extractPlaceOfBirth', () => {
  it.each([
    ['born at Apollo Hospital, Delhi', { type: 'hospital', name: 'Apollo Hospital' }],
    ['in the district hospital', { type: 'hospital', name: 'District Hospital' }],
    ['at home', { type: 'home', name: null }],
    ['in the ambulance on the way', { type: 'other', name: null }],
    ['सफदरजंग अस्पताल में हुआ', { type: 'hospital', name: 'सफदरजंग अस्पताल' }],
    ['सरकारी अस्पताल में', { type: 'hospital', name: 'सरकारी अस्पताल' }],
    ['घर पर हुआ', { type: 'home', name: null }],
    ['रास्ते में', { type: 'other', name: null }],
    ['AIIMS Delhi mein hua', { type: 'hospital', name: 'AIIMS Delhi' }],
    ['sarkari aspatal me', { type: 'hospital', name: 'Sarkari Aspatal' }],
    ['ek hospital mein', { type: 'hospital', name: null }],
    ['PHC mein', { type: 'hospital', name: null }],
    ['nursing home mein', { type: 'hospital', name: null }],
    ['ghar par hi hua', { type: 'home', name: null }],
    ['ghar pe', { type: 'home', name: null }],
  ])('%j', (text, expected) => {
    expect(place(text)).toEqual(expected);
  });

  it('does not read "ghar ka pata" as a home birth', () => {
    expect(place('ghar ka pata 12 civil lines')).toBeNull();
  });

  it('reads "हमारे घर बेटा हुआ" (a child in the family) as no place, "hamare ghar pe hua" as home', () => {
    expect(place('हमारे घर 12 नवंबर को बेटा हुआ है')).toBeNull();
    expect(place('mere ghar beti hui hai')).toBeNull();
    expect(place('hamare ghar pe hua')).toEqual({ type: 'home', name: null });
  });
});

describe('extractPlaceOfBirth: home words said of where the birth happened', () => {
  it.each([
    ['mere ghar', 'home'],
    ['मेरे घर', 'home'],
    ['मेरे घर।', 'home'],
    ['hamare ghar', 'home'],
    ['in our village', 'home'],
    ['in the village', 'home'],
    ['gaon mein', 'home'],
    ['apne gaon', 'home'],
    ['village', 'home'],
    ['गाँव में हुआ', 'home'],
    ['गांव में', 'home'],
    ['Rampur gaon mein hua', 'home'],
  ])('%j → %s', (text, type) => {
    expect(place(text)).toEqual({ type, name: null });
  });

  it.each([
    'gaon ka pata Rampur',
    'गाँव का नाम रामपुर',
    'village Rampur, district Sitapur',
    'hum Rampur gaon mein rehte hain',
    'Gandhi Nagar',
    '302001',
  ])('%j names no kind of place', (text) => {
    expect(place(text)).toBeNull();
  });

  it('a village hospital is a hospital', () => {
    expect(place('गाँव के अस्पताल में')).toEqual({ type: 'hospital', name: null });
  });

  it('"at home, address …" is a home birth; "home address …" only an address', () => {
    expect(place('born at home, address 12/11 Gandhi Nagar Jaipur')).toEqual({ type: 'home', name: null });
    expect(place('home address 12 civil lines')).toBeNull();
  });
});

describe('findHospital', () => {
  it.each([
    ['District Hospital Sitapur mein', 'District Hospital Sitapur'],
    ['KGMU lucknow me doctor ne daanta', 'KGMU Lucknow'],
    ['Safdarjung Hospital', 'Safdarjung Hospital'],
    ['civil hospital gurgaon', 'Civil Hospital Gurgaon'],
    ['सदर अस्पताल में गंदगी', 'सदर अस्पताल'],
    ['sadar aspatal', 'Sadar Aspatal'],
    ['Ram Manohar Lohia hospital', 'Ram Manohar Lohia Hospital'],
    ['lucknow ke balrampur hospital mein', 'Balrampur Hospital'],
    ['aiims', 'AIIMS'],
    ['hospital me hua', null],
    ['beta hua hai sarkari aspatal mein', 'Sarkari Aspatal'],
    ['a hospital nearby', null],
    ['no hospital here', null],
  ])('%j → %j', (text, name) => {
    expect(hospital(text)).toBe(name);
  });
});
