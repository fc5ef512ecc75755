import { CrudResolver, PageInput } from '@sangathan/common';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { EnrollmentStatus } from '../enrollment/enrollment.entity';
import { EnrollmentPage } from '../enrollment/enrollment.types';
import { OrgUnitRef, unitRef } from '../federation/references';
import { CampaignPhase } from '../campaign-phase/campaign-phase.entity';
import { Topic } from '../topic/topic.entity';
import { TrainerTeam } from '../trainer-team/trainer-team.entity';
import { Camp } from './camp.entity';
import { CampFilter, CampInput, CampPage, CampSort, CampUpdateInput } from './camp.types';

@Resolver(() => Camp)
export class CampResolver extends CrudResolver({
  name: 'camp',
  plural: 'camps',
  entity: Camp,
  input: CampInput,
  updateInput: CampUpdateInput,
  filter: CampFilter,
  sort: CampSort,
  page: CampPage,
}) {
  @FieldResolver(() => CampaignPhase, {
    nullable: true,
    description: 'Null when the campaign lies outside what the caller may see (a camp in the caller’s unit of a campaign run above it)',
  })
  phase(@Root() camp: Camp, @Ctx() { services }: TrainingContext) {
    return services.campaignPhases.loader.load(camp.phaseId);
  }

  @FieldResolver(() => TrainingCampaign, {
    nullable: true,
    description: 'Null when it lies outside what the caller may see (a camp in the caller’s unit of a campaign run above it)',
  })
  campaign(@Root() camp: Camp, @Ctx() { services }: TrainingContext) {
    return services.trainingCampaigns.loader.load(camp.campaignId);
  }

  @FieldResolver(() => OrgUnitRef, { nullable: true, description: 'The unit the camp is held at; null when membership does not answer' })
  unit(@Root() camp: Camp) {
    return unitRef(camp.unitId);
  }

  @FieldResolver(() => TrainerTeam, {
    nullable: true,
    description: 'The trainer team that runs the camp; null when its campaign lies outside what the caller may see',
  })
  trainerTeam(@Root() camp: Camp, @Ctx() { services }: TrainingContext) {
    return camp.trainerTeamId ? services.trainerTeams.loader.load(camp.trainerTeamId) : null;
  }

  @FieldResolver(() => [Topic], {
    description: 'The topics taught, in the camp’s order (none when its campaign lies outside what the caller may see)',
  })
  async topics(@Root() camp: Camp, @Ctx() { services }: TrainingContext) {
    const topics = await services.topics.loader.loadMany(camp.topicIds);
    return topics.filter((topic): topic is Topic => topic instanceof Topic);
  }

  @FieldResolver(() => EnrollmentPage, { description: 'Who is enrolled, in the order they were enrolled' })
  enrollments(
    @Root() camp: Camp,
    @Ctx() { services }: TrainingContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @Arg('statuses', () => [EnrollmentStatus], { nullable: true }) statuses?: EnrollmentStatus[],
  ) {
    return services.enrollments.list({ campId: camp.id, statuses }, [], page);
  }

  @FieldResolver(() => Int, { description: 'Places taken: enrolments that are not cancelled' })
  enrolledCount(@Root() camp: Camp, @Ctx() { services }: TrainingContext) {
    return services.camps.enrolledCounts.load(camp.id);
  }
}
