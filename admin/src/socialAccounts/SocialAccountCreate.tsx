import { ResourceCreate } from '../common';
import { SocialAccountForm, keepChosenOwner } from './SocialAccountForm';

export function SocialAccountCreate() {
  return (
    <ResourceCreate transform={keepChosenOwner}>
      <SocialAccountForm />
    </ResourceCreate>
  );
}
