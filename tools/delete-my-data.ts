import { z } from 'zod';
import type { ToolDef } from './tool.js';
import { say } from './tool-support.js';

// Whose data is never an argument: always the citizen who is writing.
const schema = z.object({
  reason: z.string().nullable().describe('Their reason, or null.'),
});

/**
 * The citizen asks to erase their data. Like every other action that changes records, the
 * runtime shows a summary and waits for a yes; the erasure itself happens in the runtime's
 * commit (src/privacy/erase-citizen.ts), after which nothing of the conversation remains.
 */
export const deleteMyData: ToolDef<typeof schema> = {
  name: 'delete_my_data',
  description:
    "Erase the citizen's messages, history and photos (DPDP Act); filed records stay, without the phone number.",
  schema,
  requiresConfirmation: true,
  summarize: (_args, lang) => say(lang, 'runtime.delete_summary'),
  run: () => ({ ok: true, data: { erased: true } }),
};
