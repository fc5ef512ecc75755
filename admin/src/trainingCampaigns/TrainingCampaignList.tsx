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
  type TrainingProgress,
} from '../common';
import { ProgressCell } from './training';

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumArrayInput key="statuses" source="statuses" enumName="CampaignStatus" />,
  <DateInput key="activeOn" source="activeOn" />,
  <UnitInput key="unitId" source="unitId" />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

type Row = { name: string; status: string; startsOn: string; endsOn: string; progress?: TrainingProgress };

export function TrainingCampaignList() {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'startsOn', order: 'DESC' }}
      primaryText={(campaign: Row) => campaign.name}
      secondaryText={(campaign: Row) =>
        `${translate(`enums.CampaignStatus.${campaign.status}`)} · ${campaign.startsOn} – ${campaign.endsOn} · ${campaign.progress?.percentTrainees ?? 0}%`
      }
    >
      <TextField source="name" />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <LocaleDateField source="startsOn" />
      <LocaleDateField source="endsOn" />
      <EnumField source="status" enumName="CampaignStatus" />
      <LocaleNumberField source="targetCamps" sortable={false} />
      <FunctionField
        source="progress.campsHeld"
        label="resources.trainingCampaigns.fields.campsHeld"
        sortable={false}
        render={(campaign: Row) => <ProgressCell progress={campaign.progress} of="camps" />}
      />
      <LocaleNumberField source="targetTrainees" sortable={false} />
      <FunctionField
        source="progress.trainees"
        label="resources.trainingCampaigns.fields.trainees"
        sortable={false}
        render={(campaign: Row) => <ProgressCell progress={campaign.progress} />}
      />
    </ResourceList>
  );
}
