import MenuBookIcon from '@mui/icons-material/MenuBook';
import { formViews, type ResourceModule } from '../common';
import { TopicForm } from './TopicForm';
import { TopicList } from './TopicList';
import { TopicShow } from './TopicShow';
import { messages } from './messages';

export const topics: ResourceModule = {
  name: 'topics',
  area: 'training',
  definition: {
    list: TopicList,
    show: TopicShow,
    ...formViews(TopicForm),
    icon: MenuBookIcon,
    recordRepresentation: (topic: { title: string }) => topic.title,
  },
  messages,
};
