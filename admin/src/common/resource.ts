import type { ResourceProps } from 'react-admin';
import type { ResourceAccess } from '../auth/permissions';
import type { ResourceOverride } from '../dataProvider';
import type { Messages } from '../i18n/catalog';

/** Which service a resource lives in; the menu groups by it (access: accounts and partner tokens, for admins). */
export type Area = 'membership' | 'itcell' | 'training' | 'access';

/** Everything the console knows of one resource; each resource folder's index.ts exports one. */
export interface ResourceModule {
  /** The API's list query name (members, orgUnits, socialTeams…), which is react-admin's resource name. */
  name: string;
  area: Area;
  /** The views, icon and recordRepresentation, spread into <Resource>. */
  definition: Omit<ResourceProps, 'name'>;
  /** The least role for reading and for each change; unsaid: VIEWER reads, EDITOR changes (see auth/permissions.ts). */
  access?: ResourceAccess;
  /** What the data provider adds to the generic mapping for it. */
  data?: ResourceOverride;
  /** Its name, fields and other labels (under `resources.<name>`) and the enums it owns, in every language. */
  messages: Messages;
}
