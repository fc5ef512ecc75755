import 'reflect-metadata';
import { runDependentService } from '@sangathan/common';
import { loadConfig } from './config';
import { TRAINING_SERVICE } from './definition';

runDependentService(TRAINING_SERVICE, loadConfig()).catch((error: unknown) => {
  console.error(`training failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
