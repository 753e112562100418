// The word "address" as it is typed on a small keyboard: "address", "adress", "addres", "adres",
// "addrs", "addr". Whole words only: "addr" is no label inside "addres" (which once left
// "es 12 MG Road" as the address), and "Addressee" is no label at all.
export const ADDRESS_WORD_SOURCE = String.raw`(?:ad{1,2}re?s{1,3}|addr)(?![\p{L}\p{M}])`;

// "my address is …", "mera adress: …", "ghar ka addres - …", "pata: …", "पता: …": the label that opens an
// address answer. A bare "pata" counts only before a colon, a dash or "=" ("pata nahi" is "I don't
// know"); the link after "address" may be "is", "hai", "h" or "है" as a word of its own ("address
// H.No. 45" keeps its H).
const LEADING_LABEL = new RegExp(
  String.raw`^(?:(?:my|our|the|mera|meri|hamara|humara|apna|ghar ka|mere ghar ka|मेरा|हमारा|घर का)\s+)?(?:${ADDRESS_WORD_SOURCE}(?:\s+|(?:is|hai|h|है)(?=[\s:=-]|$)|[:=-])*|(?:pata|पता)\s*[:=-][\s:=-]*)`,
  'iu',
);

/** An address answer without the label it opens with ("My address is 12 MG Road" → "12 MG Road"). */
export function withoutAddressLabel(text: string): string {
  const rest = text.trim().replace(LEADING_LABEL, '').trim();
  // a label alone ("address") is not taken off: there is nothing after it to be the address
  return rest === '' ? text.trim() : rest;
}
