import { FunctionField, TextArrayField, type RaRecord } from 'react-admin';

/**
 * A visit's activities as chips, in a table column: not sortable (not in FieldVisitSortField). TextArrayField
 * itself would pass `sortable` on to the DOM, so it is rendered inside a FunctionField.
 */
export function ActivitiesField(_props: { source: 'activities'; sortable: false; label?: string }) {
  return <FunctionField source="activities" render={(record: RaRecord) => <TextArrayField record={record} source="activities" />} />;
}
