import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  DateInput,
  Labeled,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SelectArrayInput,
  required,
  useGetOne,
  type AutocompleteInputProps,
  type RaRecord,
} from 'react-admin';
import { byText, EnumInput, MemberInput, ResourceForm } from '../common';
import { campRepresentation } from '../trainingCampaigns/training';

/** A camp, found by typing part of its venue. */
export function CampInput({ source = 'campId', ...props }: Omit<AutocompleteInputProps, 'source'> & { source?: string }) {
  return (
    <ReferenceInput source={source} reference="camps" sort={{ field: 'startsOn', order: 'DESC' }}>
      <AutocompleteInput optionText={campRepresentation} filterToQuery={byText} {...props} />
    </ReferenceInput>
  );
}

interface CampRecord {
  id: string;
  organizationId: string;
  topicIds: string[];
}

const ATTENDING = ['ATTENDED', 'COMPLETED'];

/**
 * What the API accepts for the chosen status: topics attended only when ATTENDED or COMPLETED, the completion date
 * only when COMPLETED (otherwise the server clears them itself).
 */
export const enrollmentTransform = (data: RaRecord) => ({
  ...data,
  topicsAttended: ATTENDING.includes(data.status) ? data.topicsAttended : undefined,
  completedOn: data.status === 'COMPLETED' ? data.completedOn : undefined,
});

/** The camp the form's campId points at (for its organisation and topics). */
function useFormCamp() {
  const campId = useWatch({ name: 'campId' }) as string | undefined;
  const { data } = useGetOne<CampRecord>('camps', { id: campId! }, { enabled: !!campId });
  return campId ? data : undefined;
}

/** The member: someone of the camp's organisation, found by name in either script, phone or number. */
function EnrolledMemberInput() {
  const camp = useFormCamp();
  return (
    <MemberInput
      source="memberId"
      validate={required()}
      filter={camp ? { organizationId: camp.organizationId } : undefined}
      sx={{ minWidth: { sm: 400 } }}
    />
  );
}

/** Topics attended (of the camp's topics) and the completion date, shown when the status records a past camp. */
function AttendanceInputs() {
  const camp = useFormCamp();
  const status = useWatch({ name: 'status' }) as string | undefined;
  if (!status || !ATTENDING.includes(status)) return null;
  return (
    <>
      <ReferenceArrayInput source="topicsAttended" reference="topics" filter={{ ids: camp?.topicIds ?? [] }} perPage={200}>
        <SelectArrayInput optionText="title" sx={{ minWidth: { sm: 400 } }} helperText="resources.enrollments.help.topicsAttended" />
      </ReferenceArrayInput>
      {status === 'COMPLETED' && (
        <DateInput source="completedOn" validate={required()} helperText="resources.enrollments.help.completedOn" />
      )}
    </>
  );
}

/** Shared by create and edit: the camp and the member of an enrolment never change (cancel it and enrol again). */
export function EnrollmentForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <>
          <CampInput source="campId" validate={required()} sx={{ minWidth: { sm: 400 } }} />
          <EnrolledMemberInput />
        </>
      ) : (
        <>
          <Labeled source="campId">
            <ReferenceField source="campId" reference="camps" link="show" />
          </Labeled>
          <Labeled source="memberId">
            <ReferenceField source="memberId" reference="members" link="show" />
          </Labeled>
        </>
      )}
      <EnumInput source="status" enumName="EnrollmentStatus" helperText="resources.enrollments.help.status" />
      <AttendanceInputs />
    </ResourceForm>
  );
}
