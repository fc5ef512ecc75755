import { ResourceEdit } from '../common';
import { TopicForm } from './TopicForm';

export function TopicEdit() {
  return (
    <ResourceEdit>
      <TopicForm />
    </ResourceEdit>
  );
}
