import { z } from 'zod';
import type { ToolDef } from './tool.js';
import { say } from './tool-support.js';

const schema = z
  .object({})
  .describe('No arguments: the data erased is always that of the citizen who is writing.');

/**
 * The citizen asks to erase their data. Like every other action that changes records, the
 * runtime shows a summary and waits for a yes; the erasure itself happens in the runtime's
 * commit (src/privacy/erase-citizen.ts), after which nothing of the conversation remains.
 */
export const deleteMyData: ToolDef<typeof schema> = {
  name: 'delete_my_data',
  description:
    "Erase the citizen's own messages, conversation history and photos (their right under India's DPDP Act). Filed applications and complaints are kept by the department without the phone number.",
  schema,
  requiresConfirmation: true,
  summarize: (_args, lang) => say(lang, 'runtime.delete_summary'),
  run: () => ({ ok: true, data: { erased: true } }),
};
