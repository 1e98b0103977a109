import { AppError } from './errors.js';

/** Where the server was trying to start: enough to name the database and the port in a message. */
export interface StartupTarget {
  databaseUrl: string;
  port: number;
}

interface ErrorLike {
  code?: string;
  errno?: number;
  syscall?: string;
  address?: string;
  port?: number;
  message?: string;
  errors?: unknown[];
}

/** The database a URL names, for people: "PostgreSQL database "prevent" on db.example.org:5432" or "SQLite file ./data/x.db". */
function describeDatabase(url: string): { server: string; name: string; user: string; file: string } {
  if (url.startsWith('file:')) {
    const file = url.replace(/^file:/, '').replace(/\?.*$/, '');
    return { server: '', name: '', user: '', file };
  }
  try {
    const u = new URL(url);
    return {
      server: `${u.hostname}:${u.port || '5432'}`,
      name: decodeURIComponent(u.pathname.slice(1)) || u.username,
      user: u.username,
      file: '',
    };
  } catch {
    return { server: 'the server in DATABASE_URL', name: '', user: '', file: '' };
  }
}

/** The first error with a code: connection failures to several addresses arrive as an AggregateError. */
function withCode(err: unknown): ErrorLike {
  const e = (err ?? {}) as ErrorLike;
  if (!e.code && Array.isArray(e.errors)) {
    const inner = e.errors.find((x) => (x as ErrorLike)?.code) as ErrorLike | undefined;
    if (inner) return inner;
  }
  return e;
}

/** One line saying what went wrong at start-up and what to do, or null for a failure we do not recognise. */
export function describeStartupFailure(err: unknown, target: StartupTarget): string | null {
  if (err instanceof AppError) return err.message;
  const e = withCode(err);
  const db = describeDatabase(target.databaseUrl);
  switch (e.code) {
    case 'EADDRINUSE':
      return `Port ${e.port ?? target.port} is already in use: stop the other process using it, or set PORT to a free port.`;
    case 'EACCES':
    case 'EPERM':
      if (e.syscall === 'listen') return `Not allowed to listen on port ${e.port ?? target.port}: choose a port above 1023 with PORT.`;
      return db.file ? sqliteUnwritable(db.file, e) : null;
    case 'ECONNREFUSED':
      return `Cannot reach the database server at ${db.server} (connection refused): start PostgreSQL there, or correct DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot find the database server ${db.server} (unknown host name): correct the host in DATABASE_URL.`;
    case 'ETIMEDOUT':
      return `The database server at ${db.server} did not answer in time: check that it is running and reachable, or correct DATABASE_URL.`;
    case '3D000':
      return `The database "${db.name}" does not exist on ${db.server}: create it (createdb ${db.name}) or correct DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `The database server at ${db.server} refused the user "${db.user}" (wrong password, or not allowed to connect): correct DATABASE_URL.`;
    case '57P03':
      return `The database server at ${db.server} is starting up or shutting down: try again in a moment.`;
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_PERM':
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EROFS':
      return db.file ? sqliteUnwritable(db.file, e) : null;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `${db.file} is not a SQLite database the bot can read: point DATABASE_URL at the bot's database file, or at a new path to start afresh.`;
    default:
      return null;
  }
}

function sqliteUnwritable(file: string, e: ErrorLike): string {
  return `Cannot open the SQLite database ${file} for writing (${e.code}): make sure its folder exists and is writable, or set DATABASE_URL to another path.`;
}
