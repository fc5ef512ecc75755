import { unregisteredParts } from '@sangathan/common';
import { MIGRATIONS, MODULES } from './definition';
import { positionModule } from './modules/position';

it('every module folder, entity, resolver and migration is registered', () => {
  expect(unregisteredParts(__dirname, MODULES, MIGRATIONS)).toEqual([]);
});

it('names what a contributor forgot to register', () => {
  const withoutPosition = MODULES.filter((module) => module !== positionModule);
  const positionWithoutParts = { ...positionModule, entities: [], resolvers: [] };
  expect(unregisteredParts(__dirname, withoutPosition, MIGRATIONS.slice(1))).toEqual([
    "modules/position is not in the service's module list",
    `migration ${MIGRATIONS[0].name} is not in the migration list`,
  ]);
  expect(unregisteredParts(__dirname, [...withoutPosition, positionWithoutParts], MIGRATIONS)).toEqual([
    "entity Position (modules/position) is not in its module's entities",
    "resolver PositionResolver (modules/position) is not in its module's resolvers",
  ]);
});
