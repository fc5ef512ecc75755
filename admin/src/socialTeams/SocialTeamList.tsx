import { NumberField, ReferenceField, TextField, useTranslate } from 'react-admin';
import {
  EnumArrayInput,
  EnumField,
  LocaleDateField,
  ResourceList,
  UnitInput,
  searchFilter,
  withinUnitFilter,
  UnitLevelField,
  LevelsFilterInput,
  useLevelLabel,
} from '../common';

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumArrayInput key="statuses" source="statuses" enumName="TeamStatus" />,
  <LevelsFilterInput key="unitLevels" source="unitLevels" />,
  <UnitInput key="unitId" source="unitId" />,
];

export function SocialTeamList() {
  const translate = useTranslate();
  const levelLabel = useLevelLabel();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      primaryText={(team) => team.name}
      secondaryText={(team) => `${levelLabel(team.unit?.level)} · ${translate(`enums.TeamStatus.${team.status}`)}`}
    >
      <TextField source="name" />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <UnitLevelField source="unitLevel" />
      <EnumField source="status" enumName="TeamStatus" sortable={false} />
      <LocaleDateField source="formedOn" />
      <NumberField source="currentMembers.total" label="resources.socialTeams.fields.currentMembers" sortable={false} />
    </ResourceList>
  );
}
