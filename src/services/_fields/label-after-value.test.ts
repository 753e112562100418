import { describe, expect, it } from 'vitest';
import { extractDistrict } from '../../nlu/extract-district.js';
import { valueBeforeLabel } from './label-after-value.js';

const district = (w: string) => extractDistrict(w, { bare: true }) !== null;
// the value before the label, as the message has it, or null
const partBefore = (text: string, label: string, from = 0) => {
  const at = valueBeforeLabel(text, from, text.indexOf(label), district);
  return at === null ? null : text.slice(at, text.indexOf(label)).trim();
};

describe('valueBeforeLabel: a district named before its label', () => {
  it('takes the part between the last break and the label', () => {
    expect(partBefore('address House 12 Shivpuri Colony, Patna district, pin 800001', 'district', 7)).toBe(
      'Patna',
    );
    expect(partBefore('पता मकान 12 शिवपुरी कॉलोनी\nपटना जिला', 'जिला', 3)).toBe('पटना');
    expect(partBefore('Patna district', 'district')).toBe('Patna');
  });

  it('takes no clause, and nothing that is not a district', () => {
    // no break after the address's label: the address's words are not the district's
    expect(partBefore('address House 12 Shivpuri Colony Patna district', 'district', 7)).toBeNull();
    expect(partBefore('naam Ramesh, House 12 district', 'district', 4)).toBeNull();
  });
});
