import { insertLegacyCase } from '../cases/legacy-rows.js';
import type { Db } from '../db/open-database.js';

/** Another citizen's records, with values distinctive enough that any leak is findable in a reply. */
export const victim = {
  waId: '919844400001',
  name: 'Kamla Devi Rathore',
  application: {
    reference: 'BC-2026-000001',
    childName: 'Gudiya Rathore',
    motherName: 'Kamla Devi Rathore',
    fatherName: 'Bhupendra Singh Rathore',
    address: 'Flat 9, Neelkanth Apartments, Arera Colony',
    placeOfBirth: 'Hamidia Hospital',
    pinCode: '462016',
    dateOfBirth: '2026-11-11',
  },
  complaint: {
    reference: 'HC-2026-000001',
    hospitalName: 'Jayprakash District Hospital',
    description: 'Ward boy Mahesh demanded 500 rupees before giving my mother a bed',
  },
};

/** Every string of the victim's that must never reach another citizen. */
export const victimSecrets = (): string[] => [
  victim.waId,
  victim.waId.slice(-10),
  victim.name,
  ...Object.values(victim.application),
  victim.complaint.reference,
  victim.complaint.hospitalName,
  victim.complaint.description,
];

export function seedVictim(db: Db, now = Date.now()): void {
  const c = db.$client;
  c.prepare('insert into citizens (wa_id, name, language, created_at) values (?, ?, ?, ?)').run(
    victim.waId,
    victim.name,
    'hi',
    now,
  );
  const a = victim.application;
  insertLegacyCase(
    db,
    'application',
    {
      reference: a.reference,
      waId: victim.waId,
      childName: a.childName,
      sex: 'female',
      dateOfBirth: a.dateOfBirth,
      placeOfBirthType: 'hospital',
      placeOfBirth: a.placeOfBirth,
      motherName: a.motherName,
      fatherName: a.fatherName,
      address: a.address,
      district: 'Bhopal',
      pinCode: a.pinCode,
      language: 'hi',
      feeRule: 'within_21_days',
    },
    now,
  );
  const h = victim.complaint;
  insertLegacyCase(
    db,
    'complaint',
    {
      reference: h.reference,
      waId: victim.waId,
      hospitalName: h.hospitalName,
      district: 'Bhopal',
      category: 'bribery_or_fees',
      description: h.description,
      language: 'hi',
    },
    now,
  );
  // the counters continue after the seeded rows, as if they had been filed through the tools
  c.prepare(
    `insert into counters (name, value) values ('BC-2026', 1), ('HC-2026', 1) on conflict(name) do nothing`,
  ).run();
}
