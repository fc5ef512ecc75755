import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useRedirect, useTranslate } from 'react-admin';
import { ResourceCreate } from '../common';
import { PartnerTokenForm } from './PartnerTokenForm';

/** Copies to the clipboard; where the Clipboard API is unavailable (plain http), through a selected text field. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.select();
    return document.execCommand('copy');
  }
}

/** The secret, shown once: the API never returns it again (it keeps only a hash). */
function SecretDialog({ token, onClose }: { token: { name: string; secret: string }; onClose: () => void }) {
  const translate = useTranslate();
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open aria-labelledby="token-secret-title" maxWidth="sm" fullWidth>
      <DialogTitle id="token-secret-title">{translate('resources.partnerTokens.secret.title', { name: token.name })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('resources.partnerTokens.secret.warning')}
        </Alert>
        <TextField
          fullWidth
          label={translate('resources.partnerTokens.secret.label')}
          value={token.secret}
          inputRef={setInput}
          slotProps={{
            htmlInput: { readOnly: true, 'data-testid': 'token-secret', style: { fontFamily: 'monospace' } },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <IconButton
                    aria-label={translate('resources.partnerTokens.secret.copy')}
                    onClick={async () => setCopied(await copyText(token.secret, input))}
                  >
                    <ContentCopyIcon />
                  </IconButton>
                </InputAdornment>
              ),
            },
          }}
          helperText={copied ? translate('resources.partnerTokens.secret.copied') : ' '}
        />
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('resources.partnerTokens.secret.usage')}
        </Typography>
        <Typography component="pre" variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {`Authorization: Bearer ${token.secret}`}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('resources.partnerTokens.secret.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Issues a token, then shows its secret once before going on to the token's page. */
export function PartnerTokenCreate() {
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ id: string; name: string; secret: string } | null>(null);
  return (
    <>
      <ResourceCreate
        record={{ scopes: ['members:read'] }}
        mutationOptions={{ onSuccess: (token: { id: string; name: string; secret: string }) => setCreated(token) }}
      >
        <PartnerTokenForm creating />
      </ResourceCreate>
      {created && <SecretDialog token={created} onClose={() => redirect('show', 'partnerTokens', created.id)} />}
    </>
  );
}
