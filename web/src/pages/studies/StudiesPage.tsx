// web/src/pages/studies/StudiesPage.tsx: the researcher's Studies page (issue 8 part 5): each
// study of their agency with its design, sites (team and arm) and waves, the recruitment and
// retention counts by arm as a table (GET /studies/{id}/consort), and its research data: the
// analysis dataset CSV and the pseudonymised exports (docs/exports.md). Other roles get a plain
// message and no study data: the page makes no request for them.
import { useEffect, useState } from 'preact/hooks';
import { studies, type Study } from '../../api/studies';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { usePageHeading } from '../../components/usePageHeading';
import { armLabel, designLabel, formatDate, waveLabel } from '../../format';
import { useSession } from '../../session';
import { ConsortTable } from './ConsortTable';
import { ResearchData } from './ResearchData';

type Load<T> = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; data: T };

function waveText(w: Study['waves'][number]): string {
  const parts: string[] = [];
  if (w.targetMonth !== null) parts.push(`target month ${w.targetMonth}`);
  if (w.windowDays !== null) parts.push(`window ${w.windowDays} ${w.windowDays === 1 ? 'day' : 'days'}`);
  return parts.length ? `${waveLabel(w.wave)}: ${parts.join(', ')}` : waveLabel(w.wave);
}

function StudySection({ study }: { study: Study }) {
  const headingId = `study-${study.id}`;
  return (
    <section class="card study" aria-labelledby={headingId} data-study={study.id}>
      <h2 id={headingId}>{study.name}</h2>
      <dl class="facts">
        <div>
          <dt>Design</dt>
          <dd>{designLabel(study.design)}</dd>
        </div>
        {study.createdAt !== null ? (
          <div>
            <dt>Set up</dt>
            <dd>{formatDate(study.createdAt)}</dd>
          </div>
        ) : null}
      </dl>
      <div class="study-parts">
        <div>
          <h3>Sites</h3>
          {study.sites.length === 0 ? (
            <p>No sites yet.</p>
          ) : (
            <ul class="study-sites">
              {study.sites.map((s) => (
                <li key={s.siteId}>
                  {s.team}: {armLabel(s.arm).toLowerCase()} arm
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>Waves</h3>
          {study.waves.length === 0 ? (
            <p>No waves yet.</p>
          ) : (
            <ul class="study-waves">
              {study.waves.map((w) => (
                <li key={w.wave}>{waveText(w)}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <h3>Recruitment and retention</h3>
      <ConsortTable study={study} />
      <ResearchData study={study} />
    </section>
  );
}

function ResearcherStudies() {
  const [load, setLoad] = useState<Load<Study[]>>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    studies().then(
      (data) => live && setLoad({ kind: 'ready', data }),
      (e: unknown) => live && setLoad({ kind: 'failed', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <p class="lead">
        The studies of your agency: how each is set up, how many people were recruited and stayed in, and their research
        data. Everything here is pseudonymised: no names, contact details or dates of birth.
      </p>
      {load.kind === 'loading' ? <p class="loading">Loading the studies…</p> : null}
      <ErrorMessage error={load.kind === 'failed' ? load.error : null} />
      {load.kind === 'ready' && load.data.length === 0 ? <p>Your agency has no studies yet.</p> : null}
      {load.kind === 'ready' ? load.data.map((s) => <StudySection key={s.id} study={s} />) : null}
    </>
  );
}

export function StudiesPage() {
  const { session } = useSession();
  const heading = usePageHeading('Studies');
  const researcher = session.user.role === 'researcher';
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Studies
      </h1>
      {researcher ? (
        <ResearcherStudies />
      ) : (
        <p class="later" data-testid="studies-not-for-role">
          Study data are for researchers. Signed in as you are, there is nothing to show here.
        </p>
      )}
    </>
  );
}
