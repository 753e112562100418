import type { Dialect, Op } from './operation.js';

/**
 * The storage the staff console and the JSON API run on. Callers never see the database:
 * they hand the store an operation (operation.ts) and get its result.
 * - `read`: the operation's statements run one after another, no transaction.
 * - `transaction`: all of them or none. On SQLite it runs synchronously (nothing else on the
 *   shared connection can interleave); on PostgreSQL in one transaction on one pooled connection.
 */
export interface Store {
  readonly dialect: Dialect['name'];
  read<T>(op: Op<T>): Promise<T>;
  transaction<T>(op: Op<T>): Promise<T>;
  close(): Promise<void>;
}
