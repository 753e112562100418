import { birthCertificate } from './birth-certificate/definition.js';
import { casteCertificate } from './caste-certificate/definition.js';
import { deathCertificate } from './death-certificate/definition.js';
import { hospitalComplaint } from './hospital-complaint/definition.js';
import { incomeCertificate } from './income-certificate/definition.js';
import type { AnyService } from './types.js';

/** Every government service Sahayak offers: one line each. */
export const services: AnyService[] = [
  birthCertificate, // BC
  hospitalComplaint, // HC
  casteCertificate, // CC
  incomeCertificate, // IC
  deathCertificate, // DC
];

export function serviceById(id: string, list: AnyService[] = services): AnyService | undefined {
  return list.find((s) => s.id === id);
}

export function serviceByTool(name: string, list: AnyService[] = services): AnyService | undefined {
  return list.find((s) => s.toolName === name);
}

export function serviceByReference(reference: string, list: AnyService[] = services): AnyService | undefined {
  const prefix = reference.split('-')[0]?.toUpperCase();
  return list.find((s) => s.prefix === prefix);
}
