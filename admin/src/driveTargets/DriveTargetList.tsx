import { ReferenceField } from 'react-admin';
import { LocaleNumberField, ResourceList, withinUnitFilter, UnitLevelField, LevelsFilterInput } from '../common';
import { DriveInput } from '../driveReports/DriveInput';

const filters = [
  <DriveInput key="driveId" source="driveId" alwaysOn />,
  withinUnitFilter,
  <LevelsFilterInput key="unitLevels" source="unitLevels" />,
];

/**
 * Read-only: the API lists targets but changes them only all at once per drive (setDriveTargets),
 * which the drive's page offers. No page per target either (there is no driveTarget(id) query).
 */
export function DriveTargetList() {
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'target', order: 'DESC' }}
      canCreate={false}
      canDelete={false}
      // ResourceList's type allows only 'show' | 'edit'; a target has neither, so rows do not link.
      rowClick={false}
      primaryText={(target) => `${target.unit?.name ?? ''}: ${target.target}`}
    >
      <ReferenceField source="driveId" reference="outreachDrives" link="show" sortable={false} />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <UnitLevelField source="unitLevel" />
      <LocaleNumberField source="target" />
    </ResourceList>
  );
}
