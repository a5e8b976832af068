// web/src/pages/HomePage.tsx: the home page for roles without a caseload or a record of their
// own (agency admin, researcher, system admin): says plainly what this release offers them.
import { roleLabel } from '../format';
import { useSession } from '../session';
import { usePageHeading } from '../components/usePageHeading';

export function HomePage() {
  const { session } = useSession();
  const heading = usePageHeading('Home');
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Welcome, {session.user.displayName}
      </h1>
      <p>You are signed in as {roleLabel(session.user.role).toLowerCase()}.</p>
      <p>
        The pages for your role (managing accounts and teams, the community directory, study data
        and system settings) arrive in a later release. People's records are only shown to the
        person themselves and to the workers and team leaders who work with them.
      </p>
    </>
  );
}
