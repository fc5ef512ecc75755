import 'reflect-metadata';
import { runServiceProcess } from '@sangathan/common';
import { loadConfig } from './config';
import { TRAINING_SERVICE } from './definition';

runServiceProcess(TRAINING_SERVICE, loadConfig);
