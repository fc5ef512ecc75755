import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import { ConfigError, EnvReader, REPO_ROOT } from '../config';
import { TokenSigner } from './tokens';

/** How a process takes part in authentication; every field has a configuration variable (see README). */
export interface AuthConfig {
  /** Shared by the gateway and the subgraphs only: marks the gateway and signs service tokens. */
  internalSecret: string;
  /** Where the public keys are served (membership's /.well-known/jwks.json). */
  jwksUrl: string;
  /** How long a verified session or partner token is trusted before it is checked again. */
  statusCacheMs: number;
}

/** Membership also signs: it owns accounts and sessions. */
export interface SigningConfig {
  signingKey: JWK;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /** The refresh cookie's Secure flag: on behind HTTPS. */
  cookieSecure: boolean;
}

/** Where generated keys live on a machine without configured ones: DATA_DIR/auth, private to its owner. */
export function authDir(env = new EnvReader()): string {
  return path.resolve(env.string('DATA_DIR', path.join(REPO_ROOT, '.data')), 'auth');
}

/**
 * The file's contents, creating it first with `create()` when missing. Several processes may start at
 * once: the first link wins and the others read what it wrote.
 */
export async function readOrCreateFile(file: string, create: () => Promise<string> | string): Promise<string> {
  return readIfExists(file) ?? writeFileOnce(file, await create());
}

/** readOrCreateFile for contents made at once (a random password), where the caller cannot wait. */
export function readOrCreateFileSync(file: string, create: () => string): string {
  return readIfExists(file) ?? writeFileOnce(file, create());
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

/** Writes the file (owner-only) unless another process got there first; returns what the file holds. */
function writeFileOnce(file: string, content: string): string {
  // Only the file's own folder is private: a data folder made on the way stays reachable (the embedded server's data is in it).
  fs.mkdirSync(path.dirname(path.dirname(file)), { recursive: true });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, `${content}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  } finally {
    fs.unlinkSync(temporary);
  }
}

/** INTERNAL_SECRET, or one generated into DATA_DIR/auth/internal-secret. */
export async function readInternalSecret(env = new EnvReader()): Promise<string> {
  const configured = env.optionalString('INTERNAL_SECRET');
  if (configured) {
    if (configured.length < 32) throw new ConfigError('INTERNAL_SECRET', 'must be at least 32 characters');
    return configured;
  }
  return readOrCreateFile(path.join(authDir(env), 'internal-secret'), () => randomBytes(32).toString('base64url'));
}

/**
 * AUTH_JWKS_URL, MEMBERSHIP_URL's /.well-known/jwks.json by default; INTERNAL_SECRET;
 * AUTH_STATUS_CACHE_MS (2000).
 */
export async function readAuthConfig(env = new EnvReader()): Promise<AuthConfig> {
  const membershipUrl = new URL(env.url('MEMBERSHIP_URL', 'http://localhost:4001/graphql'));
  return {
    internalSecret: await readInternalSecret(env),
    jwksUrl: env.url('AUTH_JWKS_URL', new URL('/.well-known/jwks.json', membershipUrl).toString()),
    statusCacheMs: env.integer('AUTH_STATUS_CACHE_MS', 2000, 0, 300_000),
  };
}

/**
 * AUTH_SIGNING_KEY (a private Ed25519 JWK, as JSON) or one generated into DATA_DIR/auth/signing-key.json;
 * ACCESS_TOKEN_MINUTES (15), REFRESH_TOKEN_DAYS (14), COOKIE_SECURE (false).
 */
export async function readSigningConfig(env = new EnvReader()): Promise<SigningConfig> {
  const configured = env.optionalString('AUTH_SIGNING_KEY');
  let signingKey: JWK;
  if (configured) {
    try {
      signingKey = JSON.parse(configured) as JWK;
      await TokenSigner.fromPrivateJwk(signingKey);
    } catch (error) {
      throw new ConfigError('AUTH_SIGNING_KEY', `must be a private Ed25519 key as a JWK (${(error as Error).message})`);
    }
  } else {
    const file = path.join(authDir(env), 'signing-key.json');
    signingKey = JSON.parse(await readOrCreateFile(file, async () => JSON.stringify(await TokenSigner.generatePrivateJwk()))) as JWK;
  }
  return {
    signingKey,
    accessTokenSeconds: env.integer('ACCESS_TOKEN_MINUTES', 15, 1, 24 * 60) * 60,
    refreshTokenDays: env.integer('REFRESH_TOKEN_DAYS', 14, 1, 365),
    cookieSecure: env.oneOf('COOKIE_SECURE', ['true', 'false'], 'false') === 'true',
  };
}
