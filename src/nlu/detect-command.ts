import type { Lang } from '../lang/language.js';
import { languageRequestOf } from '../lang/language-request.js';
import { foldForMatch, normalise } from '../lang/normalise.js';
import { withinEdits } from './edit-distance.js';
import { turnMemo } from './turn-memo.js';

/** What a message asks the assistant to do instead of answering the pending question. */
export type Command =
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'menu' }
  | { kind: 'human' }
  | { kind: 'delete_data' }
  | { kind: 'language'; lang: Lang }
  | { kind: 'reopen' }
  | { kind: 'certified_copy' }
  | { kind: 'collect_certificate' }
  | { kind: 'question'; topic: 'fees' | 'time' | 'documents' };

type WholeKind = 'cancel' | 'restart' | 'menu' | 'human' | 'delete_data';

// Commands that are the whole message, apart from politeness ("please cancel it", "menu dikhao"):
// inside a longer sentence the same words are an answer ("Menu Road", "operation cancel ho gaya").
const WHOLE: [WholeKind, string][] = [
  [
    'delete_data',
    `delete my data|delete data|delete all my data|delete my details|delete my information|delete my account|delete everything
erase my data|erase data|remove my data|remove my details|wipe my data|forget me|forget my data|mera data delete|data delete
meri details delete|meri jankari delete|data hatao|data hata do|data hata dijiye|mera data hatao|mera data hata do|data mita do
data mitao|mera data mitao|mera data mita do|meri jankari hatao|meri jankari hata do|meri jankari mita do|sara data delete
मेरा डेटा हटाओ|मेरा डेटा हटा दो|डेटा हटाओ|डेटा हटा दो|डेटा मिटाओ|डेटा मिटा दो|मेरा डेटा मिटा दो|मेरी जानकारी हटा दो|मेरी जानकारी हटाओ
मेरी जानकारी मिटा दो|डेटा डिलीट|मेरा डेटा डिलीट|data delete kar do|mera data delete kar do`,
  ],
  [
    'human',
    `talk to a person|talk to person|talk to someone|talk to a human|talk to human|talk to an agent|talk to agent|speak to a person
speak to someone|speak to a human|speak to an officer|talk to an officer|talk to officer|real person|human|agent|human agent
talk to a real person|speak to a real person|a real person|kisi adhikari se baat|kisi officer se baat|kisi staff se baat
customer care|customer support|helpline|call me|call me back|connect me to someone|insaan se baat|insan se baat
kisi insaan se baat|kisi se baat|kisi aadmi se baat|kisi vyakti se baat|officer se baat|adhikari se baat|karmchari se baat
staff se baat karao|staff se baat karni|asli insaan|इंसान से बात|किसी इंसान से बात|किसी से बात|किसी व्यक्ति से बात|अधिकारी से बात
कर्मचारी से बात|mujhe call karo|call karo|call kijiye|phone karo`,
  ],
  [
    'restart',
    `start again|start over|restart|start from beginning|start from the beginning|start from start|begin again|from the start
start afresh|start fresh|fresh start|reset|start again from scratch|shuru se|shuru se karo|phir se shuru|fir se shuru|firse shuru
dobara shuru|dubara shuru|naye sire se|phir se start|fir se start|firse start|dobara start|dubara start|start se|shuru karo phir se
शुरू से|फिर से शुरू|दोबारा शुरू|नए सिरे से|शुरू से करो|शुरुआत से`,
  ],
  [
    'cancel',
    `cancel|cancel it|cancel this|cancel application|cancel the application|cancel complaint|cancel karo|cancel kar do|cancel kardo
radd|radd karo|radd kar do|रद्द|रद्द करो|रद्द करें|रद्द कर दो|रद्द कीजिए|stop|stop it|quit|exit|abort|forget it|rehne do|rahne do
rehne dijiye|rahne dijiye|रहने दो|रहने दीजिए|band karo|बंद करो|कैंसिल|कैंसिल करो|कैंसिल कर दो|कैंसल|कैंसल करो|कैंसल कर दो`,
  ],
  [
    'menu',
    `menu|main menu|the menu|menu please|menu dikhao|menu dikhaiye|show menu|show me the menu|go to menu|back to menu|open menu
options|show options|मेनू|मेन्यू|मेनू दिखाओ|मुख्य मेनू`,
  ],
];

