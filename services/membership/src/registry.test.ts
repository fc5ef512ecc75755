import { createTestDatabase, unauditedTables, unregisteredParts } from '@sangathan/common';
import { MEMBERSHIP_UNAUDITED_TABLES } from './migrations/1764700000000-AuditLog';
import { createMembershipDataSource } from './service';
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

it('audits every table but the ones exempted with a reason', async () => {
  const database = await createTestDatabase('membership-audit-coverage');
  const dataSource = createMembershipDataSource(database.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    expect(await unauditedTables(dataSource, MEMBERSHIP_UNAUDITED_TABLES)).toEqual([]);
    // And the check itself notices a table without triggers.
    await dataSource.query('CREATE TABLE unaudited_example (id uuid PRIMARY KEY)');
    expect(await unauditedTables(dataSource, MEMBERSHIP_UNAUDITED_TABLES)).toEqual(['unaudited_example']);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
});
