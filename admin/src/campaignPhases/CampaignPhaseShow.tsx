import { FunctionField, Labeled, NumberField, Pagination, ReferenceField, Tab, TextField } from 'react-admin';
import { RecordTabs } from '../audit';
import { EnumField, LocaleDateField, LocaleNumberField, ResourceShow, LevelField, type TrainingProgress, RelatedList } from '../common';
import { AddRelatedButton, ProgressCell, RecordTrainingProgress } from '../trainingCampaigns/training';

type WithProgress = { progress?: TrainingProgress };

/** A phase with its targets against the camps held and members trained, and its camps. */
export function CampaignPhaseShow() {
  return (
    <ResourceShow>
      <RecordTabs>
        <Tab label="resources.campaignPhases.tabs.summary">
          <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
          <NumberField source="number" />
          <TextField source="name" />
          <LocaleDateField source="startsOn" />
          <LocaleDateField source="endsOn" />
          <LevelField source="campLevel" />
          <LocaleNumberField source="targetCamps" />
          <LocaleNumberField source="targetTrainees" />
          <Labeled label="resources.campaignPhases.fields.progress" fullWidth>
            <RecordTrainingProgress />
          </Labeled>
        </Tab>
        <Tab label="resources.campaignPhases.tabs.camps" path="camps">
          <AddRelatedButton
            resource="camps"
            text="resources.campaignPhases.addCamp"
            values={(phase) => ({ campaignId: phase.campaignId, phaseId: phase.id })}
          />
          <RelatedList
            reference="camps"
            target="phaseId"
            label={false}
            sort={{ field: 'startsOn', order: 'ASC' }}
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
          >
            <TextField source="venue" />
            <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
            <LocaleDateField source="startsOn" />
            <LocaleDateField source="endsOn" />
            <EnumField source="status" enumName="CampStatus" />
            <FunctionField
              label="resources.camps.fields.traineesOfCapacity"
              render={(camp: WithProgress) => <ProgressCell progress={camp.progress} />}
            />
          </RelatedList>
        </Tab>
      </RecordTabs>
    </ResourceShow>
  );
}
