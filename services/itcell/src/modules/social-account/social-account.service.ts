import {
  badUserInput,
  escapeLike,
  FieldErrors,
  type FieldMessages,
  isUniqueViolation,
  isUuid,
  type ScopeSql,
  pathWithinScope,
  parentWithinScope,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { ItcellDeps } from '../../context';
import { ItcellRecordService } from '../../itcell-record-service';
import { SocialAccount, SocialPlatform } from './social-account.entity';
import type { SocialAccountFilter, SocialAccountInput, SocialAccountUpdateInput } from './social-account.types';

const YOUTUBE_CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const MAX_URL_LENGTH = 2000;

/** A handle as the platform writes it, or why it is not one. */
export type HandleCheck = { handle: string; error?: undefined } | { handle?: undefined; error: string };

function matching(handle: string, pattern: RegExp, error: string): HandleCheck {
  return pattern.test(handle) ? { handle } : { error };
}

/**
 * Checks a handle against the platform's rules and writes it the platform's way: no "@" for X,
 * Instagram and Telegram, "@handle" (or a channel id) for YouTube, E.164 for WhatsApp.
 */
export function normalizeHandle(platform: SocialPlatform, raw: string): HandleCheck {
  const text = raw.trim();
  if (!text) return { error: 'must not be empty' };
  const withoutAt = text.replace(/^@/, '');
  switch (platform) {
    case SocialPlatform.X:
      return matching(withoutAt, /^[A-Za-z0-9_]{1,15}$/, 'an X handle is 1–15 letters, digits or underscores');
    case SocialPlatform.INSTAGRAM:
      return matching(withoutAt, /^[A-Za-z0-9._]{1,30}$/, 'an Instagram handle is 1–30 letters, digits, dots or underscores');
    case SocialPlatform.YOUTUBE:
      if (YOUTUBE_CHANNEL_ID.test(text)) return { handle: text };
      return /^[A-Za-z0-9._-]{3,30}$/.test(withoutAt)
        ? { handle: `@${withoutAt}` }
        : { error: 'a YouTube handle is "@" and 3–30 letters, digits, dots, hyphens or underscores, or a channel id "UC…"' };
    case SocialPlatform.FACEBOOK:
      return matching(text, /^[A-Za-z0-9.]{5,50}$/, 'a Facebook username is 5–50 letters, digits or dots');
    case SocialPlatform.TELEGRAM:
      return matching(withoutAt, /^[A-Za-z0-9_]{5,32}$/, 'a Telegram username is 5–32 letters, digits or underscores');
    case SocialPlatform.WHATSAPP:
      try {
        const phone = parsePhoneNumberWithError(text);
        if (phone.isValid()) return { handle: phone.number };
      } catch {
        // reported below
      }
      return { error: 'a WhatsApp handle is a phone number in international form, e.g. +919876543210' };
    default:
      return matching(text, /^\S{1,50}$/, 'must be 1–50 characters without spaces');
  }
}

/** The profile address a platform gives a handle; null when there is no such rule (OTHER). */
export function defaultUrl(platform: SocialPlatform, handle: string): string | null {
  switch (platform) {
    case SocialPlatform.X:
      return `https://x.com/${handle}`;
    case SocialPlatform.INSTAGRAM:
      return `https://www.instagram.com/${handle}/`;
    case SocialPlatform.YOUTUBE:
      return handle.startsWith('@') ? `https://www.youtube.com/${handle}` : `https://www.youtube.com/channel/${handle}`;
    case SocialPlatform.FACEBOOK:
      return `https://www.facebook.com/${handle}`;
    case SocialPlatform.WHATSAPP:
      return `https://wa.me/${handle.replace(/^\+/, '')}`;
    case SocialPlatform.TELEGRAM:
      return `https://t.me/${handle}`;
    case SocialPlatform.SHARECHAT:
      return `https://sharechat.com/profile/${encodeURIComponent(handle)}`;
    default:
      return null;
  }
}

/** An absolute http(s) address, or an error on the field. */
function checkUrl(errors: FieldErrors, field: string, raw: string): string | undefined {
  const text = raw.trim();
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) errors.add(field, 'must be an http:// or https:// address');
  else if (text.length > MAX_URL_LENGTH) errors.add(field, `must be at most ${MAX_URL_LENGTH} characters`);
  else return text;
  return undefined;
}

type Owner = Pick<SocialAccount, 'organizationId' | 'ownerMemberId' | 'ownerTeamId'>;

const given = (value: string | null | undefined): value is string => value !== undefined && value !== null && value.trim() !== '';

