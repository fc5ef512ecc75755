import { NullableBooleanInput, ReferenceField, TextField, useTranslate } from 'react-admin';
import { LocaleDateField, ResourceList, searchFilter } from '../common';
import { ScopesField, tokenStatus, TokenStatusField } from './scopes';

const filters = [searchFilter, <NullableBooleanInput key="active" source="active" />];

export function PartnerTokenList() {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      canDelete={false}
      primaryText={(token) => token.name}
      secondaryText={(token) => `${token.scopes?.join(', ') ?? ''} · ${translate(`resources.partnerTokens.status.${tokenStatus(token)}`)}`}
    >
      <TextField source="name" />
      <ReferenceField source="scopeUnitId" reference="orgUnits" link="show" sortable={false} />
      <ScopesField source="scopes" label="resources.partnerTokens.fields.scopes" />
      <TokenStatusField label="resources.partnerTokens.fields.status" />
      <LocaleDateField source="expiresAt" emptyText="—" />
      <LocaleDateField source="lastUsedAt" showTime emptyText="—" />
      <LocaleDateField source="createdAt" />
    </ResourceList>
  );
}
