import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export type PasswordField = 'currentPassword' | 'newPassword';

/** A refusal with the fields at fault (the server's extensions.fields), shown under each field. */
export class FieldsError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

const LABELS: Record<PasswordField | 'repeat', string> = {
  currentPassword: 'sangathan.auth.changePassword.current',
  newPassword: 'sangathan.auth.changePassword.new',
  repeat: 'sangathan.auth.changePassword.repeat',
};

export interface PasswordDialogProps {
  open: boolean;
  title: string;
  /** Asked for besides the new password and its repetition: the current one (changing one's own). */
  askCurrent?: boolean;
  intro?: ReactNode;
  onClose: () => void;
  /** Saves; a FieldsError marks its fields, any other error shows its message. Resolving closes the dialog. */
  onSubmit: (values: { currentPassword: string; newPassword: string }) => Promise<void>;
}

/** A new password typed twice (and the current one when asked), checked by the server. */
export function PasswordDialog({ open, title, askCurrent = false, intro, onClose, onSubmit }: PasswordDialogProps) {
  const translate = useTranslate();
  const empty = { currentPassword: '', newPassword: '', repeat: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const close = () => {
    setValues(empty);
    setErrors({});
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (values.newPassword !== values.repeat) {
      setErrors({ repeat: translate('sangathan.auth.changePassword.mismatch') });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await onSubmit({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      close();
    } catch (error) {
      if (error instanceof FieldsError && Object.keys(error.fields).length) setErrors(error.fields);
      else setErrors({ root: (error as Error).message });
    } finally {
      setPending(false);
    }
  };

  const field = (name: PasswordField | 'repeat', helperText?: string) => (
    <TextField
      key={name}
      type="password"
      label={translate(LABELS[name])}
      name={name}
      autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'}
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.target.value })}
      error={!!errors[name]}
      helperText={errors[name] ?? helperText}
      required
    />
  );

  return (
    <Dialog open={open} onClose={close} aria-labelledby="password-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="password-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1, minWidth: 320 }}>
            {intro}
            {askCurrent && field('currentPassword')}
            {field('newPassword', translate('sangathan.auth.changePassword.help'))}
            {field('repeat')}
            {errors.root && (
              <Alert severity="error" role="alert">
                {errors.root}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={pending || !values.newPassword || (askCurrent && !values.currentPassword)}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
