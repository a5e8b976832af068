// web/src/pages/directory/ReviewPage.tsx: directory entries due for review (not reviewed in the
// chosen number of months, or never), oldest first, each with "Mark as reviewed".
import { useEffect, useState } from 'preact/hooks';
import * as dir from '../../api/directory';
import { useAnnounce } from '../../components/Announcer';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { Link } from '../../components/Link';
import { usePageHeading } from '../../components/usePageHeading';
import { formatDate } from '../../format';
import { directoryPath } from '../../router';

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; rows: dir.Resource[] };

export function ReviewPage() {
  const heading = usePageHeading('Entries due for review');
  const announce = useAnnounce();
  const [months, setMonths] = useState(12);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    dir.dueForReview(months).then(
      (rows) => live && setLoad({ kind: 'ready', rows }),
      (e: unknown) => live && setLoad({ kind: 'failed', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [months]);

  const reviewed = (r: dir.Resource): void => {
    setError(null);
    dir.markReviewed(r.id).then(
      () => {
        if (load.kind === 'ready') setLoad({ kind: 'ready', rows: load.rows.filter((x) => x.id !== r.id) });
        announce(`${r.name} marked as reviewed today.`);
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <>
      <p class="breadcrumb">
        <Link href="/directory">Community directory</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        Entries due for review
      </h1>
      <p class="lead">Check these are still running, still open to new people, and that the details are right.</p>
      <div class="field field-inline">
        <label for="review-months">Not reviewed for</label>
        <select id="review-months" value={String(months)} onChange={(e) => setMonths(Number(e.currentTarget.value))}>
          {[3, 6, 12, 24].map((m) => (
            <option key={m} value={String(m)}>
              {m} months
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error ?? (load.kind === 'failed' ? load.error : null)} />
      {load.kind === 'loading' ? <p class="loading">Loading…</p> : null}
      {load.kind === 'ready' && load.rows.length === 0 ? <p>Nothing is due for review.</p> : null}
      {load.kind === 'ready' && load.rows.length > 0 ? (
        <table class="table" data-testid="review-table">
          <caption class="visually-hidden">Entries due for review</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Last reviewed</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {load.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link href={directoryPath(r.id)}>{r.name}</Link>
                </th>
                <td>{r.reviewedOn ? formatDate(r.reviewedOn) : 'Never'}</td>
                <td>
                  <button type="button" class="button button-secondary" onClick={() => reviewed(r)}>
                    Mark {r.name} as reviewed
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
