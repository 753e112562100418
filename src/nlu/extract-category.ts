import type { ComplaintCategory } from './analysis.js';
import { PhraseIndex } from './phrase-index.js';

type Category = Exclude<ComplaintCategory, 'other'>;

// Phrase | weight. Multi-word phrases carry the sense a single word cannot ("nahi mili").
const LEXICON: Record<Category, string> = {
  cleanliness: `ganda 2|gandi 2|gande 2|gandagi 3|gandgi 3|गंदा 2|गंदी 2|गंदे 2|गंदगी 3|dirty 3|filthy 3|unclean 3|unhygienic 3
    safai nahi 3|saaf nahi 3|safai 1|सफाई नहीं 3|सफाई 1|साफ नहीं 3|toilet 2|shauchalay 2|शौचालय 2|टॉयलेट 2|washroom 2|bathroom 2
    smell 2|badboo 3|badbu 3|बदबू 3|durgandh 3|दुर्गंध 3|kachra 3|kooda 3|कचरा 3|कूड़ा 3|garbage 3|cockroach 3|chuhe 3|rats 3
    makkhi 2|machhar 2|मच्छर 2|mosquito 2|keede 2|blood stains 3|khoon ke daag 3|chadar gandi 3|bedsheet 2|hygiene 2|cleanliness 3
    not clean 3|saaf safai 3|khoon laga 3|khoon ke dhabbe 3|bistar ganda 3|safai wala nahi 3|safai karmchari nahi 3|safai wala 2|खून लगा 3|kutte 2|kutta 2|कुत्ते 2|jaanwar 2|janwar 2|billi 2|chuha 2|चूहे 3`,
  bribery_or_fees: `rishwat 4|rishvat 4|rs maange 4|rs mange 4|rs manga 4|maange 2|mange 2|maangi 2|mangi 2|मांगे 2|मांगी 2|rupaye liye 4|rupay liye 4|rupees liye 4|rs liye 3|रुपये लिए 4|रुपए लिए 4|रूपये लिए 4|रुपए मांगे 4|rupye liye 4|rupye mange 4|रिश्वत 4|bribe 4|bribery 4|ghoos 4|ghus 3|घूस 4|paise maange 4|paise mange 4|paisa manga 4
    paise maang 4|paise mang 3|पैसे मांगे 4|पैसे माँगे 4|पैसे मांग 4|rupaye maange 4|रुपये मांगे 4|extra charge 3|extra paise 3
    extra money 3|zyada paise 3|jyada paise 3|ज्यादा पैसे 3|अधिक पैसे 3|fees liya 3|fees li 3|fee liya 3|fees le liya 3
    charged 2|overcharged 3|over charge 3|paise liye 3|पैसे लिए 3|asked for money 4|asked for 2|demanded 3|rupees 2|rupaye 2|रुपये 2|रुपए 2|demanded money 4|money for 2|cash maanga 4|rs 2|rupay 2|rupiya 2|rupaiya 2
    suvidha shulk 3|chai pani 3|kharcha pani 3|मुफ्त 1|free hai phir bhi 3|free tha 2|without receipt 3|bina receipt 3|रसीद नहीं 3`,
  medicine_unavailable: `dawai nahi mili 4|dawa nahi mili 4|dawai nhi mili 4|davai nahi mili 4|दवाई नहीं मिली 4|दवा नहीं मिली 4
    दवाइयां नहीं 4|dawai nahi 3|dawa nahi 3|dawaai nahi 3|दवाई नहीं 3|दवा नहीं 3|medicine not available 4|medicines not available 4
    no medicine 4|no medicines 4|buy outside 3|buy everything outside 3|from outside 2|kharidne ko kaha 3|खरीदने को कहा 3|बाहर से खरीद 4|bahar se kharid 4|medicine nahi 4|medicine nahi mili 4|medicines nahi 4|dawai khatam 3|stock nahi 3|out of stock 3|bahar se dawa 4
    bahar se dawai 4|bahar se medicine 4|बाहर से दवा 4|बाहर से दवाई 4|bahar se kharidni 3|dawai bahar se 4|dawa bahar se 4|दवाई बाहर से 4|दवा बाहर से 4|bahar se mangwai 3|bahar se mangwayi 3|bahar se lani 3|bahar se la 2|bahar ki dawai 3|medical store se 2
    injection nahi 3|dawai 1|dawa 1|दवाई 1|दवा 1|medicine 1|medicines 1|tablet 1|goli 1`,
  staff_behaviour: `देखने नहीं आया 3|देखने नहीं आए 3|देखने नहीं आये 3|dekhne nahi aaya 3|dekhne nahi aaye 3|बात नहीं सुनी 3|baat nahi suni 3|no one came to see 3|nobody came to see 3|did not come to see 3|doctor aate hi nahi 4|doctor nahi aate 3|doctor aate nahi 3|doctor nahi aata 3|doctor nahi milte 3|डॉक्टर नहीं आते 3|डॉक्टर आते ही नहीं 4|doctor nahi tha 3|doctor nahi the 3|koi doctor nahi 3|doctor absent 3|no doctor 3|doctor was not there 3|डॉक्टर नहीं था 3|डॉक्टर नहीं थे 3|कोई डॉक्टर नहीं 3|staff nahi tha 3|badtameezi 4|badtamizi 4|badtameez 4|badtmizi 4|बदतमीज़ी 4|बदतमीजी 4|बदतमीज 4|rude 4|rudely 4|misbehave 4|misbehaved 4|misbehaves 4|misbehaving 4|never comes 3|does not come 3|doesn t come 3
    misbehaviour 4|misbehavior 4|daanta 4|danta 4|daant 3|dant diya 4|डांटा 4|डाँटा 4|डांट 3|chillaya 4|chillayi 4|chilla 3
    चिल्लाया 4|चिल्लाई 4|gaali 4|gali di 4|गाली 4|abuse kiya 4|abused 3|shouted 4|yelled 4|insult 3|insulted 4|बेइज्जती 4
    beizzati 4|behaviour 2|behavior 2|vyavhar 3|व्यवहार 3|bura vyavhar 4|bura bartav 4|dhakka 3|dhakka diya 4|maara 3|haath uthaya 4
    ignore kiya 3|dhyan nahi diya 3|nahi suna 2|arrogant 3|pareshan kiya 3|परेशान किया 3|dekha hi nahi 3|dekha nahi 3|ilaj nahi kiya 3|इलाज नहीं किया 3|thappad 4|थप्पड़ 4|maara 3|mara 3|मारा 3|slapped 4|hit me 4|beat 3|बुरा बर्ताव 4|bura behave 4|bura behaviour 4|बुरा व्यवहार 4|behave 2|bartav 2|बर्ताव 2|samay par nahi 3|time par nahi 3|time pe nahi 3|samay pe nahi 3|nahi aate 2|समय पर नहीं 3|नहीं आते 2|buri tarah 3|tameez 3|tameez nahi 4|tamiz nahi 4|batameezi 4|batamizi 4|theek se baat nahi 4|dhang se baat nahi 4|achhe se baat nahi 4|ठीक से बात नहीं 4|attitude 3|doctor nahi aaye 2|doctor absent 3|nahi dekha 2`,
  waiting_time: `ghanton intezaar 4|ghanton intezar 4|ghante intezaar 4|घंटों इंतज़ार 4|घंटों इंतजार 4|घंटे इंतजार 4|intezaar 3|intezar 3
    intjar 3|intjaar 3|इंतज़ार 3|इंतजार 3|long wait 4|waiting 3|waited 3|made us wait 4|make us wait 4|kept us waiting 4|hrs 2|wait kiya 3|wait karaya 3|line mein 3|line me 3|लाइन में 3
    lambi line 4|लंबी लाइन 4|queue 3|bheed 2|भीड़ 2|ghante 2|ghanton 2|घंटे 2|घंटों 2|hours 2|delay 2|der 2|देर 2|late 1
    number nahi aaya 3|baari nahi aayi 3|baithaye rakha 3|subah se 2`,
  equipment_or_facilities: `machine kharab 4|मशीन खराब 4|machine band 4|x ray band 4|xray band 4|x ray machine 3|एक्स रे 3|x ray 2|xray 2
    ultrasound 2|mri 2|ct scan 2|bed nahi 4|bed nahi mila 4|बेड नहीं 4|beds 2|bed 1|stretcher 3|wheelchair 3|oxygen 3|ऑक्सीजन 3
    ac 2|ac band 3|cooler 2|pankha 3|पंखा 3|fan 2|fan band 3|bijli 2|light nahi 3|बिजली 3|pani nahi 3|no water 3|no electricity 3|no light 3|no bed 4|no beds 4|no fan 3|पानी नहीं 3|water 1
    lift 2|lift band 3|equipment 3|उपकरण 3|kharab 2|खराब 2|toota 2|tuta 2|टूटा 2|broken 2|not working 3|kaam nahi kar raha 3
    generator 2|ambulance nahi 3|facility 2|suvidha nahi 3|सुविधा नहीं 3|test nahi 2|lab band 3|blood bank 2`,
};

