import { BaseRecord } from '@sangathan/common';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

@ObjectType({ description: 'One level of an organisation’s unit tree; a lower rank is higher up' })
export class UnitLevel {
  @Field({ description: 'Stable key used by units, e.g. "district"' })
  key!: string;

  @Field({ description: 'Label shown to people, e.g. "District"' })
  label!: string;

  @Field(() => Int)
  rank!: number;
}

export const LOCALES = ['en', 'hi', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A tenant: a party, youth union, union or NGO' })
@Entity('organization')
export class Organization extends BaseRecord {
  @Field()
  @Column()
  name!: string;

  @Field()
  @Column({ name: 'short_name' })
  shortName!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. IN, VN' })
  @Column({ type: 'char', length: 2 })
  country!: string;

  @Field({ description: 'en, hi or vi' })
  @Column({ name: 'default_locale' })
  defaultLocale!: string;

  @Field(() => [UnitLevel], { description: 'Ordered from the top (lowest rank) down' })
  @Column({ name: 'unit_levels', type: 'jsonb' })
  unitLevels!: UnitLevel[];

  /** Last generated membership number sequence value. */
  @Column({ name: 'member_sequence', type: 'int', default: 0 })
  memberSequence!: number;
}
