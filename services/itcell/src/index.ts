import 'reflect-metadata';
import { runServiceProcess } from '@sangathan/common';
import { loadConfig } from './config';
import { ITCELL_SERVICE } from './definition';

runServiceProcess(ITCELL_SERVICE, loadConfig);
