import { dashboard } from '../dashboard/messages';
import { itcell } from './itcell';
import { membership } from './membership';
import { training } from './training';

/** Messages of one part of the console, in every language: resources (names, fields), enums, dashboard. */
export interface AreaMessages {
  resources: Record<string, unknown>;
  enums?: Record<string, Record<string, string>>;
  dashboard?: Record<string, unknown>;
}
export type Area = Record<'en' | 'hi' | 'vi', AreaMessages>;

export const areas: Area[] = [membership, itcell, training, dashboard];
