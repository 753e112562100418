import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Debian's PostgreSQL 15 (package postgresql-15): the binaries are not on PATH. */
export const PG_BIN_DIR = '/usr/lib/postgresql/15/bin';
export const hasPgBinaries = () =>
  existsSync(join(PG_BIN_DIR, 'initdb')) && existsSync(join(PG_BIN_DIR, 'pg_ctl'));

const run = promisify(execFile);
const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
const isRoot = () => process.getuid?.() === 0;

/** initdb refuses to run as root: as root the cluster belongs to (and runs as) the postgres user. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  const file = join(PG_BIN_DIR, bin);
  if (!isRoot()) return [file, args];
  return ['su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(quote).join(' ')]];
}

async function pg(bin: string, args: string[]) {
  const [file, argv] = asPostgres(bin, args);
  try {
    return await run(file, argv, { encoding: 'utf8' });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

/** A port the kernel just gave out on loopback; another process may still take it, hence the retries in start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface PgCluster {
  /** postgres://sahayak@127.0.0.1:PORT/postgres (trust authentication: loopback, throwaway) */
  url: string;
  port: number;
  /** the temporary folder holding data/, the socket and the log */
  dir: string;
  stop(): Promise<void>;
}

export const PG_USER = 'sahayak';

// Clusters this process started and has not stopped: a test process that dies without its
// afterAll (a crash, process.exit) must not leave a server running on the machine.
const running = new Set<string>();
let exitHookInstalled = false;
function stopOnExit(dir: string) {
  running.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const d of running) {
      const [file, argv] = asPostgres('pg_ctl', ['-D', join(d, 'data'), '-m', 'immediate', 'stop']);
      try {
        execFileSync(file, argv, { stdio: 'ignore' });
      } catch {
        // already stopped
      }
      rmSync(d, { recursive: true, force: true });
    }
  });
}

const urlFor = (port: number, database = 'postgres') => `postgres://${PG_USER}@127.0.0.1:${port}/${database}`;

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for tests: initdb into a new temp folder,
 * pg_ctl start on a free port, and stop() stops it and deletes the folder. Durability is
 * switched off (fsync, synchronous_commit) unless `durable`: the tests' data is thrown away and
 * they check our SQL, not the disk; the benchmark keeps it, to compare fairly with SQLite.
 */
export async function startPgCluster({
  dir,
  durable = false,
}: {
  dir?: string;
  /** keep PostgreSQL's durability (fsync, synchronous commit): the benchmark compares it with SQLite's */
  durable?: boolean;
} = {}): Promise<PgCluster> {
  if (!hasPgBinaries())
    throw new Error(`PostgreSQL binaries not found in ${PG_BIN_DIR} (apt-get install postgresql-15)`);
  const d = dir ?? mkdtempSync(join(tmpdir(), 'sahayak-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(d, uid, gid);
  }
  const data = join(d, 'data');
  try {
    await pg('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      PG_USER,
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await freePort();
      const options = [
        `-k ${d}`,
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
        // vitest runs test files in parallel, each with pools of its own
        '-c max_connections=300',
      ].join(' ');
      try {
        await pg('pg_ctl', ['-D', data, '-o', options, '-l', join(d, 'log'), '-w', '-t', '60', 'start']);
        // .ci/run's cluster (a dir given) outlives this process on purpose; ours do not
        if (!dir) stopOnExit(d);
        return { url: urlFor(port), port, dir: d, stop: () => stopPgCluster(d) };
      } catch (err) {
        // most likely the port was taken between freePort and the server's bind: try another
        lastError = new Error(`${(err as Error).message}\n${tail(join(d, 'log'))}`);
      }
    }
    throw lastError;
  } catch (err) {
    rmSync(d, { recursive: true, force: true });
    throw err;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-5).join('\n');
  } catch {
    return '';
  }
}

/** Stops the cluster in `dir` (immediate: nothing in it is kept) and deletes the folder. */
export async function stopPgCluster(dir: string): Promise<void> {
  running.delete(dir);
  const data = join(dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The URL of `database` on the server at `serverUrl` (same host, port and user). */
export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}
