import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { TeamMember, TeamRole } from './team-member.entity';

@InputType()
export class TeamMemberInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => ID, { description: 'A member (from membership) of the team’s organisation' })
  memberId!: string;

  @Field(() => TeamRole)
  role!: TeamRole;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today' })
  since?: string;

  @Field(() => DateScalar, { nullable: true })
  until?: string;
}

@InputType()
export class TeamMemberUpdateInput {
  @Field(() => TeamRole, { nullable: true })
  role?: TeamRole;

  @Field(() => DateScalar, { nullable: true })
  since?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Set to end the role; an empty string reopens it' })
  until?: string;
}

@InputType()
export class TeamMemberFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, { nullable: true, description: 'Roles in teams of this unit and every unit below it' })
  withinUnit?: string;

  @Field(() => [TeamRole], { nullable: true })
  roles?: TeamRole[];

  @Field({ nullable: true, description: 'true: held today' })
  current?: boolean;
}

export enum TeamMemberSortField {
  role = 'role',
  since = 'since',
  until = 'until',
  createdAt = 'createdAt',
}

@InputType()
export class TeamMemberSort extends SortInputType(TeamMemberSortField, 'TeamMemberSortField') {}

@ObjectType()
export class TeamMemberPage extends PageType(TeamMember) {}
