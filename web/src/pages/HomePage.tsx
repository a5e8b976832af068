// web/src/pages/HomePage.tsx: the home page for roles without a caseload or a record of their
// own (agency admin, researcher, system admin): says plainly what this release offers them.
// A researcher is pointed to the Studies page.
import { Link } from '../components/Link';
import { roleLabel } from '../format';
import { useSession } from '../session';
import { usePageHeading } from '../components/usePageHeading';

export function HomePage() {
  const { session } = useSession();
  const heading = usePageHeading('Home');
  const researcher = session.user.role === 'researcher';
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Welcome, {session.user.displayName}
      </h1>
      <p>You are signed in as {roleLabel(session.user.role).toLowerCase()}.</p>
      {researcher ? (
        <p>
          Your agency's studies, their recruitment and retention counts and their pseudonymised research data (the
          analysis dataset and the REDCap, long CSV, Stata, SPSS and network map exports) are on the{' '}
          <Link href="/studies">Studies</Link> page.
        </p>
      ) : (
        <p>
          The pages for your role (managing accounts and teams, the community directory, study data
          and system settings) arrive in a later release.
        </p>
      )}
      <p>People's records are only shown to the person themselves and to the workers and team leaders who work with them.</p>
    </>
  );
}
