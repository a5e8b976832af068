// web/src/pages/CaseloadPage.tsx: "My caseload" for a practitioner, "Team caseload" for a team
// leader: the people worked with, their episode state, worker, team and last contact, with a
// filter box. On narrow screens the table becomes one card per person (see components.css).
import { useEffect, useMemo, useState } from 'preact/hooks';
import * as api from '../api/endpoints';
import type { CaseloadRow } from '../api/types';
import { useAnnounce } from '../components/Announcer';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { Link } from '../components/Link';
import { StateBadge } from '../components/StateBadge';
import { usePageHeading } from '../components/usePageHeading';
import { DueAssessments } from './DueAssessments';
import { formatDate, orMissing, stateLabel } from '../format';
import { personPath } from '../router';
import { isWorker, useSession } from '../session';

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; rows: CaseloadRow[] };

/** Rows whose name, worker, team or state contain every word of the filter (any case). */
export function filterRows(rows: readonly CaseloadRow[], filter: string): CaseloadRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const text = [r.displayName, r.workerName ?? '', r.teamName ?? '', stateLabel(r.episodeState)].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function CaseloadPage() {
  const { session } = useSession();
  if (!isWorker(session.user)) return <NoCaseload />;
  return <Caseload isLead={session.user.role === 'team_leader'} />;
}

function NoCaseload() {
  const heading = usePageHeading('No caseload');
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        No caseload
      </h1>
      <p>Caseloads are for practitioners and team leaders. Your role does not have one.</p>
      <p>
        <Link href="/">Go to your start page</Link>
      </p>
    </>
  );
}

function Caseload({ isLead }: { isLead: boolean }) {
  const title = isLead ? 'Team caseload' : 'My caseload';
  const heading = usePageHeading(title);
  const announce = useAnnounce();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let live = true;
    api.caseload().then(
      (rows) => {
        if (!live) return;
        rows.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
        setLoad({ kind: 'ready', rows });
      },
      (e: unknown) => live && setLoad({ kind: 'failed', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const rows = load.kind === 'ready' ? load.rows : [];
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const countText = `Showing ${shown.length} of ${rows.length} ${rows.length === 1 ? 'person' : 'people'}`;

  useEffect(() => {
    if (load.kind === 'ready' && filter !== '') announce(countText);
  }, [countText, load.kind, filter, announce]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">
        {isLead
          ? 'Everyone your team works with, and where each partnership is.'
          : 'The people you work with, and where each partnership is.'}
      </p>
      {load.kind === 'loading' ? <p class="loading">Loading the caseload…</p> : null}
      <ErrorMessage error={load.kind === 'failed' ? load.error : null} />
      {load.kind === 'ready' ? (
        <>
          <div class="field field-inline">
            <label for="caseload-filter">Filter by name, worker, team or state</label>
            <input
              id="caseload-filter"
              type="search"
              value={filter}
              aria-describedby="caseload-count"
              onInput={(e) => setFilter(e.currentTarget.value)}
            />
          </div>
          <p id="caseload-count" class="count">
            {countText}
          </p>
          {rows.length === 0 ? (
            <p>There is nobody on this caseload yet.</p>
          ) : (
            <table class="table table-cards" data-testid="caseload-table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Partnership</th>
                  <th scope="col">Worker</th>
                  <th scope="col">Team</th>
                  <th scope="col">Last contact</th>
                  <th scope="col">Contacts</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={`${r.personId}-${r.partnershipId ?? ''}`}>
                    <th scope="row" data-label="Name">
                      <Link href={personPath(r.personId)}>{r.displayName}</Link>
                    </th>
                    <td data-label="Partnership">
                      <StateBadge state={r.episodeState} />
                      {r.episodeSince ? <span class="since"> since {formatDate(r.episodeSince)}</span> : null}
                    </td>
                    <td data-label="Worker">{orMissing(r.workerName)}</td>
                    <td data-label="Team">{orMissing(r.teamName)}</td>
                    <td data-label="Last contact">{formatDate(r.lastContact)}</td>
                    <td data-label="Contacts">{orMissing(r.contactsCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {rows.length > 0 && shown.length === 0 ? <p>Nobody matches “{filter}”.</p> : null}
        </>
      ) : null}
      <DueAssessments isLead={isLead} />
    </>
  );
}
