import type { FieldExpectation, TableName } from './case-schema.js';

// A reviewer's verdict on a turn ("bad: stored the wrong date") turns into what a regression
// case expects: the field they meant must differ from what was stored — or be the value they
// wrote ("should be 12/11/2026"); a wrong language or tool becomes that turn's expectation.

export interface StaffAnnotation {
  turnId: number;
  verdict: 'good' | 'bad';
  label: string | null;
  note: string | null;
}

export interface AnnotationContext {
  /** the arguments of the turn's last tool call */
  args: Record<string, unknown>;
  /** records the conversation created */
  created: Record<TableName, Record<string, unknown>[]>;
  /** tools the turn called */
  tools: string[];
  conversationLanguage: string | null;
}

export interface AnnotationExpectations {
  turn: {
    args?: Record<string, FieldExpectation>;
    replyLanguage?: string;
    notTool?: string[];
  };
  record: Partial<Record<TableName, Record<string, FieldExpectation>>>;
}

// what reviewers call a field → the field
const WORDS: [RegExp, string[]][] = [
  [/date of birth|birth ?date|\bdob\b|janm tithi|जन्म तिथि/, ['dateOfBirth']],
  [/incident|when it happened|घटना/, ['incidentDate']],
  [/\bdate\b|tareekh|तारीख/, ['dateOfBirth', 'incidentDate', 'dateOfDeath']],
  [/mother|maa\b|माँ|माता/, ['motherName']],
  [/father|pita|papa|पिता/, ['fatherName', 'fatherOrHusbandName']],
  [/child|baby|bachch|बच्च/, ['childName']],
  [/hospital|aspatal|अस्पताल/, ['hospitalName', 'placeOfBirth']],
  [/\bpin\b|pincode|pin code|पिन/, ['pinCode']],
  [/district|zila|zile|ज़िल|जिल/, ['district']],
  [/address|pata\b|पता/, ['address']],
  [/\bsex\b|gender|boy|girl|लिंग/, ['sex']],
  [/category|श्रेणी/, ['category']],
  [/anonym|hidden|gupt|गुप्त/, ['anonymous']],
  [/place of birth|born at|जन्म स्थान/, ['placeOfBirth', 'placeOfBirthType']],
  [/description|what happened/, ['description']],
  [/amount|fee|₹|rupee/, ['amountPaise']],
  [/\bname\b|naam|नाम/, ['childName', 'motherName', 'fatherName', 'applicantName', 'deceasedName']],
];

const fold = (s: string) => s.toLowerCase().replace(/_/g, ' ');

function correctValue(note: string): string | null {
  const m =
    /(?:should be|should have been|correct(?: value)?(?: is)?|actually|instead of .*? it is|→|=>)\s*[:"“]?([^"”]+?)["”]?\s*\.?$/i.exec(
      note,
    );
  if (!m) return null;
  const v = m[1].trim();
  const d = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (d) return `${d[3]}-${d[2].padStart(2, '0')}-${d[1].padStart(2, '0')}`;
  return v;
}

/** What one staff annotation asks of the replay. Good verdicts ask nothing new. */
export function expectationsFromAnnotation(
  a: StaffAnnotation,
  ctx: AnnotationContext,
): AnnotationExpectations {
  const out: AnnotationExpectations = { turn: {}, record: {} };
  if (a.verdict !== 'bad') return out;
  const text = fold([a.label, a.note].filter(Boolean).join(' '));
  const note = [a.label, a.note].filter(Boolean).join(': ');
  if (/language|script|bhasha|भाषा|replied in (english|hindi)/.test(text) && ctx.conversationLanguage)
    out.turn.replyLanguage = ctx.conversationLanguage;
  if (/wrong tool|should not (have )?(call|submit|file)|tool/.test(text) && ctx.tools.length)
    out.turn.notTool = ctx.tools;

  const present = new Set([
    ...Object.keys(ctx.args),
    ...Object.values(ctx.created).flatMap((rows) =>
      rows.flatMap((r) => Object.keys(r).filter((k) => r[k] !== null)),
    ),
  ]);
  // a field named outright (dateOfBirth, pin_code) wins; otherwise the reviewer's words
  const named = [...present].filter((f) => text.replace(/\s/g, '').includes(f.toLowerCase()));
  let fields = named;
  if (!fields.length)
    for (const [re, fs] of WORDS) {
      const hit = fs.filter((f) => present.has(f));
      if (re.test(text) && hit.length) {
        fields = [hit[0]];
        break;
      }
    }
  const value = a.note ? correctValue(a.note) : null;
  for (const field of fields) {
    const observed = (ctx.args[field] ??
      Object.values(ctx.created)
        .flat()
        .find((r) => r[field] !== null && r[field] !== undefined)?.[field]) as
      | string
      | number
      | boolean
      | undefined;
    const exp: FieldExpectation =
      value !== null
        ? value
        : observed === undefined
          ? { present: true }
          : { not: observed, note: `staff: ${note}` };
    if (field in ctx.args) out.turn.args = { ...out.turn.args, [field]: exp };
    for (const [table, rows] of Object.entries(ctx.created) as [TableName, Record<string, unknown>[]][])
      if (rows.some((r) => field in r)) out.record[table] = { ...out.record[table], [field]: exp };
  }
  return out;
}
