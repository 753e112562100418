import { stripTalk } from './answer-frame.js';
import { readPersonName } from './read-person-name.js';

// An applicant written with the father or husband, as on a form: "रमेश कुमार पुत्र सुरेश कुमार",
// "सुनीता पत्नी राम प्रसाद", "Ramesh son of Suresh", "Ramesh Kumar beta Suresh Kumar ka", "Aman
// Kumar, mere papa Vijay Kumar hain", "Suresh ka beta Ramesh". Each name goes to its own field (as
// "S/o", "W/o" already did); whole, the line would be one wrong name.

const OF =
  '(?:s/o|d/o|w/o|s\\.o\\.?|d\\.o\\.?|w\\.o\\.?|son of|daughter of|wife of|putra|putri|suputra|suputri|patni|dharmpatni|पुत्र|पुत्री|सुपुत्र|सुपुत्री|पत्नी|धर्मपत्नी)(?:\\s+(?:shri|sri|shree|late|स्व\\.?|श्री))?';
const CHILD = '(?:beta|beti|bete|putra|putri|patni|wife|son|daughter|बेटा|बेटी|पुत्र|पुत्री|पत्नी)';
const OF_WORD = '(?:ka|ki|ke|का|की|के)';
const PARENT =
  '(?:(?:mere|meri|mera|my|hamare|humare|मेरे|मेरी|मेरा|हमारे)\\s+)(?:papa ji|papa|pitaji|pita ji|pita|father|dad|pati|husband|पापा|पिताजी|पिता जी|पिता|पति)(?:\\s+(?:ka naam|का नाम|ka name|name is|is|hai|है))?';
const COPULA = '(?:\\s+(?:hain|hai|h|the|tha|है|हैं|थे|था))?';

const FORMS: { re: RegExp; applicant: number; relative: number }[] = [
  // "A putra B", "A s/o B", "A son of B"
  { re: new RegExp(`^(.+?)[\\s,]+${OF}[\\s:]+(.+?)$`, 'iu'), applicant: 1, relative: 2 },
  // "A beta B ka"
  {
    re: new RegExp(`^(.+?)[\\s,]+${CHILD}\\s+(.+?)\\s+${OF_WORD}${COPULA}$`, 'iu'),
    applicant: 1,
    relative: 2,
  },
  // "B ka beta A"
  { re: new RegExp(`^(.+?)\\s+${OF_WORD}\\s+${CHILD}[\\s,]+(.+?)$`, 'iu'), applicant: 2, relative: 1 },
  // "A, mere papa B hain"
  { re: new RegExp(`^(.+?)[\\s,]+${PARENT}\\s+(.+?)${COPULA}$`, 'iu'), applicant: 1, relative: 2 },
];

/** The applicant's and the father's (or husband's) names of such a line, or null when it is none. */
export function nameWithRelative(text: string): { name: string; relative: string } | null {
  const line = stripTalk(text)
    .replace(/[\s.!।]+$/u, '')
    .replace(/\s+/g, ' ');
  for (const f of FORMS) {
    const m = f.re.exec(line);
    if (!m) continue;
    const name = readPersonName(m[f.applicant]);
    const relative = readPersonName(m[f.relative]);
    if (name && relative) return { name, relative };
  }
  return null;
}

/** The applicant's name of an answer: the first name of such a line, else the answer read as a name. */
export function readApplicantName(text: string): string | null {
  return nameWithRelative(text)?.name ?? readPersonName(text);
}

/** The father's (or husband's) name the applicant's answer gives with it ("… पुत्र सुरेश कुमार"). */
export function relativeOfApplicant(text: string): Record<string, unknown> {
  const pair = nameWithRelative(text);
  return pair ? { fatherOrHusbandName: pair.relative } : {};
}
