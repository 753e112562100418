import { foldForMatch } from '../lang/normalise.js';

/**
 * "meri maa ki death ho gayi, certificate banwana hai", "papa guzar gaye, praman patra chahiye":
 * a death told and a certificate asked for, in two clauses, is the death certificate — though
 * neither clause names it ("death certificate") the way the service's phrases do.
 */
const DEATH =
  /(?:^| )(?:death|died|dead|expire|expired|passed away|guzar|gujar|guzar gaye|guzar gayi|nidhan|dehant|dehaant|mrityu|mirtyu|maut|swargwas|swargvas|mar gaye|mar gayi|मृत्यु|निधन|देहांत|गुजर|मौत|स्वर्गवास|मर गए|मर गई)(?: |$)/;
const CERTIFICATE =
  /(?:^| )(?:certificate|certifcate|certficate|cert|praman patra|pramanpatra|praman|सर्टिफिकेट|प्रमाण पत्र|प्रमाणपत्र|प्रमाण)(?: |$)/;
// a birth (or another certificate) in the same message is another request
const OTHER =
  /(?:^| )(?:birth|janm|janam|जन्म|caste|jati|जाति|income|aay|आय|domicile|niwas|निवास|marriage|vivah|विवाह)(?: |$)/;

/** The message (folded, src/lang/normalise.ts) tells of a death: "papa guzar gaye", "माँ का निधन". */
export function tellsOfDeath(folded: string): boolean {
  return DEATH.test(` ${folded} `);
}

/** The message tells of a death and asks for a certificate, without naming another one. */
export function asksDeathCertificate(text: string): boolean {
  const f = ` ${foldForMatch(text)} `;
  return tellsOfDeath(foldForMatch(text)) && CERTIFICATE.test(f) && !OTHER.test(f);
}
