import { unregisteredParts } from '@sangathan/common';
import { MIGRATIONS, MODULES } from './definition';

it('every module folder, entity, resolver and migration is registered', () => {
  expect(unregisteredParts(__dirname, MODULES, MIGRATIONS)).toEqual([]);
});
