import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWTVerifyGetKey,
  type KeyLike,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { ROLES, type Role } from './identity';

export const TOKEN_ISSUER = 'sangathan';
export const TOKEN_AUDIENCE = 'sangathan-api';
const SIGNING_ALGORITHM = 'EdDSA';

/** Service-to-service tokens: HMAC with the internal secret, which only Sangathan's own processes hold. */
const SERVICE_ISSUER = 'sangathan-internal';
const SERVICE_ALGORITHM = 'HS256';
const SERVICE_TOKEN_SECONDS = 120;

/** What an access token says about its account (verified, so it can be trusted). */
export interface AccessClaims {
  accountId: string;
  sessionId: string;
  role: Role;
  organizationId: string | null;
  scopeUnitId: string | null;
  /** The account's display name when the token was issued (for audit entries). */
  name: string | null;
  expiresAt: Date;
}

/** Why a token was refused, said plainly; never which part of a secret was wrong. */
export class TokenError extends Error {}

/** Signs access tokens with the private Ed25519 key; only membership (which owns accounts) holds one. */
export class TokenSigner {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly publicJwk: JWK,
    readonly accessTokenSeconds: number,
  ) {}

  static async fromPrivateJwk(jwk: JWK, accessTokenSeconds = 900): Promise<TokenSigner> {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d) throw new Error('the signing key must be a private Ed25519 JWK');
    const privateKey = (await importJWK(jwk, SIGNING_ALGORITHM)) as KeyLike;
    const { d: _private, ...publicPart } = jwk;
    const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
    return new TokenSigner(privateKey, { ...publicPart, kid, alg: SIGNING_ALGORITHM, use: 'sig' }, accessTokenSeconds);
  }

  /** A new private key as a JWK, for a new data folder. */
  static async generatePrivateJwk(): Promise<JWK> {
    const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(privateKey);
    const { d: _private, ...publicPart } = jwk;
    return { ...jwk, kid: await calculateJwkThumbprint(publicPart) };
  }

  /** Served at /.well-known/jwks.json. */
  get jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
  }

  async sign(claims: Omit<AccessClaims, 'expiresAt'>): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + this.accessTokenSeconds) * 1000);
    const token = await new SignJWT({
      sid: claims.sessionId,
      role: claims.role,
      org: claims.organizationId,
      unit: claims.scopeUnitId,
      name: claims.name,
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: this.publicJwk.kid, typ: 'at+jwt' })
      .setSubject(claims.accountId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.privateKey);
    return { token, expiresAt };
  }
}

/** jose's codes for a token that is malformed, mis-signed, of another algorithm, issuer or audience, or of an unknown key. */
const REFUSED_TOKEN_CODES = [
  'ERR_JWT_',
  'ERR_JWS_',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
];

/** Verifies access tokens against the public keys: EdDSA only, issuer, audience and expiry checked. */
export class TokenVerifier {
  private constructor(private readonly keys: JWTVerifyGetKey) {}

  static fromJwks(jwks: JSONWebKeySet): TokenVerifier {
    return new TokenVerifier(createLocalJWKSet(jwks));
  }

  /** Fetched on first use and cached; refetched when a token names an unknown key. */
  static fromUrl(url: string): TokenVerifier {
    return new TokenVerifier(createRemoteJWKSet(new URL(url), { timeoutDuration: 3000, cooldownDuration: 30_000 }));
  }

  async verify(token: string): Promise<AccessClaims> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: [SIGNING_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'sid'],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'ERR_JWT_EXPIRED') throw new TokenError('the access token has expired; sign in again or refresh it');
      if (REFUSED_TOKEN_CODES.some((prefix) => code.startsWith(prefix))) throw new TokenError('the access token is not valid');
      // The keys could not be fetched (membership down, a timeout): not the token's fault.
      throw error;
    }
    const role = payload.role as Role;
    if (!ROLES.includes(role)) throw new TokenError('the access token is not valid');
    return {
      accountId: payload.sub as string,
      sessionId: payload.sid as string,
      role,
      organizationId: (payload.org as string | null) ?? null,
      scopeUnitId: (payload.unit as string | null) ?? null,
      name: typeof payload.name === 'string' ? payload.name : null,
      expiresAt: new Date((payload.exp as number) * 1000),
    };
  }
}

/** Whether a bearer token is a service token (HS256), without trusting anything in it. */
export function isServiceToken(token: string): boolean {
  try {
    return decodeProtectedHeader(token).alg === SERVICE_ALGORITHM;
  } catch {
    return false;
  }
}

const secretKey = (secret: string) => new TextEncoder().encode(secret);

export async function signServiceToken(secret: string, service: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: SERVICE_ALGORITHM })
    .setSubject(`service:${service}`)
    .setIssuer(SERVICE_ISSUER)
    .setAudience(SERVICE_ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${SERVICE_TOKEN_SECONDS}s`)
    .sign(secretKey(secret));
}

/** The calling service's name, or TokenError. */
export async function verifyServiceToken(secret: string, token: string): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), {
      algorithms: [SERVICE_ALGORITHM],
      issuer: SERVICE_ISSUER,
      audience: SERVICE_ISSUER,
      requiredClaims: ['sub', 'exp'],
    });
    if (!payload.sub?.startsWith('service:')) throw new TokenError('the service token is not valid');
    return payload.sub.slice('service:'.length);
  } catch {
    throw new TokenError('the service token is not valid');
  }
}

/** Re-signs a service token shortly before it expires, so callers do not sign one per request. */
export class ServiceTokenSource {
  private cached: { token: string; renewAt: number } | null = null;

  constructor(
    private readonly secret: string,
    private readonly service: string,
  ) {}

  async token(): Promise<string> {
    if (!this.cached || Date.now() >= this.cached.renewAt) {
      this.cached = { token: await signServiceToken(this.secret, this.service), renewAt: Date.now() + (SERVICE_TOKEN_SECONDS / 2) * 1000 };
    }
    return this.cached.token;
  }
}
