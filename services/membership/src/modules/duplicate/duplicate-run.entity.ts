import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum DuplicateRunStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(DuplicateRunStatus, { name: 'DuplicateRunStatus' });

/** One findDuplicates job: its progress while it runs (the console polls it), its counts when done. */
@ObjectType({ description: 'One findDuplicates run: poll it with duplicateRun(id) until it is DONE or FAILED' })
@Entity('duplicate_run')
export class DuplicateRun {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** The scope unit of whoever started it (null: the whole organisation): only its members were compared. */
  @Column({ name: 'scope_unit_id', type: 'uuid', nullable: true })
  scopeUnitId!: string | null;

  @Field(() => DuplicateRunStatus)
  @Column({ type: 'text', default: DuplicateRunStatus.RUNNING })
  status!: DuplicateRunStatus;

  @Field()
  @CreateDateColumn({ name: 'started_at', type: 'timestamptz', precision: 3 })
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Pairs that share a blocking key (phone, name key in one area, birth date and name start) and whose phones and birth dates leave them able to reach the threshold: their names were compared. Null until the pairs are read',
  })
  @Column({ name: 'pairs_compared', type: 'integer', nullable: true })
  pairsCompared!: number | null;

  @Field(() => Int, { nullable: true, description: 'Pairs scoring at least the threshold: to be written to the queue' })
  @Column({ name: 'pairs_proposed', type: 'integer', nullable: true })
  pairsProposed!: number | null;

  @Field(() => Int, { description: 'Of those, written so far (progress)' })
  @Column({ name: 'pairs_written', type: 'integer', default: 0 })
  pairsWritten!: number;

  @Field(() => Int, { description: 'Of those written, pairs not proposed before' })
  @Column({ name: 'new_pairs', type: 'integer', default: 0 })
  newPairs!: number;

  @Field(() => String, { nullable: true, description: 'Why it FAILED' })
  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
