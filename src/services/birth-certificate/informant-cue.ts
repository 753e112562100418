// The NLU has no informant slot; these cues are the few ways people say who is reporting
// the birth: "I am the father", "informant: mother", "main pita hoon", "मैं माँ हूँ".
// with the typos of a hurried thumb ("I am the faher", "mothr") and the "ji" of respect
const MOTHER =
  '(?:mother|mothr|moter|mther|mohter|mom|mum|mummy|mumy|mommy|maa|ma|mata ji|mata|mataji|माँ|मां|माता|मम्मी)';
const FATHER =
  '(?:father|faher|fathr|fater|fahter|fther|fatehr|farther|dad|daddy|papa ji|papa|pita ji|pita|pitaji|पिता जी|पिता|पापा|पिताजी)';
const EN = (who: string) =>
  new RegExp(
    `(?:^| )(?:i am|i m|im|iam|informant|informant is|me the|it s me the|its me the)(?: the| her| his| their)?(?: baby s| child s| kid s)? ${who}(?: |$)`,
  );
const HINGLISH = (who: string) =>
  new RegExp(
    `(?:^| )(?:main|mai|mein|me)(?: uski| uska| iski| iska| bachche ki| bache ki| bachhe ki| bachche ka| bache ka)? ${who}(?: hoon| hu| hun| h|$)`,
  );
const HINDI = (who: string) =>
  new RegExp(`(?:^| )मैं(?: उसकी| उसका| इसकी| इसका| बच्चे की| बच्चे का)? ${who}(?: हूँ| हूं| हू|$)`);
// "सूचना देने वाला पिता", "soochna dene wali maa", "informant is the mother"
const LABELLED = (who: string) =>
  new RegExp(
    `(?:^| )(?:सूचना देने वाला|सूचना देने वाली|सूचक|soochna dene wala|soochna dene wali|suchna dene wala|suchna dene wali|informant)(?: है| hai| is)?(?: the)? ${who}(?: |$)`,
  );
const CUES: [RegExp[], 'mother' | 'father'][] = [
  [[EN(MOTHER), HINGLISH(MOTHER), HINDI(MOTHER), LABELLED(MOTHER)], 'mother'],
  [[EN(FATHER), HINGLISH(FATHER), HINDI(FATHER), LABELLED(FATHER)], 'father'],
];
const BARE = new RegExp(`^(?:the )?(?:${MOTHER}|${FATHER})(?: hoon| hu| हूँ| हूं)?$`);

/** Which parent reports the birth, from a first-person cue anywhere in the message. */
export function informantCue(text: string, bareAnswer: boolean): 'mother' | 'father' | undefined {
  // apostrophes and punctuation as spaces: "I'm the father." → "i m the father"
  const folded = ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()} `.replace(/ +/g, ' ');
  const flat = folded.trim();
  if (bareAnswer && BARE.test(flat))
    return new RegExp(`^(?:the )?${MOTHER}`).test(flat) ? 'mother' : 'father';
  for (const [patterns, who] of CUES) if (patterns.some((re) => re.test(flat))) return who;
  return undefined;
}
