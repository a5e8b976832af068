// web/src/app.tsx: the application: finds out whether someone is signed in (GET /auth/me),
// sends signed-out visitors to the sign-in page, returns there with a message when the session
// expires (any 401), and otherwise shows the page for the current route inside the shell.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import * as api from './api/endpoints';
import { setCsrfToken, setUnauthorizedHandler } from './api/http';
import type { Session } from './api/types';
import { AnnouncerProvider } from './components/Announcer';
import { ErrorMessage, errorText } from './components/ErrorMessage';
import { Shell } from './components/Shell';
import { CaseloadPage } from './pages/CaseloadPage';
import { DirectoryPage } from './pages/directory/DirectoryPage';
import { ResourceEditPage } from './pages/directory/ResourceEditPage';
import { ResourcePage } from './pages/directory/ResourcePage';
import { ReviewPage } from './pages/directory/ReviewPage';
import { FidelityPage } from './pages/FidelityPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PersonPage } from './pages/PersonPage';
import { SignInPage } from './pages/SignInPage';
import { StudiesPage } from './pages/studies/StudiesPage';
import { navigate, useRoute, type Route } from './router';
import { landingPath, SessionContext, type SessionApi } from './session';

type Boot = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready' };

export const EXPIRED_NOTICE = 'Your session has ended, so you have been signed out. Please sign in again.';
export const SIGNED_OUT_NOTICE = 'You have signed out.';

function signInPath(route: Route): string {
  const here = location.pathname + location.search;
  return route.name === 'home' || route.name === 'sign-in' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}

export function App() {
  const route = useRoute();
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [session, setSessionState] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const setSession = useCallback((s: Session | null) => {
    setCsrfToken(s ? s.csrfToken : null);
    setSessionState(s);
  }, []);

  const load = useCallback(() => {
    setBoot({ kind: 'loading' });
    api.me().then(
      (s) => {
        setSession(s);
        setBoot({ kind: 'ready' });
      },
      (e: unknown) => setBoot({ kind: 'failed', error: errorText(e) }),
    );
  }, [setSession]);

  useEffect(load, [load]);

  // Any 401 from a signed-in call: the session expired or was ended elsewhere.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setSession(null);
      setNotice(EXPIRED_NOTICE);
    });
    return () => setUnauthorizedHandler(null);
  }, [setSession]);

  // Keep the URL in step with the session: signed out → sign-in; signed in → not sign-in.
  useEffect(() => {
    if (boot.kind !== 'ready') return;
    if (session === null && route.name !== 'sign-in') navigate(signInPath(route), { replace: true });
    else if (session !== null && route.name === 'sign-in') navigate(route.next ?? landingPath(session.user), { replace: true });
    else if (session !== null && route.name === 'home' && landingPath(session.user) !== '/') {
      navigate(landingPath(session.user), { replace: true });
    }
  }, [boot, session, route]);

  const sessionApi = useMemo<SessionApi | null>(() => {
    if (session === null) return null;
    return {
      session,
      signOut: async () => {
        try {
          await api.logout();
        } finally {
          // A plain /sign-in: the next person to sign in starts at their own landing page.
          navigate('/sign-in');
          setSession(null);
          setNotice(SIGNED_OUT_NOTICE);
        }
      },
    };
  }, [session, setSession]);

  let page;
  if (boot.kind === 'loading') {
    page = <p class="loading">Loading…</p>;
  } else if (boot.kind === 'failed') {
    page = (
      <>
        <h1>We could not start Connecting People</h1>
        <ErrorMessage error={boot.error} />
        <button type="button" class="button" onClick={load}>Try again</button>
      </>
    );
  } else if (sessionApi === null || route.name === 'sign-in') {
    page = (
      <SignInPage
        notice={notice}
        onSignedIn={(s) => {
          setNotice(null);
          setSession(s);
        }}
      />
    );
  } else if (route.name === 'caseload') {
    page = <CaseloadPage />;
  } else if (route.name === 'fidelity') {
    page = <FidelityPage />;
  } else if (route.name === 'studies') {
    page = <StudiesPage />;
  } else if (route.name === 'person') {
    page = <PersonPage id={route.id} tab={route.tab} />;
  } else if (route.name === 'directory') {
    page = <DirectoryPage />;
  } else if (route.name === 'directory-review') {
    page = <ReviewPage />;
  } else if (route.name === 'directory-resource') {
    page = <ResourcePage id={route.id} />;
  } else if (route.name === 'directory-edit') {
    page = <ResourceEditPage id={route.id} />;
  } else if (route.name === 'home') {
    page = <HomePage />;
  } else {
    page = <NotFoundPage />;
  }

  return (
    <SessionContext.Provider value={sessionApi}>
      <AnnouncerProvider>
        <Shell>{page}</Shell>
      </AnnouncerProvider>
    </SessionContext.Provider>
  );
}
