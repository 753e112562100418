import { causeChain, codeOf } from '../db/cause-chain.js';

// PostgreSQL SQLSTATEs that mean "not now": the server is shutting down or starting, too many
// connections, a connection was lost, a lock or serialization conflict. Classes 08 (connection
// exception) and 57P (operator intervention) as a whole.
const PG_TRANSIENT = /^(08...|57P0[1-4]|53300|40001|40P01|55P03)$/;
// node-postgres and the socket below it: the server is unreachable, or the pool had no free
// connection within its timeout (that error has no code, only this message)
const NET_TRANSIENT = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND)$/;

/**
 * The database error codes that mean "not now" rather than "a bug": on SQLite the write lock
 * is held by another process past the busy timeout, or the file cannot be written; on
 * PostgreSQL the server is unreachable, busy or shutting down. Returns the code, or null for
 * any other error. Drizzle wraps a failed query: its `cause` is looked at too.
 */
export function databaseUnavailable(err: unknown): string | null {
  for (const e of causeChain(err, 3)) {
    const code = codeOf(e);
    if (code !== undefined) {
      if (/^SQLITE_(BUSY|LOCKED|READONLY)/.test(code) || PG_TRANSIENT.test(code) || NET_TRANSIENT.test(code))
        return code;
    } else if (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message)) {
      return 'POOL_TIMEOUT';
    }
  }
  return null;
}