const INDEX = new PhraseIndex<[Category, number]>(
  (Object.entries(LEXICON) as [Category, string][]).flatMap(([cat, s]) =>
    s.split(/[|\n]/).map((entry) => {
      const m = /^(.*)\s(\d)$/.exec(entry.trim());
      if (!m) throw new Error(`category lexicon entry without weight: ${entry}`);
      return [m[1], [cat, Number(m[2])]] as const;
    }),
  ),
);

// "shoued", "misbeaved": the surest single words (weight 4, seven letters or more) typed with one
// letter missing. A form two such words share is dropped, as is any that is itself a lexicon word.
const EXACT = new Set(
  Object.values(LEXICON).flatMap((s) => s.split(/[|\n]/).map((e) => e.trim().replace(/\s\d$/, ''))),
);
const MISSING_LETTER = new Map<string, Category | null>();
for (const [cat, s] of Object.entries(LEXICON) as [Category, string][]) {
  for (const entry of s.split(/[|\n]/)) {
    const m = /^([a-z]{7,})\s4$/.exec(entry.trim());
    if (!m) continue;
    const word = m[1];
    for (let i = 0; i < word.length; i++) {
      const typed = word.slice(0, i) + word.slice(i + 1);
      if (EXACT.has(typed)) continue;
      const seen = MISSING_LETTER.get(typed);
      MISSING_LETTER.set(typed, seen === undefined || seen === cat ? cat : null);
    }
  }
}
// a word read through a missing letter counts a little less than the word itself
const TYPED_WEIGHT = 3;

