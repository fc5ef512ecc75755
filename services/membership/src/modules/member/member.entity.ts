import { BaseRecord, DateScalar, PersonalData } from '@sangathan/common';
import { Directive, Field, ID, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  LAPSED = 'LAPSED',
  RESIGNED = 'RESIGNED',
  EXPELLED = 'EXPELLED',
  DECEASED = 'DECEASED',
}
registerEnumType(MemberStatus, { name: 'MemberStatus' });

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
  UNDISCLOSED = 'UNDISCLOSED',
}
registerEnumType(Gender, { name: 'Gender' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person on the rolls of an organisation' })
@Entity('member')
export class Member extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Full name as written (Devanagari, Vietnamese, Latin…)' })
  @Column({ name: 'full_name' })
  fullName!: string;

  @Field({ description: 'Latin form of the name (derived when not given)' })
  @Column({ name: 'full_name_latin' })
  fullNameLatin!: string;

  @Field(() => Gender, { nullable: true })
  @Column({ type: 'text', nullable: true })
  gender!: Gender | null;

  @UseMiddleware(PersonalData)
  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth!: string | null;

  @UseMiddleware(PersonalData)
  @Field(() => String, { nullable: true, description: 'E.164, e.g. +919812345678' })
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @UseMiddleware(PersonalData)
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Field(() => ID, { description: 'Home unit' })
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Field({ description: 'Unique within the organisation; generated when not given' })
  @Column({ name: 'membership_number' })
  membershipNumber!: string;

  @Field(() => DateScalar)
  @Column({ name: 'joined_on', type: 'date' })
  joinedOn!: string;

  @Field(() => MemberStatus)
  @Column({ type: 'text', default: MemberStatus.ACTIVE })
  status!: MemberStatus;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'search_key' })
  searchKey!: string;

  @Field(() => ID, { nullable: true, description: 'Set when this member was merged into another (and retired): that member’s id' })
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  /** The Latin name's loose key for finding duplicates (see duplicate/name-key.ts). */
  @Column({ name: 'name_key', default: '' })
  nameKey!: string;
}
