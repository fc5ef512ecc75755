import { DateInput, Labeled, NumberInput, ReferenceField, SelectInput, TextInput, minValue, required } from 'react-admin';
import { ResourceForm, useIntlLocale, useLevelChoices } from '../common';
import { CampaignInput, useFormCampaign } from '../trainingCampaigns/training';
import { endsAfterStart } from '../trainingCampaigns/TrainingCampaignForm';

/** The levels of the campaign's organisation, top first, as the unit level camps of the phase are held at. */
function CampLevelInput() {
  const campaign = useFormCampaign();
  const choices = useLevelChoices(campaign?.organizationId);
  return (
    <SelectInput
      source="campLevel"
      choices={campaign ? choices : []}
      translateChoice={false}
      validate={required()}
      helperText="resources.campaignPhases.help.campLevel"
    />
  );
}

/** "Within the campaign's dates: 1 Aug 2021 – 31 Dec 2021" once a campaign is chosen. */
function useCampaignDatesHelp() {
  const campaign = useFormCampaign();
  const locale = useIntlLocale();
  if (!campaign) return undefined;
  const format = (date: string) => new Date(`${date}T00:00:00`).toLocaleDateString(locale, { dateStyle: 'medium' });
  return `${format(campaign.startsOn)} – ${format(campaign.endsOn)}`;
}

function PhaseDates() {
  const dates = useCampaignDatesHelp();
  return (
    <>
      <DateInput source="startsOn" validate={required()} helperText={dates ?? ' '} />
      <DateInput source="endsOn" validate={[required(), endsAfterStart]} helperText={dates ?? ' '} />
    </>
  );
}

/** Shared by create and edit: a phase never moves to another campaign. */
export function CampaignPhaseForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <CampaignInput source="campaignId" validate={required()} />
      ) : (
        <Labeled source="campaignId">
          <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
        </Labeled>
      )}
      <NumberInput source="number" validate={[required(), minValue(1)]} min={1} step={1} />
      <TextInput source="name" validate={required()} fullWidth />
      <PhaseDates />
      <NumberInput source="targetCamps" validate={[required(), minValue(0)]} min={0} step={1} />
      <NumberInput source="targetTrainees" validate={[required(), minValue(0)]} min={0} step={1} />
      <CampLevelInput />
    </ResourceForm>
  );
}
