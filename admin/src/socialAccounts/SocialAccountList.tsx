import { BooleanField, NullableBooleanInput, NumberInput, ReferenceField, TextField, UrlField, WrapperField } from 'react-admin';
import { EnumArrayInput, EnumField, LocaleNumberField, MemberInput, ResourceList, searchFilter, withinUnitFilter } from '../common';
import { TeamInput } from '../teamMembers/TeamInput';
import { platformName } from './platforms';

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumArrayInput key="platforms" source="platforms" enumName="SocialPlatform" />,
  <NullableBooleanInput key="teamOwned" source="teamOwned" />,
  <TeamInput key="ownerTeamId" source="ownerTeamId" />,
  <MemberInput key="ownerMemberId" source="ownerMemberId" />,
  <NullableBooleanInput key="verified" source="verified" />,
  <NumberInput key="minFollowers" source="minFollowers" min={0} />,
];

/** Whoever owns the account: a member or a team. Give it source="owner" so a list's header labels it. */
export function OwnerField({ source, sortable = false }: { source: 'owner'; sortable?: boolean }) {
  return (
    <WrapperField source={source} sortable={sortable}>
      <ReferenceField source="ownerMemberId" reference="members" link="show" emptyText="" />
      <ReferenceField source="ownerTeamId" reference="socialTeams" link="show" emptyText="" />
    </WrapperField>
  );
}

export function SocialAccountList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'followers', order: 'DESC' }}
      primaryText={(account) => `${platformName(account.platform)} · ${account.handle}`}
      secondaryText={(account) => account.url}
    >
      <EnumField source="platform" enumName="SocialPlatform" />
      <TextField source="handle" />
      <UrlField source="url" target="_blank" rel="noopener" sortable={false} onClick={(event) => event.stopPropagation()} />
      <LocaleNumberField source="followers" />
      <BooleanField source="verified" sortable={false} />
      <OwnerField source="owner" sortable={false} />
    </ResourceList>
  );
}