// politeness and glue that can surround a whole-message command
const AROUND = new Set(
  `please plz pls kindly ok okay now just bas sir madam ji jee bhai bhaiya didi i want wanna would like to can could you me my
the this it a an let let s lets do karo kar kardo kijiye kijie karein karen dijiye do de dena dedo chahiye chahta chahti hai h
mujhe muje main mai mera meri abhi ab yeh ye sab aap please help hello hi hey application form ko se baat karni karna karao
है हैं करो कर करें कीजिए दीजिए दो दें मुझे मैं मेरा मेरी अभी अब यह ये सब आप जी प्लीज़ कृपया चाहिए बात करनी करना करवाओ कराइए कराओ कराएं चाहता चाहती karaiye karaye karwa karwao karwado
karte karenge hain hum ham chalo we करते करेंगे हम चलो`
    .split(/\s+/)
    .map(foldForMatch),
);

// "still not resolved", "abhi bhi paise maang rahe", "समस्या अभी भी है": a closed complaint is not over
const STILL =
  /(?:^| )(?:still|abhi bhi|abhi bi|ab bhi|ab bi|abhi tak|ab tak|अभी भी|अब भी|अभी तक|अब तक|phir se|fir se|firse|dobara|फिर से|दोबारा|again)(?: |$)/;
const NOT_OVER =
  /(?:^| )(?:not resolved|not solved|not fixed|unresolved|not sorted|problem|issue|same|continuing|happening|going on|asking|demanding|taking|maang rahe|mang rahe|maang rahi|maang raha|le rahe|le raha|ho raha|ho rahi|ho rahe|hal nahi|samasya|pareshani|dikkat|nahi hua|nahi hui|theek nahi|thik nahi|sahi nahi|wahi|vahi|समस्या|परेशानी|दिक्कत|हल नहीं|ठीक नहीं|मांग रहे|माँग रहे|ले रहे|हो रहा|हो रही|नहीं हुआ|नहीं हुई|वही)(?: |$)/;
const REOPEN =
  /(?:^| )(?:reopen|re open|open again|open it again|open my complaint again|complaint dobara kholo|complaint phir se kholo|dobara kholo|phir se kholo|fir se kholo|dobara khol|phir se khol|शिकायत दोबारा खोलें|शिकायत फिर से खोलें|दोबारा खोलो|फिर से खोलो|दोबारा खोलें|फिर से खोलें)(?: |$)/;
const COMPLAINT_WORD =
  /(?:^| )(?:complaint|shikayat|shikayaat|शिकायत|case|matter|problem|samasya|समस्या|issue)(?: |$)/;

const CERTIFIED =
  /(?:^| )(?:certified copy|certified copies|attested copy|pramanit prati|pramanit pratilipi|pramanit copy|praman prati|satyapit prati|satyapit copy|प्रमाणित प्रति|प्रमाणित प्रतिलिपि|प्रमाणित कॉपी|सत्यापित प्रति|certified)(?: |$)/;
const DOWNLOAD =
  /(?:^| )(?:download|downlod|donwload|pdf|डाउनलोड|e certificate|soft copy|digital copy)(?: |$)/;
const CERT_WORD =
  /(?:^| )(?:certificate|certifcate|certficate|cert|praman patra|pramanpatra|praman|प्रमाण पत्र|प्रमाणपत्र|प्रमाण|copy|कॉपी|document)(?: |$)/;
// "where do I collect it", "kahan se milega": where; "how do I get a birth certificate" is an application
const WHERE_HOW = /(?:^| )(?:kahan|kaha|kahaan|kidhar|where|कहाँ|कहां|kis jagah|कौन सी जगह|किस जगह)(?: |$)/;
const GET =
  /(?:^| )(?:milega|milegi|mil|milta|milti|collect|get|receive|pick|le|lu|lun|loon|lena|lene|मिलेगा|मिलेगी|मिल|लूं|लूँ|लेना|लेने)(?: |$)/;
const COLLECT =
  /(?:^| )(?:collect|pick up|pickup|lene aana|lene aau|lene aaun|le jaun|le jau|लेने आना|लेने आऊं|ले जाऊं)(?: |$)/;
/(?:^| )(?:milega|milegi|mil|milta|milti|collect|get|receive|pick|le|lu|lun|loon|lena|lene|मिलेगा|मिलेगी|मिल|लूं|लूँ|लेना|लेने)(?: |$)/;

