import { createTestDatabase, unauditedTables, unregisteredParts } from '@sangathan/common';
import { ITCELL_UNAUDITED_TABLES } from './migrations/1764800000000-AuditLog';
import { createItcellDataSource } from './service';
import { MIGRATIONS, MODULES } from './definition';

it('every module folder, entity, resolver and migration is registered', () => {
  expect(unregisteredParts(__dirname, MODULES, MIGRATIONS)).toEqual([]);
});

it('audits every table but the ones exempted with a reason', async () => {
  const database = await createTestDatabase('itcell-audit-coverage');
  const dataSource = createItcellDataSource(database.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    expect(await unauditedTables(dataSource, ITCELL_UNAUDITED_TABLES)).toEqual([]);
    // And the check itself notices a table without triggers.
    await dataSource.query('CREATE TABLE unaudited_example (id uuid PRIMARY KEY)');
    expect(await unauditedTables(dataSource, ITCELL_UNAUDITED_TABLES)).toEqual(['unaudited_example']);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
});
