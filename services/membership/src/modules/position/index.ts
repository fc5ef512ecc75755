import { defineModule } from '@sangathan/common';
import { Position } from './position.entity';
import { PositionResolver } from './position.resolver';
import { PositionService } from './position.service';

export const positionModule = defineModule({
  name: 'position',
  entities: [Position],
  resolvers: [PositionResolver],
  services: { positions: PositionService },
});
