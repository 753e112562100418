import type { AnyToolDef } from '../../../tools/tool.js';
import { toolJsonSchema } from '../../../tools/tool-json-schema.js';
import { SERVICE_IDS, type ServiceId } from '../case-schema.js';

// Goal cases may name services this build does not offer yet (DESIGN.md §4 lists five).
// Such cases are skipped and reported, not failed, and run as soon as a tool offers the
// service: by its name (apply_caste_certificate) or its schema (a service enum).
const STEM: Record<ServiceId, string> = {
  birth_certificate: 'birth',
  hospital_complaint: 'complaint',
  caste_certificate: 'caste',
  income_certificate: 'income',
  death_certificate: 'death',
};

/** The service ids some tool of this build submits. */
export function servicesOffered(tools: AnyToolDef[]): Set<ServiceId> {
  const texts = tools.map((t) => `${t.name} ${JSON.stringify(toolJsonSchema(t))}`);
  return new Set(SERVICE_IDS.filter((s) => texts.some((x) => x.includes(s) || x.includes(`_${STEM[s]}`))));
}
