import { z } from 'zod';
import type { ToolDef } from './tool.js';

const schema = z.object({}).describe('No arguments: the data erased is always that of the citizen who is writing.');

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
  summarize: (_args, lang) =>
    lang === 'hi'
      ? 'आपके सभी संदेश, बातचीत और फ़ोटो मिटा दिए जाएँगे। जमा किए गए आवेदन और शिकायतें विभाग के पास बिना आपके फ़ोन नंबर के रहेंगी।'
      : lang === 'hinglish'
        ? 'Aapke saare messages, baatcheet aur photos mita diye jayenge. Jama kiye gaye aavedan aur shikayatein vibhag ke paas bina aapke phone number ke rahengi.'
        : 'All your messages, conversations and photos will be erased. Applications and complaints already filed stay with the department, without your phone number.',
  run: () => ({ ok: true, data: { erased: true } }),
};
