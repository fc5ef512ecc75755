import { defineModule, loadReference } from '@sangathan/common';
import { unitRecordTable } from '../../itcell-record-service';
import { SocialTeam } from './social-team.entity';
import { SocialTeamResolver } from './social-team.resolver';
import { SocialTeamService } from './social-team.service';

export const socialTeamModule = defineModule({
  name: 'social-team',
  entities: [SocialTeam],
  resolvers: [SocialTeamResolver],
  references: { SocialTeam: loadReference('socialTeams') },
  services: { socialTeams: SocialTeamService },
  unitCopyTables: [unitRecordTable('social_team')],
});
