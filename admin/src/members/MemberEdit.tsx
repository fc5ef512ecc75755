import type { RaRecord } from 'react-admin';
import { ResourceEdit } from '../common';
import { MemberForm } from './MemberForm';

/** A renamed member whose Latin form was left as it was gets a fresh one from the server (it derives it when omitted). */
const rederiveLatin = (data: RaRecord, options?: { previousData?: RaRecord }) =>
  options?.previousData && data.fullName !== options.previousData.fullName && data.fullNameLatin === options.previousData.fullNameLatin
    ? { ...data, fullNameLatin: undefined }
    : data;

export function MemberEdit() {
  return (
    <ResourceEdit transform={rederiveLatin}>
      <MemberForm />
    </ResourceEdit>
  );
}
