import type { UnitCopyTable } from '@sangathan/common';
import { InitialSchema1764400000000 } from './migrations/1764400000000-InitialSchema';
import { Camp } from './modules/camp/camp.entity';
import { TrainingCampaign } from './modules/campaign/campaign.entity';
import { Enrollment } from './modules/enrollment/enrollment.entity';
import { CampaignPhase } from './modules/phase/phase.entity';
import { Topic } from './modules/topic/topic.entity';
import { TrainerTeam } from './modules/trainer-team/trainer-team.entity';

export const ENTITIES = [TrainingCampaign, CampaignPhase, Topic, TrainerTeam, Camp, Enrollment];
/** Listed explicitly (not globbed) so ts-jest, tsc output and the CLI load the same set. */
export const MIGRATIONS = [InitialSchema1764400000000];

/** Tables holding copies of unit ancestry, rewritten when membership reports a unit change. */
export const UNIT_COPY_TABLES: UnitCopyTable[] = [
  { table: 'training_campaign', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' },
  { table: 'camp', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' },
];
