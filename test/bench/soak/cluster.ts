import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../support/processes.js';

/** A throwaway PostgreSQL server of the soak's own: never the machine's shared one, so it can be restarted freely. */
export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  dir: string;
  version: string;
  /** a database on this server, created empty */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m fast`: every connection is cut, the server comes back; resolves when it accepts connections */
  restart(): Promise<{ ms: number }>;
  /** stops the server and deletes its directory */
  destroy(): void;
}

/** The newest Debian PostgreSQL with initdb and pg_ctl (/usr/lib/postgresql/<version>/bin). */
function findBinaries(): { bin: string; version: string } {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions[0];
  if (!version) throw new Error('No PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql).');
  return { bin: path.join(root, version, 'bin'), version };
}

/**
 * initdb in a temporary directory (trust authentication, loopback only, a free port), then pg_ctl start.
 * PostgreSQL refuses to run as root: as root the directory is given to the `postgres` user and the
 * binaries run through `runuser -u postgres`.
 */
export async function startCluster(): Promise<Cluster> {
  const { bin, version } = findBinaries();
  const dir = mkdtempSync(path.join(tmpdir(), 'prevent-soak-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  // asynchronous, so the load and the fake connector in this process carry on while PostgreSQL restarts
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    return asRoot ? promisify(execFile)('runuser', ['-u', 'postgres', '--', command, ...args]) : promisify(execFile)(command, args);
  };
  const data = path.join(dir, 'data');
  const port = await freePort();
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  await run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let destroyed = false;
  return {
    adminUrl,
    port,
    dir,
    version,
    async createDatabase(name) {
      if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Bad database name ${name}`);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async restart() {
      const started = performance.now();
      // pg_ctl restart reuses the options the server was started with (postmaster.opts)
      await run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-m', 'fast', '-w', '-t', '60', 'restart']);
      return { ms: performance.now() - started };
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      const stop = [path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
      try {
        // synchronous: this also runs from an exit handler
        if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', ...stop], { stdio: 'ignore' });
        else execFileSync(stop[0]!, stop.slice(1), { stdio: 'ignore' });
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
