import {
  EMAIL_PATTERN,
  checkNotInFuture,
  cleanText,
  escapeLike,
  FieldErrors,
  type FieldMessages,
  isUuid,
  RecordService,
  type ScopeSql,
  searchKey,
  searchKeyCondition,
  today,
  toLatin,
} from '@sangathan/common';
import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps, MembershipServices } from '../../context';
import { nameKey } from '../duplicate/name-key';
import { unitInScope, unitWithin } from '../org-unit/org-unit.service';
import { Organization } from '../organization/organization.entity';
import { Member, MemberStatus } from './member.entity';
import type { MemberFilter, MemberInput, MemberUpdateInput } from './member.types';

const EARLIEST_BIRTH_DATE = '1900-01-01';

/** E.164 for a valid number, or undefined. National numbers are read in the organisation's country. */
export function normalizePhone(raw: string, country: string): string | undefined {
  try {
    const phone = parsePhoneNumberWithError(raw, country as CountryCode);
    return phone.isValid() ? phone.number : undefined;
  } catch {
    return undefined;
  }
}

export class MemberService extends RecordService<Member, MemberFilter> {
  protected readonly defaultSort = 'fullNameLatin';
  private readonly services: MembershipServices;

  constructor(deps: MembershipDeps) {
    super(deps, Member, 'Member');
    this.services = deps.services;
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: unitInScope(`${alias}.unit_id`), organization: `${alias}.organization_id` };
  }

  async query(filter: MemberFilter = {}): Promise<SelectQueryBuilder<Member>> {
    const query = this.createQuery('m', filter, ['organizationId', 'withinUnit', 'unitId']);
    const q = filter.q?.trim();
    if (q) {
      const name = searchKeyCondition('m.searchKey', q);
      const digits = q.replace(/\D/g, '');
      query.andWhere(
        `((${name?.sql ?? 'FALSE'}) OR m.fullName ILIKE :qText OR m.membershipNumber ILIKE :qNumber${digits.length >= 4 ? ' OR m.phone LIKE :qPhone' : ''})`,
        { ...name?.parameters, qText: `%${escapeLike(q)}%`, qNumber: `${escapeLike(q)}%`, qPhone: `%${digits}%` },
      );
    }
    if (filter.organizationId) query.andWhere('m.organizationId = :organizationId', { organizationId: filter.organizationId });
    if (filter.unitId) query.andWhere('m.unitId = :unitId', { unitId: filter.unitId });
    if (filter.withinUnit) {
      // The only root of an organisation holds all its members: filter on the indexed column instead of
      // joining hundreds of thousands of units.
      const organizationId = await this.services.orgUnits.organizationOfSoleRoot(filter.withinUnit);
      if (organizationId) query.andWhere('m.organizationId = :rootOrganizationId', { rootOrganizationId: organizationId });
      else query.andWhere(unitWithin('m.unit_id', 'withinUnit'), { withinUnit: filter.withinUnit });
    }
    if (filter.statuses?.length) query.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.tags?.length) query.andWhere('m.tags @> :tags', { tags: filter.tags });
    if (filter.gender) query.andWhere('m.gender = :gender', { gender: filter.gender });
    if (filter.joinedFrom) query.andWhere('m.joinedOn >= :joinedFrom', { joinedFrom: filter.joinedFrom });
    if (filter.joinedTo) query.andWhere('m.joinedOn <= :joinedTo', { joinedTo: filter.joinedTo });
    return query;
  }

  async create(input: MemberInput): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const errors = new FieldErrors();
      const organization = await this.services.organizations.findReference(errors, 'organizationId', input.organizationId, { manager });
      const values = await this.validate(manager, errors, input, organization, null);
      errors.throwIfAny();
      const membershipNumber = values.membershipNumber ?? (await this.nextMembershipNumber(manager, organization!));
      return manager.save(
        manager.create(Member, {
          ...values,
          organizationId: organization!.id,
          membershipNumber,
          joinedOn: values.joinedOn ?? today(),
          status: values.status ?? MemberStatus.ACTIVE,
          tags: values.tags ?? [],
        }),
      );
    });
  }

  async updateRecord(id: string, input: MemberUpdateInput, expectedVersion?: number): Promise<Member> {
    return this.update(id, expectedVersion, async (member, manager) => {
      const errors = new FieldErrors();
      const organization = await manager.findOneOrFail(Organization, { where: { id: member.organizationId } });
      const values = await this.validate(manager, errors, input, organization, member);
      errors.throwIfAny();
      Object.assign(member, values);
    });
  }

  /** Checks every given field; returns the cleaned values. `existing` is null on create. */
  private async validate(
    manager: EntityManager,
    errors: FieldErrors,
    input: MemberUpdateInput & { unitId?: string },
    organization: Organization | null,
    existing: Member | null,
  ): Promise<Partial<Member>> {
    const creating = existing === null;
    const values: Partial<Member> = {};

    if (creating || input.fullName !== undefined) {
      const fullName = cleanText(errors, 'fullName', input.fullName, true);
      if (fullName) values.fullName = fullName;
    }
    const fullName = values.fullName ?? existing?.fullName;
    if (input.fullNameLatin?.trim()) values.fullNameLatin = input.fullNameLatin.trim();
    else if (fullName && (creating || values.fullName !== undefined)) values.fullNameLatin = toLatin(fullName);
    if (values.fullName !== undefined || values.fullNameLatin !== undefined) {
      values.searchKey = searchKey(`${fullName} ${values.fullNameLatin ?? existing?.fullNameLatin ?? ''}`);
      values.nameKey = nameKey(values.fullNameLatin ?? existing?.fullNameLatin ?? '');
    }

    if (input.gender !== undefined) values.gender = input.gender;
    if (input.dateOfBirth !== undefined) {
      if (input.dateOfBirth && input.dateOfBirth < EARLIEST_BIRTH_DATE)
        errors.add('dateOfBirth', `must not be before ${EARLIEST_BIRTH_DATE}`);
      checkNotInFuture(errors, 'dateOfBirth', input.dateOfBirth);
      values.dateOfBirth = input.dateOfBirth || null;
    }
    if (input.phone !== undefined) {
      const raw = input.phone?.trim();
      if (!raw) values.phone = null;
      else {
        const phone = normalizePhone(raw, organization?.country ?? 'IN');
        if (phone) values.phone = phone;
        else
          errors.add(
            'phone',
            `"${raw}" is not a valid phone number${organization ? ` for ${organization.country}` : ''}; use international form such as +919812345678`,
          );
      }
    }
    if (input.email !== undefined) {
      const email = input.email?.trim().toLowerCase();
      if (!email) values.email = null;
      else if (EMAIL_PATTERN.test(email)) values.email = email;
      else errors.add('email', `"${input.email}" is not a valid email address`);
    }
    if (creating || input.unitId !== undefined) {
      const unit = await this.services.orgUnits.findReference(errors, 'unitId', input.unitId!, { manager });
      if (unit && organization && unit.organizationId !== organization.id) errors.add('unitId', 'belongs to another organisation');
      else if (unit) values.unitId = unit.id;
    }
    if (input.membershipNumber !== undefined) {
      const number = cleanText(errors, 'membershipNumber', input.membershipNumber, !creating);
      if (number && organization && number !== existing?.membershipNumber) {
        const taken = await manager.exists(Member, { where: { organizationId: organization.id, membershipNumber: number } });
        if (taken) errors.add('membershipNumber', `${number} is already used by another member`);
        else values.membershipNumber = number;
      }
    }
    if (input.joinedOn !== undefined) {
      checkNotInFuture(errors, 'joinedOn', input.joinedOn);
      values.joinedOn = input.joinedOn;
    }
    if (input.status !== undefined) values.status = input.status;
    if (input.tags !== undefined) {
      values.tags = [...new Set((input.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
    }
    return values;
  }

  /** "<SHORT>-0000042": the organisation's counter, skipping numbers already taken by hand. */
  private async nextMembershipNumber(manager: EntityManager, organization: Organization): Promise<string> {
    const prefix = organization.shortName.toUpperCase().replace(/[^A-Z0-9]/g, '') || 'M';
    for (let attempt = 0; attempt < 1000; attempt++) {
      // A raw UPDATE: the counter is bookkeeping, not an edit of the organisation (no version bump).
      const [[row]]: [[{ member_sequence: number }], number] = await manager.query(
        'UPDATE organization SET member_sequence = member_sequence + 1 WHERE id = $1 RETURNING member_sequence',
        [organization.id],
      );
      const candidate = `${prefix}-${String(row.member_sequence).padStart(7, '0')}`;
      if (!(await manager.exists(Member, { where: { organizationId: organization.id, membershipNumber: candidate }, withDeleted: true }))) {
        return candidate;
      }
    }
    throw new Error(`could not find a free membership number for organisation ${organization.id}`);
  }

  /** A live member, or a merged (retired) one: it answers with `mergedInto`. Other deleted members are null. */
  override async get(id: string): Promise<Member | null> {
    if (!isUuid(id)) return null;
    const member = await this.loader.load(id);
    return member && (!member.deletedAt || member.mergedIntoId) ? member : null;
  }

  /** For references from other services: a merged member resolves to the member it was merged into. */
  async resolveReference(id: string): Promise<Member | null> {
    let member = await this.loader.load(id);
    // Merges re-point older merges to the newest kept member, so one step is enough; a few more guard against a cycle.
    for (let step = 0; member?.mergedIntoId && step < 5; step++) member = await this.loader.load(member.mergedIntoId);
    return member;
  }

  protected override async restoreBlockers(member: Member, manager: EntityManager): Promise<FieldMessages> {
    if (member.mergedIntoId) return { id: `was merged into member ${member.mergedIntoId}; a merge cannot be undone` };
    const taken = await manager.exists(Member, {
      where: { organizationId: member.organizationId, membershipNumber: member.membershipNumber },
    });
    return taken ? { membershipNumber: `${member.membershipNumber} is now used by another member` } : {};
  }
}
