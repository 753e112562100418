import type { z } from 'zod';
import type { Lang } from '../src/lang/language.js';
import type { Store } from '../src/storage/store.js';
import type { OutboundMessage } from '../src/whatsapp/outbound-message.js';
import type { FeeSchedule } from './fee-schedule.js';

/**
 * What the server knows about the turn. Never sent to the model: identity comes from
 * the webhook (waId), not from tool arguments.
 */
export interface ToolContext {
  /** SQLite or PostgreSQL: tools read and write only through store operations */
  store: Store;
  waId: string;
  lang: Lang;
  now: Date;
  /** the inbound message being answered; submissions are keyed on it so a replay makes no second record */
  inboundId: number;
  conversationId: number | null;
  publicBaseUrl: string;
  upi: { payeeVpa: string; payeeName: string };
  fees: FeeSchedule;
  /** COMPLAINT_REOPEN_DAYS: how long after resolution the citizen may reopen a complaint (default 30) */
  complaintReopenDays?: number;
}

/** Expected misses (unknown reference, too late to apply online) are results, not exceptions. */
export type ToolResult =
  | { ok: true; data: Record<string, unknown>; messages?: OutboundMessage[] }
  | { ok: false; error: { code: string; message: string }; data?: Record<string, unknown> };

/** A tool the agent may call: one zod schema is the validator, the TS type and the model's JSON Schema. */
export interface ToolDef<S extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  schema: S;
  /** true for tools that create a record: the runtime shows a summary and waits for the citizen's yes */
  requiresConfirmation: boolean;
  /** checks that need the server's clock or store, run before a summary is shown (e.g. date of birth in the future) */
  precheck?: (args: z.infer<S>, ctx: ToolContext) => ToolResult | null | Promise<ToolResult | null>;
  /**
   * the confirmation summary body, in the citizen's language; with the context it can
   * also show what depends on the clock or the store (the fee that will apply)
   */
  summarize?: (args: z.infer<S>, lang: Lang, ctx?: ToolContext) => string | Promise<string>;
  run: (args: z.infer<S>, ctx: ToolContext) => ToolResult | Promise<ToolResult>;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds tools of different schemas
export type AnyToolDef = ToolDef<any>;
