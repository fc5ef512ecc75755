import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'The versions the caller last saw; a stale one is a CONFLICT and changes nothing' })
export class MergeExpectedVersions {
  @Field(() => Int, { nullable: true })
  keep?: number;

  @Field(() => Int, { nullable: true })
  retire?: number;
}
