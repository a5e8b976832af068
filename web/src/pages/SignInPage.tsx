// web/src/pages/SignInPage.tsx: the sign-in form. Shows why the visitor is here (signed out,
// session ended) and plain-English errors for wrong details or too many attempts.
import { useState } from 'preact/hooks';
import * as api from '../api/endpoints';
import { ApiError } from '../api/http';
import type { Session } from '../api/types';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { usePageHeading } from '../components/usePageHeading';

interface Props {
  notice: string | null;
  onSignedIn: (s: Session) => void;
}

function signInError(e: unknown): string {
  if (e instanceof ApiError && e.status === 401) {
    return 'The username or password is not right. Please check them and try again.';
  }
  if (e instanceof ApiError && e.status === 429) {
    return 'There have been too many attempts to sign in. Please wait a few minutes and try again.';
  }
  return errorText(e);
}

export function SignInPage({ notice, onSignedIn }: Props) {
  const heading = usePageHeading('Sign in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (username.trim() === '' || password === '') {
      setError('Please enter both your username and your password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(username.trim(), password));
    } catch (err) {
      setError(signInError(err));
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <h1 ref={heading} tabIndex={-1}>
        Sign in
      </h1>
      {notice ? (
        <div class="message message-info" role="status" data-testid="sign-in-notice">
          <p>{notice}</p>
        </div>
      ) : null}
      <p>Sign in with the username and password your organisation gave you.</p>
      <form class="form" onSubmit={submit} noValidate aria-describedby="sign-in-error">
        <ErrorMessage error={error} id="sign-in-error" />
        <div class="field">
          <label for="username">Username</label>
          <input
            id="username"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
