import { DateInput, ReferenceField, TextField } from 'react-admin';
import { LocaleDateField, LocaleNumberField, MemberInput, ResourceList, UnitInput, withinUnitFilter, UnitLevelField } from '../common';
import { DriveInput } from './DriveInput';

const filters = [
  <DriveInput key="driveId" source="driveId" alwaysOn />,
  withinUnitFilter,
  <UnitInput key="unitId" source="unitId" />,
  <MemberInput key="reportedById" source="reportedById" />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

export function DriveReportList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'reportedOn', order: 'DESC' }}
      primaryText={(report) => `${report.unit?.name ?? ''} · ${report.count}`}
      secondaryText={(report) => report.reportedOn}
    >
      <LocaleDateField source="reportedOn" />
      <ReferenceField source="driveId" reference="outreachDrives" link="show" sortable={false} />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <UnitLevelField source="unitLevel" />
      <LocaleNumberField source="count" />
      <ReferenceField source="reportedById" reference="members" link="show" sortable={false} />
      <TextField source="note" sortable={false} />
    </ResourceList>
  );
}
