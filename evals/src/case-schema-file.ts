import { fileURLToPath } from 'node:url';
import { suiteJsonSchema } from './case-schema.js';

/** evals/case.schema.json, the editor schema of suite files. */
export const caseSchemaPath = fileURLToPath(new URL('../case.schema.json', import.meta.url));

/** What evals/case.schema.json must contain (a test keeps the file in step with the zod schema). */
export function caseSchemaText(): string {
  return `${JSON.stringify({ ...suiteJsonSchema(), title: 'Sahayak eval suite' }, null, 2)}\n`;
}
