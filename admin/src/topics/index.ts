import MenuBookIcon from '@mui/icons-material/MenuBook';
import { TopicCreate } from './TopicCreate';
import { TopicEdit } from './TopicEdit';
import { TopicList } from './TopicList';
import { TopicShow } from './TopicShow';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const topics: ResourceModule = {
  name: 'topics',
  area: 'training',
  definition: {
    list: TopicList,
    show: TopicShow,
    edit: TopicEdit,
    create: TopicCreate,
    icon: MenuBookIcon,
    recordRepresentation: (topic: { title: string }) => topic.title,
  },
  messages,
};
