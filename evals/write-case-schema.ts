// Regenerates evals/case.schema.json from the zod case schema: `npx tsx evals/write-case-schema.ts`.
import { writeFileSync } from 'node:fs';
import { caseSchemaPath, caseSchemaText } from './src/case-schema-file.js';

writeFileSync(caseSchemaPath, caseSchemaText());
console.log(`wrote ${caseSchemaPath}`);
