import { FunctionField, Labeled, NumberField, ReferenceField, Tab, TextField } from 'react-admin';
import { RecordTabs } from '../audit';
import { EnumField, LocaleDateField, LocaleNumberField, ResourceShow, LevelField, type TrainingProgress, RelatedList } from '../common';
import { CampaignUnitProgress } from './CampaignUnitProgress';
import { AddRelatedButton, ProgressCell, RecordTrainingProgress } from './training';
import { RelatedCamps } from '../camps/RelatedCamps';

type WithProgress = { progress?: TrainingProgress };

const Empty = () => <p>—</p>;

/** A campaign with its phases' progress against their targets, the breakdown by unit, topics, trainer teams and camps. */
export function TrainingCampaignShow() {
  return (
    <ResourceShow>
      <RecordTabs>
        <Tab label="resources.trainingCampaigns.tabs.summary">
          <TextField source="name" />
          <TextField source="description" emptyText="—" />
          <ReferenceField source="unitId" reference="orgUnits" link="show" />
          <LocaleDateField source="startsOn" />
          <LocaleDateField source="endsOn" />
          <EnumField source="status" enumName="CampaignStatus" />
          <LocaleNumberField source="targetCamps" />
          <LocaleNumberField source="targetTrainees" />
          <Labeled label="resources.trainingCampaigns.fields.progress" fullWidth>
            <RecordTrainingProgress />
          </Labeled>
        </Tab>
        <Tab label="resources.trainingCampaigns.tabs.phases" path="phases">
          <AddRelatedButton
            resource="campaignPhases"
            text="resources.trainingCampaigns.addPhase"
            values={(campaign) => ({ campaignId: campaign.id })}
          />
          <RelatedList
            reference="campaignPhases"
            target="campaignId"
            label={false}
            sort={{ field: 'number', order: 'ASC' }}
            perPage={50}
            empty={<Empty />}
          >
            <NumberField source="number" />
            <TextField source="name" />
            <LevelField source="campLevel" sortable={false} />
            <LocaleDateField source="startsOn" />
            <LocaleDateField source="endsOn" />
            <FunctionField
              label="resources.campaignPhases.fields.campsHeldOfTarget"
              render={(phase: WithProgress) => <ProgressCell progress={phase.progress} of="camps" figures />}
            />
            <FunctionField
              label="resources.campaignPhases.fields.traineesOfTarget"
              render={(phase: WithProgress) => <ProgressCell progress={phase.progress} figures />}
            />
          </RelatedList>
        </Tab>
        <Tab label="resources.trainingCampaigns.tabs.byUnit" path="by-unit">
          <CampaignUnitProgress />
        </Tab>
        <Tab label="resources.trainingCampaigns.tabs.camps" path="camps">
          <AddRelatedButton
            resource="camps"
            text="resources.trainingCampaigns.addCamp"
            values={(campaign) => ({ campaignId: campaign.id })}
          />
          <RelatedCamps target="campaignId" label={false} empty={<Empty />} />
        </Tab>
        <Tab label="resources.trainingCampaigns.tabs.topics" path="topics">
          <AddRelatedButton
            resource="topics"
            text="resources.trainingCampaigns.addTopic"
            values={(campaign) => ({ campaignId: campaign.id })}
          />
          <RelatedList
            reference="topics"
            target="campaignId"
            label={false}
            sort={{ field: 'title', order: 'ASC' }}
            perPage={100}
            empty={<Empty />}
          >
            <TextField source="title" />
            <LocaleNumberField source="minutes" />
            <TextField source="description" sortable={false} />
          </RelatedList>
        </Tab>
        <Tab label="resources.trainingCampaigns.tabs.trainerTeams" path="trainer-teams">
          <AddRelatedButton
            resource="trainerTeams"
            text="resources.trainingCampaigns.addTrainerTeam"
            values={(campaign) => ({ campaignId: campaign.id })}
          />
          <RelatedList
            reference="trainerTeams"
            target="campaignId"
            label={false}
            sort={{ field: 'name', order: 'ASC' }}
            perPage={100}
            empty={<Empty />}
          >
            <TextField source="name" />
            <LocaleNumberField source="size" sortable={false} />
          </RelatedList>
        </Tab>
      </RecordTabs>
    </ResourceShow>
  );
}
