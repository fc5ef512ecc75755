import { useWatch } from 'react-hook-form';
import { BooleanInput, NumberInput, RadioButtonGroupInput, TextInput, required, useRecordContext } from 'react-admin';
import { EnumInput, MemberInput, ResourceForm } from '../common';
import { TeamInput } from '../teamMembers/TeamInput';

/** A member or a team owns an account, never both: the form asks which, then for that owner only. */
function OwnerInputs() {
  const ownerKind = useWatch({ name: 'ownerKind' });
  return ownerKind === 'team' ? (
    <TeamInput source="ownerTeamId" validate={required()} />
  ) : (
    <MemberInput source="ownerMemberId" validate={required()} />
  );
}

export function SocialAccountForm() {
  const record = useRecordContext();
  return (
    <ResourceForm>
      <EnumInput source="platform" enumName="SocialPlatform" validate={required()} />
      <TextInput source="handle" validate={required()} helperText="resources.socialAccounts.handleHelp" />
      <TextInput source="url" type="url" helperText="resources.socialAccounts.urlHelp" />
      <NumberInput source="followers" min={0} />
      <BooleanInput source="verified" />
      <RadioButtonGroupInput
        source="ownerKind"
        defaultValue={record?.ownerTeamId ? 'team' : 'member'}
        choices={[
          { id: 'member', name: 'resources.socialAccounts.ownerKinds.member' },
          { id: 'team', name: 'resources.socialAccounts.ownerKinds.team' },
        ]}
      />
      <OwnerInputs />
    </ResourceForm>
  );
}

/** Sends only the owner the form chose (the API wants exactly one of ownerMemberId and ownerTeamId). */
export function keepChosenOwner(data: Record<string, any>) {
  const { ownerKind, ...rest } = data;
  if (ownerKind === 'team') delete rest.ownerMemberId;
  else delete rest.ownerTeamId;
  return rest;
}
