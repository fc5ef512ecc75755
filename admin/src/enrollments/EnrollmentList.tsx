import { FunctionField, ReferenceField, ReferenceInput, SelectInput, useTranslate } from 'react-admin';
import { EnumArrayInput, EnumField, LocaleDateField, MemberInput, ResourceList, withinUnitFilter } from '../common';
import { CampaignInput, phaseRepresentation } from '../trainingCampaigns/training';
import { CampInput } from './EnrollmentForm';

const filters = [
  <CampInput key="campId" source="campId" alwaysOn />,
  <MemberInput key="memberId" source="memberId" alwaysOn />,
  <EnumArrayInput key="statuses" source="statuses" enumName="EnrollmentStatus" />,
  withinUnitFilter,
  <CampaignInput key="campaignId" source="campaignId" />,
  <ReferenceInput key="phaseId" source="phaseId" reference="campaignPhases" sort={{ field: 'number', order: 'ASC' }} perPage={100}>
    <SelectInput optionText={phaseRepresentation} />
  </ReferenceInput>,
  <ReferenceInput key="topicAttended" source="topicAttended" reference="topics" sort={{ field: 'title', order: 'ASC' }} perPage={200}>
    <SelectInput optionText="title" />
  </ReferenceInput>,
];

type Row = { status: string; member?: { fullName: string }; camp?: { venue: string; startsOn: string } };

export function EnrollmentList() {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      primaryText={(enrollment: Row) => enrollment.member?.fullName ?? ''}
      secondaryText={(enrollment: Row) => `${enrollment.camp?.venue ?? ''} · ${translate(`enums.EnrollmentStatus.${enrollment.status}`)}`}
    >
      <ReferenceField source="memberId" reference="members" link="show" sortable={false} />
      <ReferenceField source="campId" reference="camps" link="show" sortable={false} />
      <EnumField source="status" enumName="EnrollmentStatus" />
      <FunctionField
        source="topicsAttended"
        sortable={false}
        render={(enrollment: { topicsAttended?: string[] }) => enrollment.topicsAttended?.length ?? 0}
      />
      <LocaleDateField source="completedOn" emptyText="—" />
      <LocaleDateField source="createdAt" label="resources.enrollments.fields.enrolledOn" />
    </ResourceList>
  );
}
