import { Pagination, ReferenceField, TextField } from 'react-admin';
import { EnumField, LocaleDateField, RelatedList, type RelatedListProps } from '../common';

/** The camps of a campaign, a topic or a trainer team (`target`), latest first. */
export function RelatedCamps(props: Omit<RelatedListProps, 'reference' | 'children'>) {
  return (
    <RelatedList
      reference="camps"
      sort={{ field: 'startsOn', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      {...props}
    >
      <TextField source="venue" />
      <ReferenceField source="unitId" reference="orgUnits" link="show" sortable={false} />
      <ReferenceField source="phaseId" reference="campaignPhases" link={false} sortable={false} />
      <LocaleDateField source="startsOn" />
      <EnumField source="status" enumName="CampStatus" />
    </RelatedList>
  );
}
