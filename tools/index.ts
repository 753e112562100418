import { services } from '../src/services/registry.js';
import { applyBirthCertificate } from './apply-birth-certificate.js';
import { checkStatus } from './check-status.js';
import { createPaymentQr } from './create-payment-qr.js';
import { deleteMyData } from './delete-my-data.js';
import { fileHospitalComplaint } from './file-hospital-complaint.js';
import { reopenComplaint } from './reopen-complaint.js';
import { serviceTool } from './service-tool.js';
import type { AnyToolDef } from './tool.js';

/** One tool per service in the registry stored in the cases table, generated from its definition. */
export const serviceTools: AnyToolDef[] = services.filter((s) => s.storage === 'cases').map(serviceTool);

/** Every tool the agent may call. */
export const allTools: AnyToolDef[] = [
  applyBirthCertificate,
  fileHospitalComplaint,
  reopenComplaint,
  ...serviceTools,
  checkStatus,
  createPaymentQr,
  deleteMyData,
];

const byName = new Map(allTools.map((t) => [t.name, t]));

/** The tool of that name, or undefined for a name the model made up. */
export function toolByName(name: string): AnyToolDef | undefined {
  return byName.get(name);
}

export {
  applyBirthCertificate,
  checkStatus,
  createPaymentQr,
  deleteMyData,
  fileHospitalComplaint,
  reopenComplaint,
};