const TOPIC: ['fees' | 'time' | 'documents', RegExp][] = [
  [
    'documents',
    /(?:^| )(?:documents?|docs|kagaz|kagaj|kagzat|kaagaz|kaagzat|kagjat|dastavez|dastavej|dastavage|papers|proofs?|id proof|कागज|कागज़|कागजात|कागज़ात|दस्तावेज|दस्तावेज़)(?: |$)/,
  ],
  [
    'fees',
    /(?:^| )(?:fee|fees|fess|feez|phees|shulk|charge|charges|cost|costs|kharcha|kharch|paisa|paise|rupaye|rupees|amount|price|शुल्क|फीस|खर्चा|खर्च|पैसा|पैसे|रुपये|कीमत|how much|kitna lagega|kitne lagenge|kitni lagegi)(?: |$)/,
  ],
  [
    'time',
    /(?:^| )(?:kitne din|kitna time|kitna samay|kitna waqt|how long|how many days|kab tak|kab milega|kab milegi|kab aayega|kab aayegi|time lagega|samay lagega|din lagenge|days|कितने दिन|कितना समय|कितना टाइम|कब तक|कब मिलेगा|कब मिलेगी|समय लगेगा|दिन लगेंगे)(?: |$)/,
  ],
];
const QUESTION =
  /(?:^| )(?:kitna|kitni|kitne|ktna|kya|kia|kaun|kon|kaunse|konse|kaun se|kon se|how|what|which|when|kab|kaise|batao|bataiye|btao|bata do|lagega|lagegi|lagenge|lagta|lagti|kitna|कितना|कितनी|कितने|क्या|कौन|कौनसे|कौन से|कब|कैसे|बताओ|बताइए|लगेगा|लगेगी|लगेंगे|need|needed|required|chahiye|चाहिए)(?: |$)/;
// "doctor ne 500 rupaye maange": money in a complaint's story is no question about fees
const TAKING =
  /(?:^| )(?:maange|mange|maanga|manga|maangi|mangi|maangte|mangte|liye|liya|li|le liye|lete|took|taken|charged|demanded|asked|asking|wasool|vasool|rishwat|bribe|ghoos|मांगे|माँगे|मांगा|मांगते|लिए|लिया|लेते|रिश्वत|घूस)(?: |$)/;
// "late fee kaise bharu", "pay the fee by UPI": paying is an action the engine runs, not a question
const PAYING =
  /(?:^| )(?:pay|paying|payment|bharu|bharun|bharoon|bharna|bharni|bhar|jama|upi|qr|gpay|phonepe|paytm|भरूं|भरूँ|भरें|भरना|भुगतान|जमा|यूपीआई)(?: |$)/;

const KEYWORDS = [
  ...new Set(
    WHOLE.flatMap(([, s]) => s.split(/[|\n]/))
      .flatMap((p) => foldForMatch(p).split(' '))
      .filter((w) => /^[a-z]{5,}$/.test(w)),
  ),
];

/**
 * "cancle", "restrat", "dleete": a Latin word of six letters or more, one edit (or one swap) from a
 * command word with the same first letter. Shorter words are too often names ("Suman" is not "human").
 */
const KEYWORD_SET = new Set(KEYWORDS);

function repair(word: string): string {
  if (word.length < 6 || !/^[a-z]+$/.test(word) || KEYWORD_SET.has(word)) return word;
  return (
    KEYWORDS.find(
      (k) => k[0] === word[0] && Math.abs(k.length - word.length) <= 1 && withinEdits(word, k, 1),
    ) ?? word
  );
}

const WHOLE_PHRASES: [WholeKind, string[]][] = WHOLE.map(([kind, s]) => [
  kind,
  s
    .split(/[|\n]/)
    .map((p) => foldForMatch(p))
    .filter((p) => p !== '')
    .sort((a, b) => b.length - a.length),
]);

// Each phrase's words: taking phrases out never brings in a word the message did not have, so a
// phrase with a word missing from the message cannot be found and is not searched for (~250 of them).
const PHRASE_WORDS = new Map(WHOLE_PHRASES.flatMap(([, phrases]) => phrases.map((p) => [p, p.split(' ')])));
// where each command's phrases start: [command, phrase] by a phrase's first word
const BY_FIRST_WORD = new Map<string, [number, number][]>();
for (const [k, [, phrases]] of WHOLE_PHRASES.entries())
  for (const [i, p] of phrases.entries()) {
    const first = p.split(' ')[0];
    BY_FIRST_WORD.set(first, [...(BY_FIRST_WORD.get(first) ?? []), [k, i]]);
  }

