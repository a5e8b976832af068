// web/src/components/Shell.tsx: the frame around every page: a skip link, the banner with the
// site name, navigation and sign-out (when signed in), the main landmark and a footer.
import type { ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { config } from '../config';
import { roleLabel } from '../format';
import { personPath, useRoute } from '../router';
import { isWorker, SessionContext, usesDirectory } from '../session';
import { Link } from './Link';

function skipToMain(e: MouseEvent): void {
  // Move focus without changing the URL (the router owns the path; a #fragment is not needed).
  e.preventDefault();
  document.getElementById('main')?.focus();
}

export function Shell({ children }: { children: ComponentChildren }) {
  const s = useContext(SessionContext);
  const [signingOut, setSigningOut] = useState(false);
  const user = s?.session.user ?? null;
  useRoute(); // re-render on navigation so that aria-current follows the page
  const here = location.pathname;

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <Link href="/" class="site-name">
            {config.appName}
          </Link>
          {user && s ? (
            <nav aria-label="Main" class="site-nav">
              <ul>
                {isWorker(user) ? (
                  <li>
                    <Link href="/caseload" aria-current={here === '/caseload' ? 'page' : undefined}>
                      Caseload
                    </Link>
                  </li>
                ) : null}
                {usesDirectory(user) ? (
                  <li>
                    <Link href="/directory" aria-current={here.startsWith('/directory') ? 'page' : undefined}>
                      Community directory
                    </Link>
                  </li>
                ) : null}
                {user.role === 'team_leader' || user.role === 'agency_admin' || (user.role === 'practitioner' && user.workerId !== null) ? (
                  <li>
                    <Link href="/fidelity" aria-current={here === '/fidelity' ? 'page' : undefined}>
                      Fidelity
                    </Link>
                  </li>
                ) : null}
                {user.role === 'researcher' ? (
                  <li>
                    <Link href="/studies" aria-current={here === '/studies' ? 'page' : undefined}>
                      Studies
                    </Link>
                  </li>
                ) : null}
                {user.role === 'person' && user.personId !== null ? (
                  <li>
                    <Link href={personPath(user.personId)} aria-current={here.startsWith(personPath(user.personId)) ? 'page' : undefined}>
                      My record
                    </Link>
                  </li>
                ) : null}
              </ul>
              <p class="signed-in-as">
                <span class="visually-hidden">Signed in as </span>
                {user.displayName}
                <span class="role"> ({roleLabel(user.role)})</span>
              </p>
              <button
                type="button"
                class="button button-secondary"
                disabled={signingOut}
                onClick={() => {
                  setSigningOut(true);
                  s.signOut().finally(() => setSigningOut(false));
                }}
              >
                Sign out
              </button>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} class="site-main">
        {children}
      </main>
      <footer class="site-footer">
        <p>
          {config.appName}: supporting the Connecting People Intervention, where a person and their
          worker work together as equal partners.
        </p>
      </footer>
    </>
  );
}
