import { CrudResolver } from '@sangathan/common';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { MemberRef, memberRef } from '../federation/references';
import { TrainerTeam } from './trainer-team.entity';
import { TrainerTeamFilter, TrainerTeamInput, TrainerTeamPage, TrainerTeamSort, TrainerTeamUpdateInput } from './trainer-team.types';

@Resolver(() => TrainerTeam)
export class TrainerTeamResolver extends CrudResolver({
  name: 'trainerTeam',
  plural: 'trainerTeams',
  entity: TrainerTeam,
  input: TrainerTeamInput,
  updateInput: TrainerTeamUpdateInput,
  filter: TrainerTeamFilter,
  sort: TrainerTeamSort,
  page: TrainerTeamPage,
}) {
  @FieldResolver(() => TrainingCampaign, { description: 'The campaign the team trains for (batched)' })
  async campaign(@Root() team: TrainerTeam, @Ctx() { services }: TrainingContext) {
    return (await services.trainingCampaigns.loader.load(team.campaignId))!;
  }

  @FieldResolver(() => Int, { description: 'Number of trainers' })
  size(@Root() team: TrainerTeam) {
    return team.trainerIds.length;
  }

  @FieldResolver(() => [MemberRef], {
    nullable: true,
    description:
      'The trainers you may see, as members (trainerIds and size count every trainer, wherever they live); null when membership does not answer',
  })
  async trainers(@Root() team: TrainerTeam, @Ctx() { services }: TrainingContext) {
    const visible = await services.membership.visibleMemberIds(team.trainerIds);
    return team.trainerIds.filter((id) => visible.has(id)).map(memberRef);
  }

  @Mutation(() => TrainerTeam, { description: 'Adds members to the team’s trainers; those already in it stay' })
  addTrainers(
    @Arg('id', () => ID) id: string,
    @Arg('memberIds', () => [ID]) memberIds: string[],
    @Ctx() { services }: TrainingContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return services.trainerTeams.addTrainers(id, memberIds, expectedVersion);
  }

  @Mutation(() => TrainerTeam, { description: 'Takes members off the team’s trainers; ids not in it are ignored' })
  removeTrainers(
    @Arg('id', () => ID) id: string,
    @Arg('memberIds', () => [ID]) memberIds: string[],
    @Ctx() { services }: TrainingContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return services.trainerTeams.removeTrainers(id, memberIds, expectedVersion);
  }
}
