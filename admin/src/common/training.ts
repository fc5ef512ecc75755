/** Training records as the console reads them, shared by the training resources and the dashboard. */

/** The API's targets-against-actual object of a campaign, a phase or a camp. */
export interface TrainingProgress {
  targetCamps: number;
  campsPlanned: number;
  campsHeld: number;
  targetTrainees: number;
  trainees: number;
  percentCamps: number;
  percentTrainees: number;
}

/** The selection of a TrainingProgress, for the records that carry one. */
export const TRAINING_PROGRESS_FIELDS = 'targetCamps campsPlanned campsHeld targetTrainees trainees percentCamps percentTrainees';

export interface CampaignRecord {
  id: string;
  organizationId: string;
  unitId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface PhaseRecord {
  id: string;
  campaignId: string;
  number: number;
  name: string;
  campLevel: string;
  startsOn: string;
  endsOn: string;
}

/** One unit's row of a campaign's or phase's progressByUnit (the API sets no targets per unit). */
export interface TrainingUnitRow {
  unitId: string;
  /** Null when membership does not answer. */
  unit: { id: string; name: string; nameLatin: string } | null;
  campsPlanned: number;
  campsHeld: number;
  trainees: number;
}

export const TRAINING_UNIT_ROW_FIELDS = 'unitId unit { id name nameLatin } campsPlanned campsHeld trainees';
