import {
  cleanText,
  escapeLike,
  FieldErrors,
  isUuid,
  PARTNER_SCOPES,
  PARTNER_TOKEN_PREFIX,
  partnerIdentity,
  RecordService,
  type Identity,
  type ScopeSql,
} from '@sangathan/common';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps, MembershipServices } from '../../context';
import { newSecret, sameHash, secretHash } from '../account/password';
import { scopeUnitInScope } from '../org-unit/org-unit.service';
import { PartnerToken } from './partner-token.entity';
import type { PartnerTokenFilter, PartnerTokenInput, PartnerTokenUpdateInput } from './partner-token.types';

const DEFAULT_DAYS = 90;
const MAX_DAYS = 366;

/** `sgp_<token id>_<secret>`: the id finds the row, the secret is compared with its hash. */
function formatToken(id: string, secret: string): string {
  return `${PARTNER_TOKEN_PREFIX}${id.replace(/-/g, '')}_${secret}`;
}

function parseToken(token: string): { id: string; secret: string } | null {
  const match = new RegExp(`^${PARTNER_TOKEN_PREFIX}([0-9a-f]{32})_([A-Za-z0-9_-]{20,})$`).exec(token);
  if (!match) return null;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return isUuid(id) ? { id, secret: match[2] } : null;
}

/** The identity a partner token stands for, or null (unknown, wrong secret, revoked, expired); notes its use. */
export async function partnerTokenIdentity(dataSource: DataSource, token: string): Promise<Identity | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const row = await dataSource.getRepository(PartnerToken).findOne({ where: { id: parsed.id } });
  if (!row || row.revokedAt || row.expiresAt <= new Date() || !sameHash(secretHash(parsed.secret), row.secretHash)) return null;
  await dataSource.query(
    `UPDATE partner_token SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [row.id],
  );
  return partnerIdentity(row);
}

/** Partner tokens, managed by admins within their scope; the secret is shown once, at creation. */
export class PartnerTokenService extends RecordService<PartnerToken, PartnerTokenFilter> {
  protected readonly defaultSort = 'name';
  private readonly services: MembershipServices;

  constructor(private readonly deps: MembershipDeps) {
    super(deps, PartnerToken, 'PartnerToken');
    this.services = deps.services;
  }

  protected scopeSql(alias: string): ScopeSql {
    return scopeUnitInScope(alias);
  }

  query(filter: PartnerTokenFilter = {}): SelectQueryBuilder<PartnerToken> {
    const query = this.createQuery('t', filter);
    const q = filter.q?.trim();
    if (q) query.andWhere('t.name ILIKE :q', { q: `%${escapeLike(q)}%` });
    if (filter.active === true) query.andWhere('t.revokedAt IS NULL AND t.expiresAt > now()');
    if (filter.active === false) query.andWhere('(t.revokedAt IS NOT NULL OR t.expiresAt <= now())');
    return query;
  }

  async create(input: PartnerTokenInput): Promise<PartnerToken> {
    const errors = new FieldErrors();
    const name = cleanText(errors, 'name', input.name, true);
    const scopes = [...new Set(input.scopes ?? [])];
    const unknown = scopes.filter((scope) => !(PARTNER_SCOPES as readonly string[]).includes(scope));
    if (!scopes.length) errors.add('scopes', 'choose at least one scope');
    else if (unknown.length) errors.add('scopes', `unknown scope(s) ${unknown.join(', ')}; choose from ${PARTNER_SCOPES.join(', ')}`);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(Date.now() + DEFAULT_DAYS * 86_400_000);
    if (expiresAt <= new Date()) errors.add('expiresAt', 'must be in the future');
    else if (expiresAt.getTime() > Date.now() + MAX_DAYS * 86_400_000) errors.add('expiresAt', 'must be within a year');
    const unit = await this.services.orgUnits.findReference(errors, 'scopeUnitId', input.scopeUnitId);
    errors.throwIfAny();
    const { secret, hash } = newSecret();
    const saved = await this.repository.save(
      this.repository.create({
        name: name!,
        scopeUnitId: unit!.id,
        organizationId: unit!.organizationId,
        scopes,
        expiresAt,
        secretHash: hash,
        createdBy: this.deps.identity?.kind === 'account' ? this.deps.identity.subject : null,
      }),
    );
    return Object.assign(saved, { secret: formatToken(saved.id, secret) });
  }

  async updateRecord(id: string, input: PartnerTokenUpdateInput, expectedVersion?: number): Promise<PartnerToken> {
    return this.update(id, expectedVersion, (token) => {
      const errors = new FieldErrors();
      if (input.name !== undefined) token.name = cleanText(errors, 'name', input.name, true) ?? token.name;
      errors.throwIfAny();
    });
  }

  /** Stops the token at once (within the status cache's few seconds everywhere); cannot be undone. */
  async revoke(id: string): Promise<PartnerToken> {
    return this.update(id, undefined, (token) => {
      token.revokedAt ??= new Date();
    });
  }
}