export class SocialAccountService extends ItcellRecordService<SocialAccount, SocialAccountFilter> {
  protected readonly defaultSort = 'handle';

  /** Each member's live accounts, for many members in one query. */
  readonly byMember = new DataLoader<string, SocialAccount[]>((memberIds) => this.loadByOwner('ownerMemberId', memberIds));

  /** Each team's live accounts, for many teams in one query. */
  readonly byTeam = new DataLoader<string, SocialAccount[]>((teamIds) => this.loadByOwner('ownerTeamId', teamIds));

  constructor(deps: ItcellDeps) {
    super(deps, SocialAccount, 'SocialAccount');
  }

  protected scopeSql(alias: string): ScopeSql {
    return {
      // A team's account lies where the team does; a member's where a team the member serves in does.
      unit: `(${parentWithinScope('social_team', `${alias}.owner_team_id`)} OR EXISTS (SELECT 1 FROM team_member scope_role
        JOIN social_team scope_team ON scope_team.id = scope_role.team_id
        WHERE scope_role.member_id = ${alias}.owner_member_id AND scope_role.deleted_at IS NULL AND ${pathWithinScope('scope_team.unit_path')}))`,
      organization: `${alias}.organization_id`,
    };
  }

  private async loadByOwner(column: 'ownerMemberId' | 'ownerTeamId', ids: readonly string[]): Promise<SocialAccount[][]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? await this.repository.find({ where: { [column]: In(valid) }, order: { platform: 'ASC', handle: 'ASC' } })
      : [];
    const byOwner = new Map<string, SocialAccount[]>();
    for (const row of rows) byOwner.set(row[column]!, [...(byOwner.get(row[column]!) ?? []), row]);
    return ids.map((id) => byOwner.get(id) ?? []);
  }

  query(filter: SocialAccountFilter = {}): SelectQueryBuilder<SocialAccount> {
    const query = this.createQuery('a', filter, ['organizationId', 'ownerMemberId', 'ownerTeamId', 'withinUnit']);
    const q = filter.q?.trim().replace(/^@/, '');
    if (q) query.andWhere('(a.handle ILIKE :q OR a.url ILIKE :q)', { q: `%${escapeLike(q)}%` });
    if (filter.organizationId) query.andWhere('a.organizationId = :organizationId', { organizationId: filter.organizationId });
    if (filter.platforms?.length) query.andWhere('a.platform IN (:...platforms)', { platforms: filter.platforms });
    if (filter.ownerMemberId) query.andWhere('a.ownerMemberId = :ownerMemberId', { ownerMemberId: filter.ownerMemberId });
    if (filter.ownerTeamId) query.andWhere('a.ownerTeamId = :ownerTeamId', { ownerTeamId: filter.ownerTeamId });
    if (filter.withinUnit) {
      query.andWhere(
        'a.owner_team_id IN (SELECT id FROM social_team WHERE unit_path @> ARRAY[:withinUnit]::uuid[] AND deleted_at IS NULL)',
        { withinUnit: filter.withinUnit },
      );
    }
    if (filter.teamOwned !== undefined && filter.teamOwned !== null) {
      query.andWhere(filter.teamOwned ? 'a.ownerTeamId IS NOT NULL' : 'a.ownerMemberId IS NOT NULL');
    }
    if (filter.verified !== undefined && filter.verified !== null) query.andWhere('a.verified = :verified', { verified: filter.verified });
    if (filter.minFollowers !== undefined && filter.minFollowers !== null) {
      query.andWhere('a.followers >= :minFollowers', { minFollowers: filter.minFollowers });
    }
    return query;
  }

  async create(input: SocialAccountInput): Promise<SocialAccount> {
    const errors = new FieldErrors();
    const owner = await this.resolveOwner(errors, input.ownerMemberId, input.ownerTeamId);
    const values = this.validate(errors, input, null);
    errors.throwIfAny();
    return this.reportingDuplicates(() =>
      this.dataSource.transaction(async (manager) => {
        await this.checkHandleFree(manager, errors, values.platform!, values.handle!, null);
        errors.throwIfAny();
        return manager.save(manager.create(SocialAccount, { ...values, ...owner! }));
      }),
    );
  }

  async updateRecord(id: string, input: SocialAccountUpdateInput, expectedVersion?: number): Promise<SocialAccount> {
    return this.reportingDuplicates(() =>
      this.update(id, expectedVersion, async (account, manager) => {
        const errors = new FieldErrors();
        const transfer = given(input.ownerMemberId) || given(input.ownerTeamId);
        const owner = transfer ? await this.resolveOwner(errors, input.ownerMemberId, input.ownerTeamId, account.organizationId) : null;
        const values = this.validate(errors, input, account);
        if (values.handle && (values.platform !== account.platform || values.handle.toLowerCase() !== account.handle.toLowerCase())) {
          await this.checkHandleFree(manager, errors, values.platform!, values.handle, account.id);
        }
        errors.throwIfAny();
        Object.assign(account, values, owner ?? {});
      }),
    );
  }

  /**
   * Exactly one owner: a live member of membership or a live team here. The account takes the owner's
   * organisation; a transfer must stay within `organizationId`.
   */
  private async resolveOwner(
    errors: FieldErrors,
    ownerMemberId: string | null | undefined,
    ownerTeamId: string | null | undefined,
    organizationId?: string,
  ): Promise<Owner | null> {
    if (given(ownerMemberId) === given(ownerTeamId)) {
      const message = given(ownerMemberId) ? 'give either ownerMemberId or ownerTeamId, not both' : 'give ownerMemberId or ownerTeamId';
      errors.add('ownerMemberId', message).add('ownerTeamId', message);
      return null;
    }
    if (given(ownerMemberId)) {
      const member = await this.membership.requireMember(errors, 'ownerMemberId', ownerMemberId, organizationId);
      return member && { organizationId: member.organizationId, ownerMemberId: member.id, ownerTeamId: null };
    }
    const team = await this.services.socialTeams.findReference(errors, 'ownerTeamId', ownerTeamId!);
    if (!team) return null;
    if (organizationId && team.organizationId !== organizationId) {
      errors.add('ownerTeamId', 'belongs to another organisation');
      return null;
    }
    return { organizationId: team.organizationId, ownerMemberId: null, ownerTeamId: team.id };
  }

  /** Checks every given field against the platform's rules; returns the cleaned values. `existing` is null on create. */
  private validate(errors: FieldErrors, input: SocialAccountUpdateInput, existing: SocialAccount | null): Partial<SocialAccount> {
    const values: Partial<SocialAccount> = {};
    const platform = input.platform ?? existing!.platform;
    values.platform = platform;

    let handle = existing?.handle;
    if (!existing || (input.handle !== undefined && input.handle !== null) || platform !== existing.platform) {
      const checked = normalizeHandle(platform, input.handle ?? existing!.handle);
      if (checked.error) errors.add('handle', checked.error);
      handle = checked.handle;
    }
    if (handle !== undefined) values.handle = handle;

    if (input.url !== undefined && input.url !== null && input.url.trim() !== '') {
      values.url = checkUrl(errors, 'url', input.url);
    } else if (handle !== undefined) {
      // Derived: on create, when cleared, or when the stored address was derived from the old handle.
      const derived = !existing || input.url !== undefined || existing.url === defaultUrl(existing.platform, existing.handle);
      values.url = derived ? defaultUrl(platform, handle) : existing.url;
    }

    if (input.followers !== undefined && input.followers !== null) {
      if (!Number.isInteger(input.followers) || input.followers < 0) errors.add('followers', 'must be a whole number, 0 or more');
      else values.followers = input.followers;
    } else if (!existing) values.followers = 0;

    if (input.verified !== undefined && input.verified !== null) values.verified = input.verified;
    else if (!existing) values.verified = false;
    return values;
  }

  private async checkHandleFree(
    manager: EntityManager,
    errors: FieldErrors,
    platform: SocialPlatform,
    handle: string,
    exceptId: string | null,
  ): Promise<void> {
    const query = manager
      .createQueryBuilder(SocialAccount, 'a')
      .where('a.platform = :platform AND lower(a.handle) = lower(:handle)', { platform, handle });
    if (exceptId) query.andWhere('a.id <> :exceptId', { exceptId });
    if (await query.getExists()) errors.add('handle', `another account already has ${handle} on ${platform}`);
  }

  /** The unique index is the last word: a write that raced past checkHandleFree still gets a field error. */
  private async reportingDuplicates<R>(write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw badUserInput({ handle: 'another account already has this handle on this platform' });
      throw error;
    }
  }

  protected override async restoreBlockers(account: SocialAccount, manager: EntityManager): Promise<FieldMessages> {
    const errors = new FieldErrors();
    await this.checkHandleFree(manager, errors, account.platform, account.handle, account.id);
    return errors.empty ? {} : { handle: `another live account now has ${account.handle} on ${account.platform}` };
  }
}
