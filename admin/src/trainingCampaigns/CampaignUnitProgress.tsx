import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDataProvider, useGetList, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import {
  TRAINING_UNIT_ROW_FIELDS,
  UnitBreakdown,
  levelsBelow,
  useFormatNumber,
  useLevelLabel,
  useOrganizations,
  type PhaseRecord,
  type TrainingUnitRow,
} from '../common';
import type { SangathanDataProvider } from '../dataProvider';
import { phaseRepresentation } from './training';

/**
 * The camps held and members trained per unit at a chosen level below the campaign's owner unit, for the
 * whole campaign or one phase (the API sets no targets per unit, so none are shown).
 */
export function CampaignUnitProgress() {
  const campaign = useRecordContext();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const levelLabel = useLevelLabel();
  const { data: organizations } = useOrganizations();
  const { data: ownerUnit } = useGetOne('orgUnits', { id: campaign?.unitId }, { enabled: !!campaign?.unitId });
  const { data: phases } = useGetList<PhaseRecord>(
    'campaignPhases',
    { filter: { campaignId: campaign?.id }, sort: { field: 'number', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!campaign?.id },
  );
  const [chosenLevel, setLevel] = useState('');
  const [phaseId, setPhaseId] = useState('');

  // The organisation's levels below the owner unit's.
  const levels = useMemo(() => {
    return levelsBelow(
      organizations?.find((organization) => organization.id === campaign?.organizationId),
      ownerUnit?.level,
    );
  }, [organizations, campaign?.organizationId, ownerUnit?.level]);

  // First shown: the level the chosen phase (or the first phase) holds its camps at.
  const phase = phases?.find((candidate) => candidate.id === phaseId);
  const defaultLevel = (phase ?? phases?.[0])?.campLevel ?? levels[0]?.key ?? '';
  const level = levels.some((candidate) => candidate.key === chosenLevel) ? chosenLevel : defaultLevel;

  const {
    data: rows,
    isPending,
    error,
  } = useQuery({
    queryKey: ['trainingProgressByUnit', campaign?.id, phase?.id ?? 'all', level, campaign?.version],
    enabled: !!campaign?.id && !!level,
    queryFn: async () => {
      if (phase) {
        const data = await dataProvider.query<{ campaignPhase: { progressByUnit: TrainingUnitRow[] } | null }>(
          `query PhaseProgressByUnit($id: ID!, $level: String!) { campaignPhase(id: $id) { id progressByUnit(level: $level) { ${TRAINING_UNIT_ROW_FIELDS} } } }`,
          { id: phase.id, level },
        );
        return data.campaignPhase?.progressByUnit ?? [];
      }
      const data = await dataProvider.query<{ trainingCampaign: { progressByUnit: TrainingUnitRow[] } | null }>(
        `query CampaignProgressByUnit($id: ID!, $level: String!) { trainingCampaign(id: $id) { id progressByUnit(level: $level) { ${TRAINING_UNIT_ROW_FIELDS} } } }`,
        { id: campaign!.id, level },
      );
      return data.trainingCampaign?.progressByUnit ?? [];
    },
  });

  if (!campaign) return null;
  const byUnit = (key: string) => translate(`resources.trainingCampaigns.byUnit.${key}`);
  const field = (key: string) => translate(`resources.trainingCampaigns.fields.${key}`);
  return (
    <UnitBreakdown<TrainingUnitRow>
      data-testid="campaign-unit-progress"
      filters={{
        levelLabel: byUnit('level'),
        levels: levels.map((candidate) => ({ id: candidate.key, name: levelLabel(candidate.key, campaign.organizationId) })),
        level,
        onLevel: setLevel,
        phases: {
          label: byUnit('phase'),
          allLabel: byUnit('allPhases'),
          choices: (phases ?? []).map((candidate) => ({ id: candidate.id, name: phaseRepresentation(candidate) })),
          value: phase ? phaseId : '',
          onChange: setPhaseId,
        },
      }}
      note={byUnit('note')}
      rows={rows}
      loading={isPending && !!level}
      error={error}
      emptyText={byUnit('empty')}
      nameLabel={levelLabel(level, campaign.organizationId)}
      initialSort={{ key: 'trainees', asc: false }}
      columns={[
        { key: 'campsPlanned', label: field('campsPlanned'), align: 'right', render: (row) => formatNumber(row.campsPlanned) },
        { key: 'campsHeld', label: field('campsHeld'), align: 'right', render: (row) => formatNumber(row.campsHeld) },
        { key: 'trainees', label: field('trainees'), align: 'right', render: (row) => formatNumber(row.trainees) },
      ]}
    />
  );
}
