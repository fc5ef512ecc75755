import { CanAccess, CreateButton, FunctionField, Pagination, ReferenceField, Tab, TextField, useRecordContext } from 'react-admin';
import { RecordTabs } from '../audit';
import { EnumField, LocaleDateField, LocaleNumberField, ResourceShow, UnitLevelField, ProgressBar, RelatedList } from '../common';
import { DriveUnitProgress } from './DriveUnitProgress';
import { SetTargetsButton } from './SetTargetsButton';

function AddReportButton() {
  const drive = useRecordContext();
  if (!drive) return null;
  return <CreateButton resource="driveReports" label="resources.outreachDrives.addReport" state={{ record: { driveId: drive.id } }} />;
}

export function OutreachDriveShow() {
  return (
    <ResourceShow>
      <RecordTabs>
        <Tab label="resources.outreachDrives.tabs.summary">
          <TextField source="name" />
          <EnumField source="kind" enumName="DriveKind" />
          <ReferenceField source="unitId" reference="orgUnits" link="show" />
          <LocaleDateField source="startsOn" />
          <LocaleDateField source="endsOn" />
          <FunctionField
            source="progress"
            render={(drive: { progress?: { target: number; achieved: number; percent: number } }) =>
              drive.progress ? <ProgressBar {...drive.progress} wide /> : null
            }
          />
        </Tab>
        <Tab label="resources.outreachDrives.tabs.byUnit" path="by-unit">
          <DriveUnitProgress />
        </Tab>
        <Tab label="resources.outreachDrives.tabs.targets" path="targets">
          <CanAccess resource="outreachDrives" action="edit">
            <SetTargetsButton />
          </CanAccess>
          <RelatedList
            reference="driveTargets"
            target="driveId"
            label={false}
            sort={{ field: 'target', order: 'DESC' }}
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
            rowClick={false}
          >
            <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
            <UnitLevelField source="unitLevel" sortable={false} />
            <LocaleNumberField source="target" />
          </RelatedList>
        </Tab>
        <Tab label="resources.outreachDrives.tabs.reports" path="reports">
          <AddReportButton />
          <RelatedList
            reference="driveReports"
            target="driveId"
            label={false}
            sort={{ field: 'reportedOn', order: 'DESC' }}
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
          >
            <LocaleDateField source="reportedOn" />
            <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
            <LocaleNumberField source="count" />
            <ReferenceField source="reportedById" reference="members" link="show" sortable={false} />
            <TextField source="note" sortable={false} />
          </RelatedList>
        </Tab>
      </RecordTabs>
    </ResourceShow>
  );
}
