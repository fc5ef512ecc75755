import 'reflect-metadata';
import { runDependentService } from '@sangathan/common';
import { loadConfig } from './config';
import { ITCELL_SERVICE } from './definition';

runDependentService(ITCELL_SERVICE, loadConfig()).catch((error: unknown) => {
  console.error(`itcell failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
