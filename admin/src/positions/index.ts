import BadgeIcon from '@mui/icons-material/Badge';
import { PositionCreate } from './PositionCreate';
import { PositionEdit } from './PositionEdit';
import { PositionList } from './PositionList';
import { PositionShow } from './PositionShow';
import { positionRepresentation } from './representation';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const positions: ResourceModule = {
  name: 'positions',
  area: 'membership',
  definition: {
    list: PositionList,
    show: PositionShow,
    edit: PositionEdit,
    create: PositionCreate,
    icon: BadgeIcon,
    recordRepresentation: positionRepresentation,
  },
  // Holder and unit names for recordRepresentation ("President · राम प्रकाश सोनकर") and the CSV export.
  data: { extraFields: 'member { id fullName } unit { id name }' },
  messages,
};
