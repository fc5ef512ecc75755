import { ResourceCreate } from '../common';
import { TopicForm } from './TopicForm';

export function TopicCreate() {
  return (
    <ResourceCreate>
      <TopicForm creating />
    </ResourceCreate>
  );
}
