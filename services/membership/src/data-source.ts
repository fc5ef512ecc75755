import 'reflect-metadata';
import { cliDataSource, EnvReader } from '@sangathan/common';
import { loadConfig } from './config';
import { MEMBERSHIP_SERVICE } from './definition';

/** For the TypeORM CLI (`npm run migration:run -w @sangathan/membership`); the embedded server must be running, e.g. under `npm start`. */
export default cliDataSource(MEMBERSHIP_SERVICE, loadConfig(new EnvReader()));
