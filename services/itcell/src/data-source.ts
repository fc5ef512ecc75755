import 'reflect-metadata';
import { cliDataSource, EnvReader } from '@sangathan/common';
import { loadConfig } from './config';
import { ITCELL_SERVICE } from './definition';

/** For the TypeORM CLI (`npm run migration:run -w @sangathan/itcell`): DATABASE_URL, or the embedded server's itcell database (which must be running). */
export default cliDataSource(ITCELL_SERVICE, loadConfig(new EnvReader()));
