/**
 * What differs from the generic mapping, per resource (react-admin resource name = list query name).
 * - extraFields: nested selections the views need beyond the plain scalar fields.
 * - toInput: turns a form's record into the mutation input when they differ in shape.
 */
export interface ResourceOverride {
  extraFields?: string;
  toInput?: (data: Record<string, any>) => Record<string, any>;
}

const TRAINING_PROGRESS = 'targetCamps campsPlanned campsHeld targetTrainees trainees percentCamps percentTrainees';

export const resourceOverrides: Record<string, ResourceOverride> = {
  // membership: an organisation's own unit levels; the form's rows carry Apollo's __typename, the input takes key, label, rank.
  organizations: {
    extraFields: 'unitLevels { key label rank }',
    toInput: (data) => ({
      ...data,
      unitLevels: data.unitLevels?.map(({ key, label, rank }: { key: string; label: string; rank: number }) => ({
        key,
        label,
        rank: Number(rank),
      })),
    }),
  },
  // membership: holder / cadre and unit names for recordRepresentation ("President · राम प्रकाश सोनकर") and the CSV export.
  positions: { extraFields: 'member { id fullName } unit { id name }' },
  assignments: { extraFields: 'cadre { id fullName } unit { id name }' },
  fieldVisits: { extraFields: 'cadre { id fullName } unit { id name }' },
  // itcell
  socialTeams: { extraFields: 'unit { id name nameLatin level } currentMembers: members(current: true) { total }' },
  teamMembers: { extraFields: 'member { id fullName fullNameLatin membershipNumber } team { id name }' },
  meetings: {
    extraFields: 'sessions { title speakerIds }',
    // Sessions come back with __typename; the input takes only title and speakerIds.
    toInput: (data) => ({
      ...data,
      sessions: data.sessions?.map((session: { title: string; speakerIds?: string[] }) => ({
        title: session.title,
        speakerIds: session.speakerIds ?? [],
      })),
    }),
  },
  outreachDrives: { extraFields: 'progress { target achieved percent }' },
  driveReports: { extraFields: 'unit { id name nameLatin level }' },
  driveTargets: { extraFields: 'unit { id name nameLatin level }' },
  // training: targets against camps held and members trained; an enrolment's member and camp for its recordRepresentation.
  trainingCampaigns: { extraFields: `progress { ${TRAINING_PROGRESS} }` },
  campaignPhases: { extraFields: `progress { ${TRAINING_PROGRESS} }` },
  camps: { extraFields: `progress { ${TRAINING_PROGRESS} }` },
  enrollments: { extraFields: 'member { id fullName fullNameLatin membershipNumber } camp { id venue startsOn }' },
};
