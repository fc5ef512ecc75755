import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PageType } from '../pagination';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
  MOVE = 'MOVE',
  MERGE = 'MERGE',
}
registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'DELETE is a soft delete (or the removal of a link row); MOVE a change of unit or parent unit',
});

export enum AuditActorKind {
  account = 'account',
  partner = 'partner',
  service = 'service',
  system = 'system',
}
registerEnumType(AuditActorKind, { name: 'AuditActorKind' });

/** One changed field; values are text (JSON for numbers, lists and objects), masked for personal details. */
@Directive('@shareable')
@ObjectType()
export class AuditChange {
  @Field({ description: 'The field as the API names it' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'Null on a create, or when the field was empty' })
  oldValue!: string | null;

  @Field(() => String, { nullable: true, description: 'Null on a removal, or when the field was emptied' })
  newValue!: string | null;
}

/** The stored form of a change: values as PostgreSQL wrote them in JSON. */
export interface StoredChange {
  field: string;
  old: unknown;
  new: unknown;
}

/**
 * One audited change of one record, written by the database in the transaction of the change (see
 * audit-schema.ts). Read-only: no API changes or removes entries.
 */
@Directive('@shareable')
@ObjectType({ description: 'Who changed which record, when, and from what to what' })
@Entity('audit_entry')
export class AuditEntry {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'When the change was committed (its transaction’s time), UTC' })
  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;

  @Field({ description: 'The service whose database holds the record: membership, itcell or training' })
  service!: string;

  @Field(() => ID, { nullable: true, description: 'The record’s unit when it was changed' })
  unitId!: string | null;

  @Field(() => AuditActorKind)
  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: AuditActorKind;

  @Field(() => String, { nullable: true, description: 'Account or partner token id; the service’s name; null for system jobs' })
  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'The account’s or partner token’s name at the time of the change' })
  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: 'The system job that made the change (seed, unit-copies, import)' })
  @Column({ type: 'text', nullable: true })
  job!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: 'The mutation that made the change, e.g. deleteMembers' })
  @Column({ type: 'text', nullable: true })
  operation!: string | null;

  @Field({ description: 'The GraphQL type of the record, e.g. Member' })
  @Column({ name: 'record_type', type: 'text' })
  recordType!: string;

  @Field(() => ID)
  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Field(() => AuditAction)
  @Column({ type: 'text' })
  action!: AuditAction;

  @Field({ description: 'One of several records changed by one statement (a bulk delete or enrolment, a unit move)' })
  @Column()
  bulk!: boolean;

  @Column({ name: 'changes', type: 'jsonb' })
  storedChanges!: StoredChange[];

  @Field(() => [AuditChange], { description: 'The changed fields, in name order' })
  changes!: AuditChange[];

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ name: 'unit_path', type: 'uuid', array: true, nullable: true })
  unitPath!: string[] | null;
}

@Directive('@shareable')
@ObjectType()
export class AuditEntryPage extends PageType(AuditEntry) {}

@InputType()
export class AuditEntryFilter {
  @Field(() => ID, { nullable: true, description: 'Entries about this record' })
  recordId?: string;

  @Field(() => [String], { nullable: true, description: 'Record types, e.g. ["Member"]' })
  recordTypes?: string[];

  @Field(() => String, { nullable: true, description: 'Account or partner token id (or a service name)' })
  actorId?: string;

  @Field(() => AuditActorKind, { nullable: true })
  actorKind?: AuditActorKind;

  @Field(() => [AuditAction], { nullable: true })
  actions?: AuditAction[];

  @Field(() => Date, { nullable: true, description: 'At or after this time' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Before this time' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Records in this unit or below it (where the record was when changed)' })
  withinUnit?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => String, { nullable: true })
  requestId?: string;
}
