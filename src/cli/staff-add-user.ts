// npm run staff:add-user -- --username asha --role officer [--name "Asha Verma"]
// The password is asked for without echo (or read as the first line of a pipe), so it stays
// out of the terminal, shell history and the process list. --password still works for scripts.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { type Db, openDatabase } from '../db/open-database.js';
import { describePgUrl } from '../db/pg/open-pg.js';
import { ACCOUNT_RULES, addStaffUser, newUserSchema, UsernameTakenError } from '../staff/accounts.js';
import { auditOp } from '../staff/audit.js';
import { openStore } from '../storage/open-store.js';
import { readSecret } from './read-secret.js';

const USAGE =
  'usage: npm run staff:add-user -- --username <name> --role reviewer|officer|admin [--name "Full Name"]\n';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  // the rules first, so nobody types a password only to learn it was too short
  process.stderr.write(`${ACCOUNT_RULES}\n`);
  const password = values.password ?? (await readSecret('Password (not shown): '));
  const parsed = newUserSchema.safeParse({
    username: values.username ?? '',
    role: values.role ?? '',
    password,
    displayName: values.name,
  });
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  // DATABASE_URL set: the account goes where the server runs (PostgreSQL); else the SQLite file
  let sqlite: Db | undefined;
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    sqlite: () => {
      sqlite = openDatabase({ path: config.databasePath });
      return sqlite;
    },
    onWarning: (m) => process.stderr.write(`${m}\n`),
  });
  const where = config.databaseUrl ? describePgUrl(config.databaseUrl) : config.databasePath;
  try {
    const now = Date.now();
    const id = await addStaffUser(store, parsed.data, now);
    // made outside the console, so no staff user to blame: the audit row says where it came from
    await store.read(
      auditOp({
        userId: null,
        action: 'account.create',
        targetType: 'staff_user',
        targetId: id,
        detail: { username: parsed.data.username, role: parsed.data.role, via: 'cli', osUser: osUser() },
        now,
      }),
    );
    process.stdout.write(`created ${parsed.data.role} "${parsed.data.username}" (id ${id}) in ${where}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsernameTakenError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
    sqlite?.$client.close();
  }
}

process.exitCode = await main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  return 1;
});
