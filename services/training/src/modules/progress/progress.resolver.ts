import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { Camp } from '../camp/camp.entity';
import { TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { OrgUnitRef } from '../federation/references';
import { CampaignPhase } from '../campaign-phase/campaign-phase.entity';
import { TrainingProgress, TrainingUnitProgress } from './progress.types';

const BY_UNIT =
  'Every live unit at `level` (e.g. "district", "vidhan_sabha", "region") within the campaign’s owner unit, in membership’s order, ' +
  'with the camps planned and held at it or below it and the distinct members trained there';

@Resolver(() => TrainingCampaign)
export class CampaignProgressResolver {
  @FieldResolver(() => TrainingProgress, {
    description: 'The campaign’s targets against its camps and trainees within its owner unit (batched: one query per request)',
  })
  progress(@Root() campaign: TrainingCampaign, @Ctx() { services }: TrainingContext) {
    return services.progress.campaigns.load(campaign.id);
  }

  @FieldResolver(() => [TrainingUnitProgress], { description: BY_UNIT })
  progressByUnit(@Root() campaign: TrainingCampaign, @Ctx() { services }: TrainingContext, @Arg('level', () => String) level: string) {
    return services.progress.progressByCampaignUnit(campaign, level);
  }
}

@Resolver(() => CampaignPhase)
export class CampaignPhaseProgressResolver {
  @FieldResolver(() => TrainingProgress, {
    description: 'The phase’s targets against its camps and trainees within the campaign’s owner unit (batched: one query per request)',
  })
  progress(@Root() phase: CampaignPhase, @Ctx() { services }: TrainingContext) {
    return services.progress.phases.load(phase.id);
  }

  @FieldResolver(() => [TrainingUnitProgress], { description: `${BY_UNIT}, counting this phase’s camps only` })
  progressByUnit(@Root() phase: CampaignPhase, @Ctx() { services }: TrainingContext, @Arg('level', () => String) level: string) {
    return services.progress.progressByPhaseUnit(phase, level);
  }
}

@Resolver(() => Camp)
export class CampProgressResolver {
  @FieldResolver(() => TrainingProgress, {
    description: 'Target 1 camp and `capacity` trainees against whether it was held and who was trained (batched: one query per request)',
  })
  progress(@Root() camp: Camp, @Ctx() { services }: TrainingContext) {
    return services.progress.camps.load(camp.id);
  }
}

/** What training's progress adds to membership's OrgUnit. */
@Resolver(() => OrgUnitRef)
export class OrgUnitProgressResolver {
  @FieldResolver(() => TrainingProgress, {
    nullable: true,
    description:
      'A campaign’s camps at this unit or below it and the members trained there; null when there is no such campaign or training does not answer. ' +
      'The campaign’s targets apply when this is its owner unit (or a unit above it); below it no targets are set and they are 0. ' +
      'Batched: one query per request.',
  })
  trainingProgress(@Root() unit: OrgUnitRef, @Ctx() { services }: TrainingContext, @Arg('campaignId', () => ID) campaignId: string) {
    return services.progress.unit(unit.id, campaignId);
  }
}
