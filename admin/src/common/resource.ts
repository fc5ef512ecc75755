import type { ResourceProps } from 'react-admin';
import type { ResourceOverride } from '../dataProvider';
import type { Messages } from '../i18n/catalog';

/** Which service a resource lives in; the menu groups by it. */
export type Area = 'membership' | 'itcell' | 'training';

/** Everything the console knows of one resource; each resource folder's index.ts exports one. */
export interface ResourceModule {
  /** The API's list query name (members, orgUnits, socialTeams…), which is react-admin's resource name. */
  name: string;
  area: Area;
  /** The views, icon and recordRepresentation, spread into <Resource>. */
  definition: Omit<ResourceProps, 'name'>;
  /** What the data provider adds to the generic mapping for it. */
  data?: ResourceOverride;
  /** Its name, fields and other labels (under `resources.<name>`) and the enums it owns, in every language. */
  messages: Messages;
}
