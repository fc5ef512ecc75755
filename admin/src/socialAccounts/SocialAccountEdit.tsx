import { ResourceEdit } from '../common';
import { SocialAccountForm, keepChosenOwner } from './SocialAccountForm';

export function SocialAccountEdit() {
  return (
    <ResourceEdit transform={keepChosenOwner}>
      <SocialAccountForm />
    </ResourceEdit>
  );
}
