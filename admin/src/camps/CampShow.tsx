import { Typography } from '@mui/material';
import {
  ChipField,
  useCanAccess,
  FunctionField,
  Labeled,
  Pagination,
  ReferenceArrayField,
  ReferenceField,
  SingleFieldList,
  Tab,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { RecordTabs } from '../audit';
import { EnumField, LocaleDateField, LocaleNumberField, ResourceShow, LevelField, type TrainingProgress, RelatedList } from '../common';
import { AddRelatedButton, TrainingProgressSummary } from '../trainingCampaigns/training';
import { EnrollmentStatusButtons } from '../enrollments/EnrollmentStatusButtons';
import { EnrollmentStatusCounts } from './EnrollmentStatusCounts';

type CampRecord = { id: string; status: string; capacity: number; enrolledCount: number; progress?: TrainingProgress };

/** Whether the camp was held (ONGOING or COMPLETED) and the members trained there against its capacity. */
function CampProgress() {
  const camp = useRecordContext<CampRecord>();
  const translate = useTranslate();
  if (!camp?.progress) return null;
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate(camp.progress.campsHeld > 0 ? 'resources.camps.progress.held' : 'resources.camps.progress.notHeld')}
      </Typography>
      <TrainingProgressSummary progress={camp.progress} showCamps={false} />
    </>
  );
}

/** A camp: where, when, who trains and what, its progress, and its enrolments with their status. */
export function CampShow() {
  // Viewers see the enrolments without the buttons that mark them.
  const { canAccess: canMark } = useCanAccess({ resource: 'enrollments', action: 'edit' });
  return (
    <ResourceShow>
      <RecordTabs>
        <Tab label="resources.camps.tabs.camp">
          <TextField source="venue" />
          <ReferenceField source="campaignId" reference="trainingCampaigns" link="show" />
          <ReferenceField source="phaseId" reference="campaignPhases" link="show" />
          <ReferenceField source="unitId" reference="orgUnits" link="show" />
          <ReferenceField source="unitId" reference="orgUnits" link={false} label="resources.camps.fields.unitLevel">
            <LevelField source="level" />
          </ReferenceField>
          <LocaleDateField source="startsOn" />
          <LocaleDateField source="endsOn" />
          <EnumField source="status" enumName="CampStatus" />
          <LocaleNumberField source="capacity" />
          <LocaleNumberField source="enrolledCount" />
          <ReferenceField source="trainerTeamId" reference="trainerTeams" link="show" emptyText="—" />
          <ReferenceArrayField source="topicIds" reference="topics">
            <SingleFieldList linkType="show">
              <ChipField source="title" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
          <Labeled label="resources.camps.fields.progress" fullWidth>
            <CampProgress />
          </Labeled>
        </Tab>
        <Tab label="resources.camps.tabs.enrollments" path="enrollments">
          <AddRelatedButton resource="enrollments" text="resources.camps.addEnrollment" values={(camp) => ({ campId: camp.id })} />
          <EnrollmentStatusCounts />
          <RelatedList
            reference="enrollments"
            target="campId"
            label={false}
            sort={{ field: 'createdAt', order: 'ASC' }}
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
            bulkActionButtons={canMark ? <EnrollmentStatusButtons /> : false}
          >
            <ReferenceField source="memberId" reference="members" link="show" sortable={false} />
            <EnumField source="status" enumName="EnrollmentStatus" />
            <FunctionField
              source="topicsAttended"
              sortable={false}
              render={(enrollment: { topicsAttended?: string[] }) => enrollment.topicsAttended?.length ?? 0}
            />
            <LocaleDateField source="completedOn" emptyText="—" />
            <LocaleDateField source="createdAt" label="resources.enrollments.fields.enrolledOn" />
          </RelatedList>
        </Tab>
      </RecordTabs>
    </ResourceShow>
  );
}
