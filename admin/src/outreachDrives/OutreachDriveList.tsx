import { DateInput, FunctionField, ReferenceField, TextField, useTranslate } from 'react-admin';
import {
  EnumArrayInput,
  EnumField,
  LocaleDateField,
  ResourceList,
  UnitInput,
  searchFilter,
  withinUnitFilter,
  ProgressBar,
} from '../common';

const filters = [
  searchFilter,
  withinUnitFilter,
  <EnumArrayInput key="kinds" source="kinds" enumName="DriveKind" />,
  <UnitInput key="unitId" source="unitId" />,
  <DateInput key="activeOn" source="activeOn" />,
];

export function OutreachDriveList() {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'startsOn', order: 'DESC' }}
      primaryText={(drive) => drive.name}
      secondaryText={(drive) => `${translate(`enums.DriveKind.${drive.kind}`)} · ${drive.progress?.percent ?? 0}%`}
    >
      <TextField source="name" />
      <EnumField source="kind" enumName="DriveKind" />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <LocaleDateField source="startsOn" />
      <LocaleDateField source="endsOn" />
      <FunctionField
        source="progress"
        sortable={false}
        render={(drive: { progress?: { target: number; achieved: number; percent: number } }) =>
          drive.progress ? <ProgressBar {...drive.progress} /> : null
        }
      />
    </ResourceList>
  );
}
