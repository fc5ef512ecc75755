import { Box, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  Labeled,
  ReferenceInput,
  useGetOne,
  useRecordContext,
  useTranslate,
  type AutocompleteInputProps,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { byText, useFormatNumber, ProgressBar, type CampaignRecord, type TrainingProgress } from '../common';

/** Pieces the training resources share (campaigns, phases, topics, trainer teams, camps, enrolments). */
export const campaignRepresentation = (campaign: { name?: string }) => campaign?.name ?? '';
export const phaseRepresentation = (phase: { number?: number; name?: string }) => (phase ? `${phase.number}. ${phase.name}` : '');

/** "Venue · 2021-08-20": the same venue may host camps of several phases. */
export const campRepresentation = (camp: { venue?: string; startsOn?: string }) => (camp ? `${camp.venue} · ${camp.startsOn}` : '');

/** A training campaign, found by typing part of its name. */
export function CampaignInput({ source = 'campaignId', ...props }: Omit<AutocompleteInputProps, 'source'> & { source?: string }) {
  return (
    <ReferenceInput source={source} reference="trainingCampaigns" sort={{ field: 'startsOn', order: 'DESC' }}>
      <AutocompleteInput optionText={campaignRepresentation} filterToQuery={byText} {...props} />
    </ReferenceInput>
  );
}

/** The campaign the form's campaignId points at (for its organisation, owner unit and dates). */
export function useFormCampaign() {
  const campaignId = useWatch({ name: 'campaignId' }) as string | undefined;
  const { data } = useGetOne<CampaignRecord>('trainingCampaigns', { id: campaignId! }, { enabled: !!campaignId });
  return campaignId ? data : undefined;
}

/** "achieved / target" with a bar, under a translated label (the API's percent may exceed 100). */
function ProgressLine({ label, achieved, target, percent }: { label: string; achieved: number; target: number; percent: number }) {
  return (
    <Labeled label={label}>
      <ProgressBar achieved={achieved} target={target} percent={percent} wide />
    </Labeled>
  );
}

/**
 * A campaign's or a phase's targets against what was done: camps held of the target, and distinct members
 * trained of the target; below, how many camps are planned (not cancelled).
 */
export function TrainingProgressSummary({ progress, showCamps = true }: { progress?: TrainingProgress; showCamps?: boolean }) {
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  if (!progress) return null;
  return (
    <Stack spacing={1}>
      {showCamps && (
        <ProgressLine
          label="resources.trainingCampaigns.progress.campsHeld"
          achieved={progress.campsHeld}
          target={progress.targetCamps}
          percent={progress.percentCamps}
        />
      )}
      <ProgressLine
        label="resources.trainingCampaigns.progress.trainees"
        achieved={progress.trainees}
        target={progress.targetTrainees}
        percent={progress.percentTrainees}
      />
      {showCamps && (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.trainingCampaigns.progress.planned', {
            planned: formatNumber(progress.campsPlanned),
            held: formatNumber(progress.campsHeld),
          })}
        </Typography>
      )}
    </Stack>
  );
}

/** The progress of the record in context (a campaign or a phase, as its show page has it). */
export function RecordTrainingProgress() {
  const record = useRecordContext<{ progress?: TrainingProgress }>();
  return <TrainingProgressSummary progress={record?.progress} />;
}

/** A bar for table columns: trainees (or camps held) against the target; `figures` adds "achieved / target". */
export function ProgressCell({
  progress,
  of = 'trainees',
  figures = false,
}: {
  progress?: TrainingProgress;
  of?: 'trainees' | 'camps';
  figures?: boolean;
}) {
  if (!progress) return null;
  return of === 'camps' ? (
    <ProgressBar achieved={progress.campsHeld} target={progress.targetCamps} percent={progress.percentCamps} wide={figures} />
  ) : (
    <ProgressBar achieved={progress.trainees} target={progress.targetTrainees} percent={progress.percentTrainees} wide={figures} />
  );
}

/** Opens another training resource's create form with fields of this record filled in. */
export function AddRelatedButton({
  resource,
  text,
  values,
}: {
  resource: string;
  /** Not `label`: a show layout would put it above the button as a field label. */
  text: string;
  values: (record: Record<string, any>) => Record<string, unknown>;
}) {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', my: 1 }}>
      <CreateButton resource={resource} label={text} state={{ record: values(record) }} />
    </Box>
  );
}
