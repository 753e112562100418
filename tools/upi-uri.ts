export interface UpiPayment {
  payeeVpa: string;
  payeeName: string;
  amountPaise: number;
  note: string;
  /** our payment reference, echoed back by the provider's confirmation */
  reference: string;
}

// encodeURIComponent turns spaces into %20 (never "+", which some UPI apps show literally).
// '@' is legal in a query and UPI apps expect the VPA as written, so it stays readable.
const enc = (s: string) => encodeURIComponent(s).replace(/%40/g, '@');

/** The UPI deep link (NPCI linking spec): upi://pay?pa=…&pn=…&am=…&cu=INR&tn=…&tr=… */
export function upiUri(p: UpiPayment): string {
  const amount = (p.amountPaise / 100).toFixed(2);
  return `upi://pay?pa=${enc(p.payeeVpa)}&pn=${enc(p.payeeName)}&am=${amount}&cu=INR&tn=${enc(p.note)}&tr=${enc(p.reference)}`;
}
