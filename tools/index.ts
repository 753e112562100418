import { applyBirthCertificate } from './apply-birth-certificate.js';
import { checkStatus } from './check-status.js';
import { createPaymentQr } from './create-payment-qr.js';
import { deleteMyData } from './delete-my-data.js';
import { fileHospitalComplaint } from './file-hospital-complaint.js';
import type { AnyToolDef } from './tool.js';

/** Every tool the agent may call. */
export const allTools: AnyToolDef[] = [
  applyBirthCertificate,
  fileHospitalComplaint,
  checkStatus,
  createPaymentQr,
  deleteMyData,
];

const byName = new Map(allTools.map((t) => [t.name, t]));

/** The tool of that name, or undefined for a name the model made up. */
export function toolByName(name: string): AnyToolDef | undefined {
  return byName.get(name);
}

export { applyBirthCertificate, checkStatus, createPaymentQr, deleteMyData, fileHospitalComplaint };
