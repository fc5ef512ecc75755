import 'reflect-metadata';
import { runServiceProcess } from '@sangathan/common';
import { loadConfig } from './config';
import { MEMBERSHIP_SERVICE } from './definition';

runServiceProcess(MEMBERSHIP_SERVICE, loadConfig);
