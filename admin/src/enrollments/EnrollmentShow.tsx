import { ChipField, ReferenceArrayField, ReferenceField, SingleFieldList } from 'react-admin';
import { RecordLayout } from '../audit';
import { EnumField, LocaleDateField, ResourceShow } from '../common';

export function EnrollmentShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <ReferenceField source="memberId" reference="members" link="show" />
        <ReferenceField source="campId" reference="camps" link="show" />
        <EnumField source="status" enumName="EnrollmentStatus" />
        <ReferenceArrayField source="topicsAttended" reference="topics" emptyText="—">
          <SingleFieldList linkType="show">
            <ChipField source="title" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <LocaleDateField source="completedOn" emptyText="—" />
        <LocaleDateField source="createdAt" label="resources.enrollments.fields.enrolledOn" />
        <LocaleDateField source="updatedAt" showTime />
      </RecordLayout>
    </ResourceShow>
  );
}
