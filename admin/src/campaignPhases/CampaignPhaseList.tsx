import { FunctionField, NumberField, ReferenceField, TextField } from 'react-admin';
import { LocaleDateField, LocaleNumberField, ResourceList, searchFilter, LevelField, type TrainingProgress } from '../common';
import { CampaignInput, ProgressCell } from '../trainingCampaigns/training';

const filters = [searchFilter, <CampaignInput key="campaignId" source="campaignId" alwaysOn />];

type Row = { number: number; name: string; startsOn: string; endsOn: string; progress?: TrainingProgress };

export function CampaignPhaseList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'number', order: 'ASC' }}
      primaryText={(phase: Row) => `${phase.number}. ${phase.name}`}
      secondaryText={(phase: Row) => `${phase.startsOn} – ${phase.endsOn} · ${phase.progress?.percentTrainees ?? 0}%`}
    >
      <NumberField source="number" />
      <TextField source="name" />
      <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" sortable={false} />
      <LevelField source="campLevel" sortable={false} />
      <LocaleDateField source="startsOn" />
      <LocaleDateField source="endsOn" />
      <LocaleNumberField source="targetCamps" sortable={false} />
      <FunctionField
        source="progress.campsHeld"
        label="resources.campaignPhases.fields.campsHeldOfTarget"
        sortable={false}
        render={(phase: Row) => <ProgressCell progress={phase.progress} of="camps" />}
      />
      <LocaleNumberField source="targetTrainees" sortable={false} />
      <FunctionField
        source="progress.trainees"
        label="resources.campaignPhases.fields.traineesOfTarget"
        sortable={false}
        render={(phase: Row) => <ProgressCell progress={phase.progress} />}
      />
    </ResourceList>
  );
}
