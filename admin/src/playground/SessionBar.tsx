import { AuthError, session, type Account } from '../auth/session';
import { useSignInForm } from '../auth/useSignInForm';

const ROLE_NAMES: Record<Account['role'], string> = { SUPERADMIN: 'Superadmin', ADMIN: 'Admin', EDITOR: 'Editor', VIEWER: 'Viewer' };

function errorText(error: unknown): string {
  if (error instanceof AuthError) {
    if (error.code === 'UNAUTHENTICATED') return 'Wrong email or password.';
    if (error.code === 'TOO_MANY_REQUESTS')
      return `Too many failed sign-ins. Try again in ${Math.ceil((error.details.retryAfterSeconds ?? 60) / 60)} min.`;
    if (error.code === 'NETWORK') return 'The gateway cannot be reached.';
  }
  return (error as Error).message;
}

/**
 * Above GraphiQL: who the playground's requests run as. Signed in (here or in the console: the refresh cookie
 * is shared), requests carry that account's token; not signed in, a small form, or a partner token pasted
 * into the headers pane.
 */
export function SessionBar({ account }: { account: Account | null }) {
  const { email, setEmail, password, setPassword, error, submit, ready } = useSignInForm(
    (email, password) => session.login(email, password),
    errorText,
  );

  if (account)
    return (
      <div className="sangathan-session" data-testid="playground-session">
        <span>
          Signed in as <strong>{account.displayName}</strong> · {ROLE_NAMES[account.role]} ·{' '}
          {account.scopeUnit?.name ?? 'all organisations'}
        </span>
        <span className="sangathan-session-hint">A partner token in the headers pane (“Authorization”) replaces this sign-in.</span>
        <button type="button" onClick={() => void session.logout()}>
          Sign out
        </button>
      </div>
    );
  return (
    <form className="sangathan-session" onSubmit={submit} data-testid="playground-session">
      <span>Not signed in: the API answers nothing without a token.</span>
      <input
        type="email"
        placeholder="Email"
        aria-label="Email"
        autoComplete="username"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <input
        type="password"
        placeholder="Password"
        aria-label="Password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" disabled={!ready}>
        Sign in
      </button>
      {error && (
        <span role="alert" className="sangathan-session-error">
          {error}
        </span>
      )}
      <span className="sangathan-session-hint">
        or <a href="/admin/#/login">sign in through the console</a>, or paste a partner token into the headers pane:{' '}
        <code>{'{"Authorization": "Bearer sgp_…"}'}</code>
      </span>
    </form>
  );
}