// "nahi abhi nahi, cancel", "actually forget it, cancel": refusals around a cancel keep it a cancel
const AROUND_CANCEL = new Set(
  'nahi nhi no nope abhi actually ab band नहीं अभी अब बस'.split(' ').map(foldForMatch),
);
// …but "mat cancel karo", "cancel nahi karna", "रद्द मत करो" forbid it ("nahi, cancel karo" does not:
// a "nahi" before it answers something else)
const CANCEL_WORDS = new Set(
  'cancel radd रद्द कैंसिल कैंसल stop quit exit abort band बंद'.split(' ').map(foldForMatch),
);
const NOT_BEFORE_CANCEL = new Set('mat na dont मत न'.split(' ').map(foldForMatch));
const NOT_AFTER_CANCEL = new Set('nahi nhi nahin mat नहीं नही मत'.split(' ').map(foldForMatch));
const cancelForbidden = (words: readonly string[]) =>
  words.some(
    (w, i) =>
      CANCEL_WORDS.has(w) &&
      (NOT_BEFORE_CANCEL.has(words[i - 1] ?? '') ||
        NOT_AFTER_CANCEL.has(words[i + 1] ?? '') ||
        // "cancel mat karna", "radd nahi karo": the verb between
        NOT_AFTER_CANCEL.has(words[i + 2] ?? '')),
  );

function wholeCommand(words: string[]): WholeKind | null {
  const present = new Set(words);
  // the phrases that could be in the message, by command, in each command's own order
  const candidates: number[][] = WHOLE_PHRASES.map(() => []);
  for (const w of present) for (const [k, i] of BY_FIRST_WORD.get(w) ?? []) candidates[k].push(i);
  for (const [k, [kind, phrases]] of WHOLE_PHRASES.entries()) {
    if (candidates[k].length === 0) continue;
    // take every phrase of this command out ("forget it, cancel" has two), then only politeness may remain
    let text = ` ${words.join(' ')} `;
    let found = false;
    for (const p of candidates[k].sort((a, b) => a - b).map((i) => phrases[i])) {
      if (!PHRASE_WORDS.get(p)?.every((w) => present.has(w))) continue;
      while (text.includes(` ${p} `)) {
        text = text.replace(` ${p} `, ' ');
        found = true;
      }
    }
    if (!found || (kind === 'cancel' && cancelForbidden(words))) continue;
    const rest = text.split(' ').filter((w) => w !== '');
    if (rest.every((w) => AROUND.has(w) || (kind === 'cancel' && AROUND_CANCEL.has(w)))) return kind;
  }
  return null;
}

/**
 * A command the citizen typed, whatever question is pending: cancel, start again, menu, a person,
 * delete my data, a language switch, reopen my complaint, a certified copy, where/how to collect or
 * download the certificate, or a question about fees, time taken or documents. Null for an ordinary
 * answer ("Data Hospital", "Menu Road", "operation cancel ho gaya"). The form engine checks this
 * before reading the message as the pending question's answer.
 */
export function detectCommand(text: string): Command | null {
  // asked of the same message by the dialogue, the form and every analysis of it in a turn
  const found = turnMemo('detectCommand', text, () => commandOf(text));
  return found ? { ...found } : null;
}

function commandOf(text: string): Command | null {
  const normalised = normalise(text);
  const folded = foldForMatch(normalised);
  if (folded === '') return null;
  const words = folded.split(' ').map(repair);
  const joined = ` ${words.join(' ')} `;

  const lang = languageRequestOf(words);
  if (lang) return { kind: 'language', lang };

  const whole = wholeCommand(words);
  if (whole) return { kind: whole };

  if (REOPEN.test(joined) && (COMPLAINT_WORD.test(joined) || words.length <= 4)) return { kind: 'reopen' };
  // "abhi bhi paise maang rahe", "still not resolved": the trouble goes on after the complaint closed
  if (STILL.test(joined) && NOT_OVER.test(joined.replace(STILL, ' '))) return { kind: 'reopen' };
  if (CERTIFIED.test(joined)) return { kind: 'certified_copy' };
  if (
    DOWNLOAD.test(joined) ||
    (CERT_WORD.test(joined) && ((WHERE_HOW.test(joined) && GET.test(joined)) || COLLECT.test(joined)))
  )
    return { kind: 'collect_certificate' };

  if (!TAKING.test(joined) && !PAYING.test(joined)) {
    const clauses = normalised.split(/[,.;!।\n]+/);
    for (const clause of clauses) {
      const c = ` ${foldForMatch(clause).split(' ').map(repair).join(' ')} `;
      const asked = QUESTION.test(c) || /\?\s*$/.test(clause) || /\?/.test(normalised);
      if (!asked) continue;
      for (const [topic, re] of TOPIC) if (re.test(c)) return { kind: 'question', topic };
    }
  }
  return null;
}

/** "mat cancel karo", "cancel nahi karna": the message forbids cancelling (its intent may still read "cancel"). */
export function forbidsCancel(text: string): boolean {
  return cancelForbidden(foldForMatch(normalise(text)).split(' ').map(repair));
}
