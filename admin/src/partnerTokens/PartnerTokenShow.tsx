import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import {
  Button,
  CanAccess,
  Confirm,
  ReferenceField,
  TextField,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { RecordLayout } from '../audit';
import { LocaleDateField, ResourceShow } from '../common';
import type { SangathanDataProvider } from '../dataProvider';
import { ScopesField, tokenStatus, TokenStatusField } from './scopes';

const REVOKE = `mutation RevokePartnerToken($id: ID!) { revokePartnerToken(id: $id) { id version revokedAt } }`;

/** Ends a token at once: partner apps using it get 401 from then on. There is no undo; issue a new one. */
function RevokeButton() {
  const token = useRecordContext<{ id: string; name: string; revokedAt: string | null; expiresAt: string | null }>();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  if (!token || tokenStatus(token) === 'revoked') return null;
  const revoke = async () => {
    setPending(true);
    try {
      await dataProvider.mutate(REVOKE, { id: token.id });
      notify('resources.partnerTokens.revoked', { type: 'success', messageArgs: { name: token.name } });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };
  return (
    <>
      <Button label="resources.partnerTokens.revoke" color="error" onClick={() => setConfirming(true)} disabled={pending}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={pending}
        title={translate('resources.partnerTokens.revokeTitle', { name: token.name })}
        content="resources.partnerTokens.revokeContent"
        onConfirm={revoke}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}

export function PartnerTokenShow() {
  return (
    <ResourceShow
      extraActions={
        <CanAccess resource="partnerTokens" action="edit">
          <RevokeButton />
        </CanAccess>
      }
    >
      <RecordLayout>
        <TextField source="name" />
        <ReferenceField source="scopeUnitId" reference="orgUnits" link="show" />
        <ReferenceField source="organizationId" reference="organizations" link="show" emptyText="—" />
        <ScopesField source="scopes" label="resources.partnerTokens.fields.scopes" />
        <TokenStatusField label="resources.partnerTokens.fields.status" />
        <LocaleDateField source="expiresAt" showTime emptyText="—" />
        <LocaleDateField source="revokedAt" showTime emptyText="—" />
        <LocaleDateField source="lastUsedAt" showTime emptyText="—" />
        <LocaleDateField source="createdAt" showTime />
      </RecordLayout>
    </ResourceShow>
  );
}
