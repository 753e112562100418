import { foldForMatch } from '../../lang/normalise.js';
import { tellsOfDeath } from '../../nlu/death-request.js';
import { namedPlace, openingSlots } from '../_fields/nlu-read.js';

/**
 * What a message that tells of a death says of it, beyond its labelled parts: "papa ki death
 * 5 november ko KGMU hospital Lucknow mein hui" names the deceased's sex (a father), the date and
 * the place. Each is read only where the words tie it to the death itself: "papa" alone could be
 * anyone's father (the deceased's, on the father's-name question), and a date with a birth word
 * beside it is a birth's.
 */

// folded as the message is, so that each spelling meets the text it is matched against
const alternation = (list: string[]) => [...new Set(list.map(foldForMatch))].join('|');

const words = (list: string[]) => new RegExp(`(?:^| )(?:${alternation(list)})(?: |$)`);
const BIRTH = words(['born', 'birth', 'janm', 'janam', 'paida', 'जन्म', 'पैदा']);

const MALE = [
  'papa',
  'papaji',
  'pita',
  'pitaji',
  'father',
  'dad',
  'dada',
  'dadaji',
  'nana',
  'nanaji',
  'grandfather',
  'husband',
  'pati',
  'patiji',
  'bhai',
  'bhaiya',
  'brother',
  'beta',
  'son',
  'chacha',
  'chachaji',
  'tau',
  'tauji',
  'mama',
  'mamaji',
  'uncle',
  'पापा',
  'पिता',
  'पिताजी',
  'दादा',
  'दादाजी',
  'नाना',
  'नानाजी',
  'पति',
  'भाई',
  'बेटा',
  'चाचा',
  'ताऊ',
  'मामा',
];
const FEMALE = [
  'maa',
  'ma',
  'mummy',
  'mummyji',
  'mother',
  'mom',
  'mataji',
  'dadi',
  'dadiji',
  'nani',
  'naniji',
  'grandmother',
  'wife',
  'patni',
  'behen',
  'bahan',
  'sister',
  'beti',
  'daughter',
  'chachi',
  'tai',
  'mami',
  'aunt',
  'माँ',
  'मां',
  'मम्मी',
  'माताजी',
  'दादी',
  'नानी',
  'पत्नी',
  'बहन',
  'बेटी',
  'चाची',
  'ताई',
  'मामी',
];
const PARENT: Record<string, 'father' | 'mother'> = Object.fromEntries([
  ...['papa', 'papaji', 'pita', 'pitaji', 'father', 'dad', 'पापा', 'पिता', 'पिताजी'].map(
    (w) => [foldForMatch(w), 'father'] as const,
  ),
  ...['maa', 'ma', 'mummy', 'mummyji', 'mother', 'mom', 'mataji', 'माँ', 'मां', 'मम्मी', 'माताजी'].map(
    (w) => [foldForMatch(w), 'mother'] as const,
  ),
]);

const RELATION = `(${alternation([...MALE, ...FEMALE])})`;
// up to three words of a name between the relation and its death: "meri maa Sunita Devi ka dehant";
// never another relation or an "and" ("papa aur dadi ki death" tells two deaths, not the father's)
const NAME_GAP = `(?: (?!(?:${alternation([...MALE, ...FEMALE, 'aur', 'and', 'और', 'ya', 'or', 'या'])})(?: |$))[^ ]+){0,3}`;
const OF = `(?:${alternation(['ki', 'ka', 'ke', 'की', 'का', 'के'])})`;
const DEATH_NOUN = `(?:${alternation(['death', 'dehant', 'dehaant', 'nidhan', 'mrityu', 'maut', 'swargwas', 'मृत्यु', 'निधन', 'देहांत', 'मौत', 'स्वर्गवास'])})`;
const DEATH_VERB = `(?:${alternation(['guzar', 'gujar', 'expire', 'expired', 'died', 'passed away', 'mar gaye', 'mar gayi', 'chal base', 'chal basi', 'nahi rahe', 'nahi rahi', 'गुजर', 'गुज़र', 'मर गए', 'मर गई', 'चल बसे', 'चल बसी', 'नहीं रहे', 'नहीं रहीं'])})`;
// "papa ki death", "meri maa Sunita Devi ka dehant", "dadaji guzar gaye", "my father died",
// "death of my mother"
const TIED = [
  new RegExp(`(?:^| )${RELATION}${NAME_GAP} ${OF} ${DEATH_NOUN}(?: |$)`),
  new RegExp(`(?:^| )${RELATION}${NAME_GAP} ${DEATH_VERB}(?: |$)`),
  new RegExp(`(?:^| )(?:death|passing) of (?:my |our )?${RELATION}(?: |$)`),
];

