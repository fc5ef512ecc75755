import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  DateInput,
  Labeled,
  NumberInput,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  minValue,
  required,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { byText, EnumInput, ResourceForm, UnitInput, useIntlLocale, useLevelLabel, type PhaseRecord } from '../common';
import { CampaignInput, phaseRepresentation, useFormCampaign } from '../trainingCampaigns/training';
import { endsAfterStart } from '../trainingCampaigns/TrainingCampaignForm';

function useFormPhase() {
  const phaseId = useWatch({ name: 'phaseId' }) as string | undefined;
  const { data } = useGetOne<PhaseRecord>('campaignPhases', { id: phaseId! }, { enabled: !!phaseId });
  return phaseId ? data : undefined;
}

/** Choosing another campaign clears what belongs to the previous one (phase, trainer team, topics). */
function ResetOnCampaignChange() {
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  const { setValue } = useFormContext();
  const previous = useRef(campaignId);
  useEffect(() => {
    if (previous.current && previous.current !== campaignId) {
      setValue('phaseId', null, { shouldDirty: true });
      setValue('trainerTeamId', null, { shouldDirty: true });
      setValue('topicIds', [], { shouldDirty: true });
    }
    previous.current = campaignId;
  }, [campaignId, setValue]);
  return null;
}

/** The phases of the chosen campaign, in order. */
function PhaseInput() {
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  return (
    <ReferenceInput
      source="phaseId"
      reference="campaignPhases"
      filter={{ campaignId: campaignId ?? '' }}
      sort={{ field: 'number', order: 'ASC' }}
      perPage={100}
    >
      <SelectInput optionText={phaseRepresentation} validate={required()} disabled={!campaignId} />
    </ReferenceInput>
  );
}

/** A unit at the phase's camp level within the campaign's owner unit, found by typing its name in either script. */
function CampUnitInput() {
  const campaign = useFormCampaign();
  const phase = useFormPhase();
  const levelLabel = useLevelLabel();
  const translate = useTranslate();
  const filter = {
    ...(campaign ? { withinUnit: campaign.unitId } : {}),
    ...(phase ? { levels: [phase.campLevel] } : {}),
  };
  return (
    <UnitInput
      source="unitId"
      filter={filter}
      validate={required()}
      helperText={phase ? translate('resources.camps.help.unitId', { level: levelLabel(phase.campLevel, campaign?.organizationId) }) : ' '}
      sx={{ minWidth: { sm: 400 } }}
    />
  );
}

/** The camp's dates, with the phase's dates they must lie within as a hint. */
function CampDates() {
  const phase = useFormPhase();
  const locale = useIntlLocale();
  const translate = useTranslate();
  const format = (date: string) => new Date(`${date}T00:00:00`).toLocaleDateString(locale, { dateStyle: 'medium' });
  const help = phase ? translate('resources.camps.help.dates', { from: format(phase.startsOn), to: format(phase.endsOn) }) : ' ';
  return (
    <>
      <DateInput source="startsOn" validate={required()} helperText={help} />
      <DateInput source="endsOn" validate={[required(), endsAfterStart]} helperText={help} />
    </>
  );
}

// The API clears the trainer team on null (the data provider drops empty strings as "not given").
const emptyToNull = (value: unknown) => (value === '' ? null : value);

/** The campaign's trainer teams; emptying the box takes the team off the camp. */
function TrainerTeamInput() {
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  return (
    <ReferenceInput
      source="trainerTeamId"
      reference="trainerTeams"
      filter={{ campaignId: campaignId ?? '' }}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput
        optionText="name"
        filterToQuery={byText}
        parse={emptyToNull}
        disabled={!campaignId}
        sx={{ minWidth: { sm: 300 } }}
      />
    </ReferenceInput>
  );
}

/** The campaign's topics taught at the camp. */
function TopicsInput() {
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  return (
    <ReferenceArrayInput
      source="topicIds"
      reference="topics"
      filter={{ campaignId: campaignId ?? '' }}
      sort={{ field: 'title', order: 'ASC' }}
      perPage={200}
    >
      <SelectArrayInput optionText="title" label="resources.camps.fields.topicIds" disabled={!campaignId} sx={{ minWidth: { sm: 400 } }} />
    </ReferenceArrayInput>
  );
}

/**
 * Shared by create and edit. The campaign is only a guide for the other choices (the API takes the phase and
 * derives the campaign from it), so it is chosen once; the phase can change within the campaign.
 */
export function CampForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <>
          <CampaignInput source="campaignId" validate={required()} sx={{ minWidth: { sm: 400 } }} />
          <ResetOnCampaignChange />
        </>
      ) : (
        <Labeled source="campaignId">
          <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
        </Labeled>
      )}
      <PhaseInput />
      <CampUnitInput />
      <TextInput source="venue" validate={required()} fullWidth />
      <CampDates />
      <NumberInput source="capacity" validate={[required(), minValue(1)]} min={1} step={1} />
      <TrainerTeamInput />
      <TopicsInput />
      <EnumInput source="status" enumName="CampStatus" helperText={creating ? 'resources.camps.help.status' : undefined} />
    </ResourceForm>
  );
}
