import BadgeIcon from '@mui/icons-material/Badge';
import { PositionCreate } from './PositionCreate';
import { PositionEdit } from './PositionEdit';
import { PositionList } from './PositionList';
import { PositionShow } from './PositionShow';
import { positionRepresentation } from './representation';

export const positions = {
  list: PositionList,
  show: PositionShow,
  edit: PositionEdit,
  create: PositionCreate,
  icon: BadgeIcon,
  recordRepresentation: positionRepresentation,
};
