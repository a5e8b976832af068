// web/src/pages/NotFoundPage.tsx: shown for an address the app does not know.
import { Link } from '../components/Link';
import { usePageHeading } from '../components/usePageHeading';

export function NotFoundPage() {
  const heading = usePageHeading('Page not found');
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p>There is no page at this address. It may have moved, or the link may be wrong.</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </>
  );
}
