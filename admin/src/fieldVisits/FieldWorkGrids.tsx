import type { ReactElement } from 'react';
import { BooleanField, Pagination, ReferenceField } from 'react-admin';
import { EnumField, LocaleDateField, RelatedList } from '../common';
import { ActivitiesField } from './ActivitiesField';

/** Whose field work a grid lists: a cadre's (member show) or a unit's (unit show). */
type FieldWorkOf = 'cadre' | 'unit';

/** The assignments of a cadre (to units) or of a unit (to cadres): the other side first, then the dates. */
export function AssignmentsGrid({ of, empty }: { of: FieldWorkOf; empty: ReactElement }) {
  return (
    <RelatedList
      reference="assignments"
      target={of === 'cadre' ? 'cadreId' : 'unitId'}
      sort={{ field: 'startsOn', order: 'DESC' }}
      empty={empty}
    >
      {of === 'cadre' ? (
        <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      ) : (
        <ReferenceField source="cadreId" reference="members" link="show" sortable={false} />
      )}
      <LocaleDateField source="startsOn" />
      <LocaleDateField source="endsOn" />
      <BooleanField source="active" sortable={false} />
    </RelatedList>
  );
}

/** The field visits of a cadre, or made anywhere within a unit (then with who visited), latest first. */
export function FieldVisitsGrid({ of, empty }: { of: FieldWorkOf; empty: ReactElement }) {
  return (
    <RelatedList
      reference="fieldVisits"
      target={of === 'cadre' ? 'cadreId' : 'withinUnit'}
      sort={{ field: 'visitedOn', order: 'DESC' }}
      pagination={<Pagination />}
      empty={empty}
    >
      <LocaleDateField source="visitedOn" />
      {of === 'unit' && <ReferenceField source="cadreId" reference="members" link="show" sortable={false} />}
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <EnumField source="purpose" enumName="VisitPurpose" />
      <ActivitiesField source="activities" sortable={false} />
    </RelatedList>
  );
}
