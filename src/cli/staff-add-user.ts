// npm run staff:add-user -- --username asha --role officer [--name "Asha Verma"] [--password p]
// Without --password the password is read from stdin (first line), so it stays out of shell history.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { createStaffUser, newUserSchema, UsernameTakenError } from '../staff/accounts.js';

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
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
  const password = values.password ?? (await readStdinLine());
  const parsed = newUserSchema.safeParse({
    username: values.username ?? '',
    role: values.role ?? '',
    password,
    displayName: values.name,
  });
  if (!parsed.success) {
    process.stderr.write(
      `${parsed.error.issues.map((i) => i.message).join('\n')}\n` +
        'usage: npm run staff:add-user -- --username <name> --role reviewer|officer|admin [--name "Full Name"] [--password <p>]\n',
    );
    return 2;
  }
  const config = loadConfig();
  const db = openDatabase({ path: config.databasePath });
  try {
    const id = await createStaffUser(db, parsed.data, Date.now());
    process.stdout.write(
      `created ${parsed.data.role} "${parsed.data.username}" (id ${id}) in ${config.databasePath}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof UsernameTakenError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    db.$client.close();
  }
}

process.exitCode = await main();
