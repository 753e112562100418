/**
 * How long a request for a person may wait untaken before the assistant answers again: after
 * 24 hours WhatsApp's window has closed, so no officer could reply in free text anyway, and a
 * citizen who writes days later must not meet silence for good.
 */
export const HANDOFF_QUEUE_LAPSE_MS = 24 * 60 * 60 * 1000;

/** What a message gets while the citizen asked for a person or an officer has the chat. */
export type HandoffGate =
  /** the assistant answers as usual */
  | 'assistant'
  /** the first message after the request: told once that an officer will reply */
  | 'waiting_notice'
  /** the officer answers from the console; the assistant says nothing */
  | 'silent';

export async function handoffGate(o: {
  handoff: 'none' | 'queued' | 'human';
  handoffAt: number | null;
  nowMs: number;
  /** "delete my data", or the answer to its confirmation: the right to erasure is never paused */
  erasing: () => boolean;
  /** the citizen's messages since the handoff changed, this one included (asked only when queued) */
  inboundSinceHandoff: () => Promise<number> | number;
}): Promise<HandoffGate> {
  if (o.handoff === 'none' || o.erasing()) return 'assistant';
  if (o.handoff === 'human') return 'silent';
  if (o.handoffAt !== null && o.nowMs - o.handoffAt > HANDOFF_QUEUE_LAPSE_MS) return 'assistant';
  return (await o.inboundSinceHandoff()) <= 1 ? 'waiting_notice' : 'silent';
}
