import { BaseRecord } from '@sangathan/common';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/** A partner app's read access to a slice of the data. Only a hash of its secret is kept. */
@ObjectType()
@Entity('partner_token')
export class PartnerToken extends BaseRecord {
  @Field()
  @Column()
  name!: string;

  @Field(() => ID)
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field(() => ID, { description: 'The app sees this unit and everything below it' })
  @Column({ name: 'scope_unit_id', type: 'uuid' })
  scopeUnitId!: string;

  @Field(() => [String], { description: 'From members:read, pii:read, itcell:read, training:read' })
  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Field()
  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Recorded at most once a minute' })
  @Column({ name: 'last_used_at', type: 'timestamptz', precision: 3, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'secret_hash' })
  secretHash!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The token to send as `Authorization: Bearer …`: only in the answer to createPartnerToken, never again',
  })
  secret?: string | null;
}
