import { defineModule } from '@sangathan/common';
import { TrainerTeam } from './trainer-team.entity';
import { TrainerTeamResolver } from './trainer-team.resolver';
import { TrainerTeamService } from './trainer-team.service';

export const trainerTeamModule = defineModule({
  name: 'trainer-team',
  entities: [TrainerTeam],
  resolvers: [TrainerTeamResolver],
  services: { trainerTeams: TrainerTeamService },
});
