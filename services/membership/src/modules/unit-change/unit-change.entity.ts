import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A unit moved (its path, and every descendant's, changed) or changed level. Written in the same
 * transaction as the change; services that copy unit ancestry follow these in `seq` order.
 */
@ObjectType({ description: 'A move or level change of a unit, for services that keep copies of unit ancestry' })
@Entity('unit_change')
export class UnitChange {
  @Field(() => Int, { description: 'Increasing; pass the last one seen as `after`' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: number;

  @Field(() => ID)
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Field(() => [ID], { description: 'The unit’s new path, root first, itself included; descendants keep their tails' })
  @Column({ type: 'uuid', array: true })
  path!: string[];

  @Field({ description: 'The unit’s level after the change' })
  @Column()
  level!: string;

  @Field()
  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz', precision: 3 })
  changedAt!: Date;
}
