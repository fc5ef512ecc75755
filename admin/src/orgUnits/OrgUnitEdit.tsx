import type { RaRecord } from 'react-admin';
import { ResourceEdit } from '../common';
import { OrgUnitForm } from './OrgUnitForm';

/** A renamed unit whose Latin form was left as it was gets a fresh one from the server (it derives it when omitted). */
const rederiveLatin = (data: RaRecord, options?: { previousData?: RaRecord }) =>
  options?.previousData && data.name !== options.previousData.name && data.nameLatin === options.previousData.nameLatin
    ? { ...data, nameLatin: undefined }
    : data;

export function OrgUnitEdit() {
  return (
    <ResourceEdit transform={rederiveLatin}>
      <OrgUnitForm />
    </ResourceEdit>
  );
}
