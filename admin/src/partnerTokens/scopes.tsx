import { Chip, Stack } from '@mui/material';
import { CheckboxGroupInput, FunctionField, required, useTranslate } from 'react-admin';

/** What an admin may give a partner app: read access only, personal details apart. */
export const PARTNER_SCOPES = ['members:read', 'pii:read', 'itcell:read', 'training:read'] as const;

/** Scope labels are messages under `resources.partnerTokens.scopes`, keyed without the colon. */
const scopeKey = (scope: string) => `resources.partnerTokens.scopes.${scope.replace(':', '_')}`;

export function ScopesInput() {
  return (
    <CheckboxGroupInput
      source="scopes"
      row={false}
      validate={required()}
      choices={PARTNER_SCOPES.map((scope) => ({ id: scope, name: scopeKey(scope) }))}
    />
  );
}

/** The token's scopes as chips (`source` and `label` let a show layout or a table header label it). */
export function ScopesField({ label = 'resources.partnerTokens.fields.scopes' }: { source?: 'scopes'; label?: string }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source="scopes"
      label={label}
      sortable={false}
      render={(token: { scopes?: string[] }) => (
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
          {(token.scopes ?? []).map((scope) => (
            <Chip key={scope} size="small" label={scope} title={translate(scopeKey(scope), { _: scope })} />
          ))}
        </Stack>
      )}
    />
  );
}

/** Active, expired or revoked, from revokedAt and expiresAt. */
export function tokenStatus(token: { revokedAt?: string | null; expiresAt?: string | null }): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

export function TokenStatusField({ label = 'resources.partnerTokens.fields.status' }: { label?: string }) {
  const translate = useTranslate();
  return (
    <FunctionField
      label={label}
      render={(token: { revokedAt?: string | null; expiresAt?: string | null }) => {
        const status = tokenStatus(token);
        return (
          <Chip
            size="small"
            color={status === 'active' ? 'success' : 'default'}
            label={translate(`resources.partnerTokens.status.${status}`)}
          />
        );
      }}
    />
  );
}
