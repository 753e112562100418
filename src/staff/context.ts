import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { MediaStore } from '../media/media-store.js';
import type { TemplateSettings } from '../outbox/template-fallback.js';
import type { AnyService } from '../services/types.js';
import type { Store } from '../storage/store.js';
import { hasRole, type Role, type StaffSession } from './auth/sessions.js';

export type Logger = {
  info: (obj: unknown, msg?: string) => void;
  warn: (obj: unknown, msg?: string) => void;
  error: (obj: unknown, msg?: string) => void;
};

export type StaffDeps = {
  /** where the converted parts of the console read and write (either database: src/storage) */
  store: Store;
  /** the SQLite database, when there is one (the default store) */
  db?: Db;
  catalogue: Catalogue;
  now: () => number;
  /** true when WhatsApp is not configured: staff replies go to the chat simulator */
  simulated: boolean;
  /** wakes the outbox sender after staff queued a message */
  onOutbound: () => void;
  logger: Logger;
  secureCookies: boolean;
  /** may load its module on first use (the server does not import the eval tooling at start) */
  exportCase?: (opts: { conversationId: number }) => string | Promise<string>;
  /** where citizens' photos, documents and voice notes are kept (src/media) */
  mediaStore?: MediaStore;
  /** approved templates per purpose, for officers' messages outside the 24-hour window */
  templates?: TemplateSettings;
  /** the services the console shows queues for (the registry; a test may pass its own) */
  services?: AnyService[];
};

export type StaffEnv = { Variables: { session: StaffSession } };
export type StaffContext = Context<StaffEnv>;

/** Throws 403 unless the signed-in user has at least this role. */
export function requireRole(c: StaffContext, min: Role): StaffSession {
  const session = c.get('session');
  if (!hasRole(session.user, min)) throw new HTTPException(403, { message: `needs the ${min} role` });
  return session;
}

/** A form field as a trimmed string ('' when missing or a file). */
export async function field(c: StaffContext, name: string): Promise<string> {
  const body = await c.req.parseBody();
  const v = body[name];
  return typeof v === 'string' ? v.trim() : '';
}

export function intParam(c: StaffContext, name: string): number {
  const n = Number(c.req.param(name));
  if (!Number.isSafeInteger(n) || n <= 0) throw new HTTPException(404, { message: 'not found' });
  return n;
}
