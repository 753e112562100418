import { foldForMatch } from '../lang/normalise.js';
import { PhraseIndex } from './phrase-index.js';

/** Field names of DESIGN.md §4 a correction or a label can point at. */
export type FieldName =
  | 'childName'
  | 'motherName'
  | 'fatherName'
  | 'fatherOrHusbandName'
  | 'applicantName'
  | 'deceasedName'
  | 'informantName'
  | 'dateOfBirth'
  | 'dateOfDeath'
  | 'incidentDate'
  | 'address'
  | 'district'
  | 'pinCode'
  | 'hospitalName'
  | 'placeOfBirth'
  | 'sex'
  | 'description'
  | 'category';

/** A label that names no one field: the form engine maps it to the form's own name/date field. */
export type GenericCue = 'name' | 'date';

const CUES: [FieldName | GenericCue, string][] = [
  [
    'childName',
    `child s name|childs name|child name|baby s name|babys name|baby name|baby ka naam|bachche ka naam|bacche ka naam|bachchi ka naam
bachi ka naam|beti ka naam|bete ka naam|beta ka naam|daughter s name|son s name|बच्चे का नाम|बच्ची का नाम|बेटी का नाम|बेटे का नाम|शिशु का नाम`,
  ],
  [
    'motherName',
    `mother s name|mothers name|mother name|mom s name|mother|maa ka naam|ma ka naam|mata ka naam|mataji ka naam|mata ji ka naam
mummy ka naam|mother ka naam|माँ का नाम|मां का नाम|माता का नाम|माताजी का नाम|मम्मी का नाम|maa|mata|mummy|माँ|मां|माता|मम्मी|wife s name|wife|patni|पत्नी`,
  ],
  [
    'fatherName',
    `father s name|fathers name|father name|dad s name|father|dad|pita ka naam|pitaji ka naam|pita ji ka naam|papa ka naam
father ka naam|पिता का नाम|पिताजी का नाम|पापा का नाम|pita|pitaji|papa|पिता|पिताजी|पापा`,
  ],
  [
    'fatherOrHusbandName',
    `father or husband s name|father husband name|husband s name|husbands name|husband name|husband|pati ka naam|पति का नाम|pati|पति`,
  ],
  [
    'applicantName',
    `applicant s name|applicant name|aavedak ka naam|avedak ka naam|आवेदक का नाम|my name|mera naam|मेरा नाम`,
  ],
  ['deceasedName', `deceased s name|deceased name|mritak ka naam|मृतक का नाम`],
  ['informantName', `informant s name|informant name|informant|suchna dene wale ka naam|सूचना देने वाले का नाम`],
  [
    'dateOfBirth',
    `date of birth|dob|d o b|birth date|birthdate|janm tithi|janm ki tarikh|janam ki tarikh|janm tarikh|janam tarikh|जन्म तिथि|जन्मतिथि
जन्म की तारीख|जन्म तारीख|born on|paida hone ki tarikh`,
  ],
  ['dateOfDeath', `date of death|mrityu tithi|mrityu ki tarikh|मृत्यु तिथि|मृत्यु की तारीख|death date`],
  [
    'incidentDate',
    `incident date|date of incident|date of the incident|ghatna ki tarikh|ghatna ki date|घटना की तारीख|घटना की तिथि`,
  ],
  [
    'address',
    `address|addr|pata|पता|ghar ka pata|घर का पता|ghar ka address|parents address|parents ka pata|mata pita ka pata|माता पिता का पता`,
  ],
  ['district', `district|distt|dist|zila|jila|zilla|जिला|जिले|janpad|जनपद`],
  ['pinCode', `pin code|pincode|pin|पिन|पिनकोड|पिन कोड|postal code|zip`],
  ['hospitalName', `hospital name|hospital ka naam|hospital|aspatal|अस्पताल|अस्पताल का नाम|aspatal ka naam`],
  ['placeOfBirth', `place of birth|birth place|janm sthan|janm ki jagah|जन्म स्थान|जन्म का स्थान`],
  ['sex', `gender|sex|ling|लिंग`],
  ['description', `description|vivran|विवरण|complaint text|shikayat ka vivran`],
  ['category', `category|shreni|श्रेणी`],
  ['name', `name|naam|nam|नाम`],
  ['date', `date|tarikh|tareekh|तारीख|तिथि`],
];

const INDEX = new PhraseIndex<FieldName | GenericCue>(
  CUES.flatMap(([field, text]) => text.split(/[|\n]/).map((p) => [p.trim(), field] as const)),
);

/** Words of a text as written, each with its folded words (one raw "father's" folds to "father s"). */
export interface Words {
  raw: string[];
  /** folded words, flattened */
  folded: string[];
  /** owner[i]: index in raw of folded word i */
  owner: number[];
}

export function wordsOf(text: string): Words {
  const raw = text.split(/\s+/).filter((w) => w !== '');
  const folded: string[] = [];
  const owner: number[] = [];
  raw.forEach((w, i) => {
    for (const f of foldForMatch(w).split(' ')) {
      if (f === '') continue;
      folded.push(f);
      owner.push(i);
    }
  });
  return { raw, folded, owner };
}

export interface CueHit {
  field: FieldName | GenericCue;
  /** raw word range [start, end) of the label */
  start: number;
  end: number;
}

/** Field labels in the text ("father's name", "DOB", "पता"), longest first at each place. */
export function fieldCues(w: Words): CueHit[] {
  return INDEX.findLongest(w.folded).map((h) => ({
    field: h.value,
    start: w.owner[h.start],
    end: w.owner[h.end - 1] + 1,
  }));
}

/** The field a label names: "maa ka naam" → motherName, "DOB" → dateOfBirth; null if none. */
export function fieldOfCue(text: string): FieldName | GenericCue | null {
  return fieldCues(wordsOf(text))[0]?.field ?? null;
}
