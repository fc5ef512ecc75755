import type { UnitCopyTable } from '@sangathan/common';
import { InitialSchema1764100000000 } from './migrations/1764100000000-InitialSchema';
import { SocialTeam } from './modules/social-team/social-team.entity';
import { TeamMember } from './modules/team-member/team-member.entity';

export const ENTITIES = [SocialTeam, TeamMember];
/** Listed explicitly (not globbed) so ts-jest, tsc output and the CLI load the same set. */
export const MIGRATIONS = [InitialSchema1764100000000];

/** Tables holding copies of unit ancestry, rewritten when membership reports a unit change. */
export const UNIT_COPY_TABLES: UnitCopyTable[] = [
  { table: 'social_team', unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' },
];
