import { Title } from 'react-admin';

export function UnitTree() {
  return <Title title="sangathan.tree.title" />;
}