// "ghar par hua", "घर पर ही देहांत हुआ", "died at home": the kind of place (its address is asked)
const AT_HOME = [
  new RegExp(
    `(?:^| )(?:${alternation(['ghar', 'घर'])})(?: (?:${alternation(['par', 'pe', 'mein', 'me', 'पर', 'में'])}))?(?: (?:${alternation(['hi', 'ही'])}))?(?: (?:${alternation(['death', 'dehant', 'nidhan', 'mrityu', 'maut', 'मृत्यु', 'निधन', 'देहांत', 'मौत'])}))? (?:${alternation(['hui', 'hua', 'huyi', 'हुई', 'हुआ', 'हुयी'])})(?: |$)`,
  ),
  /(?:^| )(?:died|passed away|death) at home(?: |$)/,
];

const MALE_SET = new Set(MALE.map(foldForMatch));
const FEMALE_SET = new Set(FEMALE.map(foldForMatch));

/** The relation whose death the words tell, as written (folded): "papa" of "papa ki death". */
function relationWhoDied(folded: string): string | undefined {
  const found = new Set<string>();
  for (const re of TIED) for (const m of folded.matchAll(new RegExp(re, 'g'))) found.add(m[1]);
  // "papa aur dadi ki death": a relation joined to the one told dead died too
  const joined = new RegExp(
    `(?:^| )${RELATION} (?:${alternation(['aur', 'and', 'और'])}) ${RELATION}${NAME_GAP} (?:${OF} ${DEATH_NOUN}|${DEATH_VERB})(?: |$)`,
  );
  if (joined.test(folded)) return undefined;
  // two relations told dead ("papa aur dadi ki death") are two deaths: whose form this is, is asked
  return found.size === 1 ? [...found][0] : undefined;
}

export function deathOpening(text: string, now: Date): Record<string, unknown> {
  const folded = foldForMatch(text);
  // without a word of a death the message tells nothing of one
  if (!tellsOfDeath(folded)) return {};
  const out: Record<string, unknown> = {};
  const s = openingSlots(text, now);
  const relation = relationWhoDied(folded);
  if (relation) {
    if (MALE_SET.has(relation)) out.sex = 'male';
    else if (FEMALE_SET.has(relation)) out.sex = 'female';
    // "meri maa Sunita Devi ka dehant": the mother named is the one who died
    const parent = PARENT[relation];
    const named = parent === 'father' ? s.fatherName : parent === 'mother' ? s.motherName : undefined;
    if (typeof named === 'string' && folded.includes(foldForMatch(named))) out.deceasedName = named;
  }
  // the date told with the death is its date; beside a birth word it may be the birth's
  if (s.incidentDate && !BIRTH.test(` ${folded} `)) out.dateOfDeath = s.incidentDate;
  const hospital = namedPlace(s.hospitalName);
  if (hospital) {
    out.placeOfDeathType = 'hospital';
    out.placeOfDeath = hospital;
  } else if (AT_HOME.some((re) => re.test(folded))) out.placeOfDeathType = 'home';
  return out;
}
