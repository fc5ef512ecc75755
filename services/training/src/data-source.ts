import 'reflect-metadata';
import { cliDataSource, EnvReader } from '@sangathan/common';
import { loadConfig } from './config';
import { TRAINING_SERVICE } from './definition';

/** For the TypeORM CLI (`npm run migration:run -w @sangathan/training`); the embedded server must be running, e.g. under `npm start`. */
export default cliDataSource(TRAINING_SERVICE, loadConfig(new EnvReader()));
