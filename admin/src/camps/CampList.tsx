import { DateInput, FunctionField, ReferenceField, ReferenceInput, SelectInput, TextField, useTranslate } from 'react-admin';
import {
  EnumArrayInput,
  EnumField,
  LocaleDateField,
  LocaleNumberField,
  ResourceList,
  UnitInput,
  searchFilter,
  withinUnitFilter,
  LevelsFilterInput,
  type TrainingProgress,
} from '../common';
import { CampaignInput, ProgressCell, phaseRepresentation } from '../trainingCampaigns/training';

const filters = [
  searchFilter,
  withinUnitFilter,
  <CampaignInput key="campaignId" source="campaignId" alwaysOn />,
  <ReferenceInput key="phaseId" source="phaseId" reference="campaignPhases" sort={{ field: 'number', order: 'ASC' }} perPage={100}>
    <SelectInput optionText={phaseRepresentation} />
  </ReferenceInput>,
  <EnumArrayInput key="statuses" source="statuses" enumName="CampStatus" />,
  <LevelsFilterInput key="unitLevels" source="unitLevels" />,
  <UnitInput key="unitId" source="unitId" />,
  <ReferenceInput key="trainerTeamId" source="trainerTeamId" reference="trainerTeams" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="topicId" source="topicId" reference="topics" sort={{ field: 'title', order: 'ASC' }} perPage={200}>
    <SelectInput optionText="title" />
  </ReferenceInput>,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

type Row = { venue: string; status: string; startsOn: string; enrolledCount: number; capacity: number; progress?: TrainingProgress };

export function CampList() {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'startsOn', order: 'DESC' }}
      primaryText={(camp: Row) => camp.venue}
      secondaryText={(camp: Row) =>
        `${camp.startsOn} · ${translate(`enums.CampStatus.${camp.status}`)} · ${camp.enrolledCount}/${camp.capacity}`
      }
    >
      <TextField source="venue" />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <ReferenceField source="phaseId" reference="campaignPhases" link="show" sortable={false} />
      <LocaleDateField source="startsOn" />
      <LocaleDateField source="endsOn" />
      <EnumField source="status" enumName="CampStatus" />
      <LocaleNumberField source="capacity" />
      <LocaleNumberField source="enrolledCount" sortable={false} />
      <FunctionField
        source="progress.trainees"
        label="resources.camps.fields.traineesOfCapacity"
        sortable={false}
        render={(camp: Row) => <ProgressCell progress={camp.progress} />}
      />
    </ResourceList>
  );
}
