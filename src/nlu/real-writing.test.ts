import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import type { SlotName } from './analysis.js';

const now = new Date('2026-11-24T04:30:00Z');
const slots = (text: string, expecting?: SlotName) =>
  analyse(text, { now, ...(expecting ? { expecting } : {}) }).slots;

describe('slots as people really write them', () => {
  it.each([
    ['बीस नवंबर को बेटी हुई', '2026-11-20'],
    ['pandrah november ko beta hua', '2026-11-15'],
    ['sorry not 12 march, it was 12 november', '2026-11-12'],
    ['12 march nahi 12 november', '2026-11-12'],
  ])('the date of "%s" is %s', (text, date) => {
    expect(slots(text, 'dateOfBirth').dateOfBirth).toBe(date);
  });

  it('an ordinal alone is a day of this month, but not a floor in an address', () => {
    expect(slots('on 19th', 'incidentDate').incidentDate).toBe('2026-11-19');
    expect(slots('2nd floor, 12 civil lines lucknow 226001', 'address')).not.toHaveProperty('incidentDate');
    expect(slots('kar do november me', 'dateOfBirth')).not.toHaveProperty('dateOfBirth');
  });

  it('a village that shares a district name yields to the district after it', () => {
    expect(slots('gaon rampur, post khas, aagra 282001', 'address')).toMatchObject({
      district: 'Agra',
      pinCode: '282001',
    });
    expect(slots('गाँव रामपुर, पोस्ट खास, आगरा', 'address').district).toBe('Agra');
  });

  it('a denied name is replaced by the one after it', () => {
    expect(slots('sorry naam tara nahi, naam tanvi hai', 'childName').childName).toBe('Tanvi');
    expect(slots('rekha nahi reena', 'motherName').motherName).toBe('Reena');
    expect(slots('माँ का नाम गलत है, सही नाम सुनीता देवी है').motherName).toBe('सुनीता देवी');
  });

  it('correction words and requests are never names', () => {
    expect(slots('maa ka naam badalna hai', 'childName')).toEqual({});
    expect(slots('this is too complicated', 'childName')).toEqual({});
    expect(slots('wait', 'childName')).toEqual({});
  });

  it('a lower-case place after CHC/PHC is part of the name, the first named hospital wins', () => {
    expect(slots('complaint against chc sarojini nagar, staff was rude').hospitalName).toBe(
      'CHC Sarojini Nagar',
    );
    expect(slots('aspatal me dawai nahi mili phc bakshi ka talab lucknow').hospitalName).toBe('PHC Bakshi');
    expect(slots('holy family hospital', 'placeOfBirth').placeOfBirth).toBe('Holy Family Hospital');
    expect(slots('राम मनोहर लोहिया अस्पताल', 'placeOfBirth').placeOfBirth).toBe('राम मनोहर लोहिया अस्पताल');
  });

  it('not knowing is not a hospital name', () => {
    expect(slots('pata nahi naam', 'hospitalName')).not.toHaveProperty('hospitalName');
    expect(slots('skip', 'hospitalName')).not.toHaveProperty('hospitalName');
  });

  it.each([
    ['haan chhupa do', true],
    ['mera naam mat batana', true],
    ["don't show my name", true],
    ['nahi mat chhupao', false],
  ])('"%s" sets anonymous to %s', (text, anonymous) => {
    expect(slots(text, 'anonymous').anonymous).toBe(anonymous);
  });

  it.each([
    ['the nurse asked for 500 rs to let us see my mother', 'bribery_or_fees'],
    ['they made us wait 5 hrs and the doctor never came', 'waiting_time'],
    ['hamare gaon ke phc me doctor aate hi nahi', 'staff_behaviour'],
  ])('"%s" is about %s', (text, category) => {
    expect(slots(text).category).toBe(category);
  });

  it('bachi, daughters and sons tell the sex', () => {
    expect(slots('bachi', 'sex').sex).toBe('female');
    expect(slots('I WANT TO REGISTER MY DAUGHTERS BIRTH').sex).toBe('female');
  });
});
