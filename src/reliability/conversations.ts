/**
 * Realistic citizen conversations in English, Hindi (Devanagari) and Hinglish, each a
 * sequence of messages one citizen sends in order: full applications and complaints that
 * end in a confirmation, status checks, small talk. Used by the fault tests and the bench.
 */
export const conversations: readonly (readonly string[])[] = [
  [
    "I want to apply for my daughter's birth certificate",
    'Her name is Priya',
    'female',
    'She was born on 12 November 2026',
    'At the hospital',
    'District Hospital Lucknow',
    "Mother's name is Sunita Devi",
    'Father is Ramesh Kumar',
    'House 12, Gandhi Nagar, Lucknow',
    'Lucknow',
    '226001',
    'skip',
    'yes',
  ],
  [
    'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है',
    'नाम अनन्या है',
    'लड़की',
    '15 नवंबर 2026 को',
    'अस्पताल में',
    'ज़िला अस्पताल पटना',
    'माँ का नाम रीता देवी',
    'पिता का नाम सुरेश प्रसाद',
    'मकान 45, कंकड़बाग, पटना',
    'पटना',
    '८०००२०',
    'नहीं',
    'हाँ',
  ],
  [
    'beti ka janm praman patra banwana hai',
    'naam Kavya hai',
    'ladki',
    '10 november 2026',
    'hospital mein',
    'Sadar Aspatal Jaipur',
    'maa ka naam Meena',
    'pita ka naam Rajesh Sharma',
    'ghar 7, Malviya Nagar, Jaipur',
    'Jaipur',
    '302017',
    'nahi',
    'haan',
  ],
  [
    'sarkari aspatal ki shikayat karni hai',
    'District Hospital Agra',
    'Agra',
    'doctor ne bahut bura vyavhar kiya aur dawai ke paise maange',
    'staff ka vyavhar',
    'kal',
    'haan naam chhupa ke rakhna',
    'haan',
  ],
  [
    'I want to complain about a government hospital',
    'Civil Hospital Varanasi',
    'Varanasi',
    'The toilets were dirty and there was no water in the ward for two days',
    'cleanliness',
    'yesterday',
    'no',
    'yes',
  ],
  [
    'सरकारी अस्पताल की शिकायत करनी है',
    'ज़िला अस्पताल गया',
    'गया',
    'दवाइयाँ नहीं मिलीं, सब बाहर से खरीदनी पड़ीं',
    'दवा उपलब्ध नहीं',
    'परसों',
    'नहीं',
    'हाँ',
  ],
  ['namaste', 'aap kya kya kar sakte ho?', 'mere application ka status kya hai', 'theek hai dhanyavaad'],
  ['hello', 'what can you do?', 'check status of BC-2026-000001', 'thank you'],
  ['नमस्ते', 'मेरी शिकायत की स्थिति बताइए', 'HC-2026-000002 का क्या हुआ', 'धन्यवाद'],
  ['mujhe fees bharni hai', 'birth certificate ki copy ke liye', 'ok', 'shukriya'],
];

/** The n-th citizen's messages: conversations are dealt round-robin and repeated to `length`. */
export function scriptFor(n: number, length: number): string[] {
  const base = conversations[n % conversations.length];
  const out: string[] = [];
  for (let i = 0; out.length < length; i++) out.push(base[i % base.length]);
  return out;
}

/** A plausible Indian WhatsApp id for citizen n of a run (91 + 10 digits). */
export function citizenWaId(run: string | number, n: number): string {
  const r = String(run).replace(/\D/g, '').slice(-3).padStart(3, '0');
  return `919${r}${String(n).padStart(6, '0')}`;
}