// "₹500 liye", "200 rupaye maange", "1000 demanded": an amount next to a taking verb
const TAKING = new Set(
  'liye liya li lete le maange mange maanga manga maangi mangi mangte maangte demanded took taken charged asked wasool vasool मांगे माँगे मांगा मांगी लिए लिया ली लेते वसूले'.split(
    ' ',
  ),
);
const AMOUNT = /^\d{2,6}$/;
const CURRENCY = new Set(['rs', 'rupaye', 'rupay', 'rupees', 'rupiya', 'rupaiya', 'रुपये', 'रुपए', 'inr']);

// "no bribe was asked", "rishwat nahi maangi", "paise nahi maange": money denied is no bribe. Not
// giving it is another matter ("rishwat nahi di to ilaj nahi kiya", "for not giving a bribe"),
// and "nahi to" is "or else" ("paise maange, nahi to ilaj nahi").
const NEGATOR = new Set(
  'no not never nobody noone none didn didnt nahi nhi nahin nai na mat नहीं नही न ना मत'.split(' '),
);
const NEGATOR_AFTER = new Set('nahi nhi nahin nai नहीं नही'.split(' '));
const GIVING = new Set(
  'di diya diye dena dene de give giving gave given pay paying paid दी दिया दिए दिये देना देने दे'.split(' '),
);
const OR_ELSE = new Set(['to', 'toh', 'तो']);
function denied(folded: readonly string[], start: number, end: number): boolean {
  for (const k of [start - 1, start - 2])
    if (NEGATOR.has(folded[k] ?? '') && !folded.slice(k + 1, start).some((w) => GIVING.has(w))) return true;
  const next = folded[end + 1] ?? '';
  return NEGATOR_AFTER.has(folded[end] ?? '') && !GIVING.has(next) && !OR_ELSE.has(next);
}

function amountTaken(folded: readonly string[]): boolean {
  return folded.some((w, i) => {
    if (!AMOUNT.test(w)) return false;
    const next = folded.slice(i + 1, i + 4);
    // "500 rupaye nahi liye"
    const taking = next.findIndex((x) => TAKING.has(x));
    if (denied(folded, i, i + 1) || next.slice(0, taking).some((x) => NEGATOR_AFTER.has(x))) return false;
    // "500 rupaye liye", "₹500 liye", "rs 500 maange"
    return (
      next.some((x) => TAKING.has(x)) && (next.every((x) => !AMOUNT.test(x)) || CURRENCY.has(next[0] ?? ''))
    );
  });
}

/**
 * The complaint's category from its description, or null when nothing in it points to one. A
 * demand for money ("paise maange", "rishwat", "₹500 liye") decides the category whatever else the
 * message mentions: a bribe is the complaint, the broken machine the setting.
 */
export function extractCategory(folded: readonly string[]): Category | null {
  const score = new Map<Category, number>();
  for (const { value, start, end } of INDEX.findLongest(folded)) {
    if (value[0] === 'bribery_or_fees' && denied(folded, start, end)) continue;
    score.set(value[0], (score.get(value[0]) ?? 0) + value[1]);
  }
  folded.forEach((w, i) => {
    const cat = w.length >= 6 ? MISSING_LETTER.get(w) : undefined;
    if (!cat || (cat === 'bribery_or_fees' && denied(folded, i, i + 1))) return;
    score.set(cat, (score.get(cat) ?? 0) + TYPED_WEIGHT);
  });
  if ((score.get('bribery_or_fees') ?? 0) >= 4 || amountTaken(folded)) return 'bribery_or_fees';
  let best: Category | null = null;
  let bestScore = 1;
  for (const [cat, s] of score) {
    if (s > bestScore) {
      best = cat;
      bestScore = s;
    }
  }
  return best;
}

/** Whether any complaint cue at all is present (for intent scoring). */
export function categoryStrength(folded: readonly string[]): number {
  let total = 0;
  for (const { value } of INDEX.findLongest(folded)) total += value[1];
  return total;
}
