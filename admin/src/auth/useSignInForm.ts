import { useState, type FormEvent } from 'react';

/**
 * The state of a sign-in form (the console's login page, the playground's bar): email, password, the
 * error to show (`describe` words it) and whether a sign-in is under way.
 */
export function useSignInForm(signIn: (email: string, password: string) => Promise<unknown>, describe: (error: unknown) => string) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      setPassword('');
    } catch (reason) {
      setError(describe(reason));
    } finally {
      setPending(false);
    }
  };

  return { email, setEmail, password, setPassword, error, pending, submit, ready: !!email && !!password && !pending };
}
