import BadgeIcon from '@mui/icons-material/Badge';
import { formViews, type ResourceModule } from '../common';
import { PositionForm } from './PositionForm';
import { PositionList } from './PositionList';
import { PositionShow } from './PositionShow';
import { messages } from './messages';
import { positionRepresentation } from './representation';

export const positions: ResourceModule = {
  name: 'positions',
  area: 'membership',
  definition: {
    list: PositionList,
    show: PositionShow,
    ...formViews(PositionForm),
    icon: BadgeIcon,
    recordRepresentation: positionRepresentation,
  },
  // Holder and unit names for recordRepresentation ("President · राम प्रकाश सोनकर") and the CSV export.
  data: { extraFields: 'member { id fullName } unit { id name }' },
  messages,
};
