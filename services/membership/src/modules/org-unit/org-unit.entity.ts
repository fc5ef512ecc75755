import { BaseRecord } from '@sangathan/common';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One node of an organisation’s unit tree: state, district, mandal, booth…' })
@Entity('org_unit')
export class OrgUnit extends BaseRecord {
  @Field(() => ID)
  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Field({ description: 'One of the organisation’s unit level keys' })
  @Column()
  level!: string;

  @Field({ description: 'Name as written, in its own script' })
  @Column()
  name!: string;

  @Field({ description: 'Latin form of the name (derived when not given)' })
  @Column({ name: 'name_latin' })
  nameLatin!: string;

  @Field({ description: 'Unique within the organisation' })
  @Column()
  code!: string;

  /** Ids from the root down to this unit itself: the materialised path behind subtree queries. */
  @Field(() => [ID], { description: 'Ids from the root down to this unit, itself included' })
  @Column({ type: 'uuid', array: true })
  path!: string[];

  @Column({ name: 'search_key', select: true })
  searchKey!: string;
}
