import MenuBookIcon from '@mui/icons-material/MenuBook';
import { TopicCreate } from './TopicCreate';
import { TopicEdit } from './TopicEdit';
import { TopicList } from './TopicList';
import { TopicShow } from './TopicShow';

export const topics = {
  list: TopicList,
  show: TopicShow,
  edit: TopicEdit,
  create: TopicCreate,
  icon: MenuBookIcon,
  recordRepresentation: (topic: { title: string }) => topic.title,
};
