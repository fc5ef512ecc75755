import { Alert, Box, Button, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import { LocalesMenuButton, Login, useLocaleState, useLogin, useTranslate } from 'react-admin';
import { intlLocale } from '../i18n/locales';
import { AuthError } from './session';
import { useSignInForm } from './useSignInForm';

/** "5 minutes", "5 मिनट", "5 phút"; seconds under a minute. */
function waitText(seconds: number, locale: string): string {
  const [value, unit] = seconds < 60 ? [Math.max(1, Math.ceil(seconds)), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** What went wrong, in the reader's language: wrong credentials, throttled (with how long to wait), no server. */
function useLoginErrorText() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (error: unknown) => {
    if (error instanceof AuthError) {
      if (error.code === 'UNAUTHENTICATED') return translate('sangathan.auth.wrongCredentials');
      if (error.code === 'TOO_MANY_REQUESTS')
        return translate('sangathan.auth.throttled', { wait: waitText(error.details.retryAfterSeconds ?? 60, locale) });
      if (error.code === 'NETWORK') return translate('sangathan.auth.unreachable');
    }
    return translate('sangathan.auth.failed', { error: (error as Error)?.message ?? String(error) });
  };
}

function LoginForm() {
  const login = useLogin();
  const translate = useTranslate();
  const { email, setEmail, password, setPassword, error, pending, submit, ready } = useSignInForm(
    (email, password) => login({ email, password }),
    useLoginErrorText(),
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-title">
      <CardContent sx={{ width: 320, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id="login-title" variant="h6" component="h1">
            {translate('sangathan.auth.title')}
          </Typography>
          <LocalesMenuButton />
        </Box>
        <TextField
          label={translate('sangathan.auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={translate('sangathan.auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error && (
          <Alert severity="error" role="alert" data-testid="login-error">
            {error}
          </Alert>
        )}
        <Button type="submit" variant="contained" disabled={!ready}>
          {pending ? <CircularProgress size={20} /> : translate('sangathan.auth.signIn')}
        </Button>
      </CardContent>
    </form>
  );
}

/** The console's sign-in page (react-admin's frame: it goes on to the console when already signed in). */
export function LoginPage() {
  return (
    <Login>
      <LoginForm />
    </Login>
  );
}
