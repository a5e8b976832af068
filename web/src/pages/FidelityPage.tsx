// web/src/pages/FidelityPage.tsx: "How fully are we doing Connecting People?" For an agency
// admin, the agency view (each team, CSV of every team and worker). For a team leader, the team view: the team's implementation level and each worker's (full, partial,
// low), the reasons, the evidence by domain and a six-month trend with an early warning. For
// a practitioner, their own supervision view. Levels are always shown as words as well as
// colour; the trend has a text equivalent. Method: docs/fidelity.md.
import { useEffect, useState } from 'preact/hooks';
import {
  agencyFidelity,
  teamFidelity,
  workerFidelity,
  type AgencyView,
  type Assessment,
  type TeamView,
  type WorkerView,
} from '../api/fidelity';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { usePageHeading } from '../components/usePageHeading';
import { config } from '../config';
import { formatDate } from '../format';
import { useSession } from '../session';

const LEVEL_TEXT: Record<string, string> = {
  full: 'Full implementation',
  partial: 'Partial implementation',
  low: 'Low implementation',
  insufficient_data: 'Not enough evidence yet',
};

export function levelText(level: string): string {
  return LEVEL_TEXT[level] ?? level;
}

function pct(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)}%`;
}

export function LevelBadge({ level }: { level: string }) {
  return <span class={`level level-${level}`}>{levelText(level)}</span>;
}

/** A small line of the overall score by month, with the same numbers as text for screen readers. */
function Trend({ a, label }: { a: Assessment; label: string }) {
  const w = 160, h = 40;
  const pts = a.trend.map((p, i) => ({ x: (i * w) / Math.max(1, a.trend.length - 1), y: p.overall === null ? null : h - p.overall * h }));
  const path = pts
    .filter((p): p is { x: number; y: number } => p.y !== null)
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
  const text = a.trend.map((p) => `${p.period}: ${pct(p.overall)}`).join(', ');
  return (
    <figure class="trend">
      <svg width={w} height={h} viewBox={`-2 -2 ${w + 4} ${h + 4}`} aria-hidden="true" focusable="false">
        <rect x="0" y="0" width={w} height={h} class="trend-frame" />
        {path ? <path d={path} class="trend-line" /> : null}
        {pts.map((p, i) => (p.y === null ? null : <circle key={i} cx={p.x} cy={p.y} r="3" class="trend-point" />))}
      </svg>
      <figcaption class="visually-hidden">
        {label} overall score by month: {text}
      </figcaption>
    </figure>
  );
}

function Evidence({ a }: { a: Assessment }) {
  return (
    <details class="evidence">
      <summary>Evidence by domain</summary>
      <table class="table">
        <caption class="visually-hidden">Evidence by domain</caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Combined</th>
            <th scope="col">Fidelity scale</th>
            <th scope="col">From the records</th>
          </tr>
        </thead>
        <tbody>
          {a.domains.map((d) => (
            <tr key={d.domain}>
              <th scope="row">{d.label}</th>
              <td>{pct(d.combined)}</td>
              <td>{pct(d.scale)}</td>
              <td>{pct(d.indicators)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="indicators">
        {a.indicators.map((i) => (
          <li key={i.id}>
            {i.label}: {i.denominator === 0 ? 'nobody to count yet' : `${i.numerator} of ${i.denominator}`}
            {i.key ? <span class="key-indicator"> (key)</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Summary({ a, title }: { a: Assessment; title: string }) {
  return (
    <section class="fidelity-summary" aria-label={title}>
      <p>
        <LevelBadge level={a.level} /> <span class="overall">Overall {pct(a.overall)}</span>, {a.people}{' '}
        {a.people === 1 ? 'person' : 'people'}
      </p>
      {a.warning ? (
        <p class="warning" role="status">
          Early warning: {a.warning}
        </p>
      ) : null}
      <ul class="reasons">
        {a.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <Trend a={a} label={title} />
      <Evidence a={a} />
    </section>
  );
}

/** One row per worker or team: the level in words, overall score, people and the reasons. */
function LevelTable({ testId, unit, caption, rows }: {
  testId: string;
  unit: 'Worker' | 'Team';
  caption: string;
  rows: { key: string; name: string; a: Assessment }[];
}) {
  return (
    <table class="table table-cards" data-testid={testId}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{unit}</th>
          <th scope="col">Level</th>
          <th scope="col">Overall</th>
          <th scope="col">People</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, name, a }) => (
          <tr key={key} {...{ [unit === 'Worker' ? 'data-worker' : 'data-team']: name }}>
            <th scope="row" data-label={unit}>
              {name}
            </th>
            <td data-label="Level">
              <LevelBadge level={a.level} />
              {a.warning ? <span class="warning"> Early warning: {a.warning}</span> : null}
            </td>
            <td data-label="Overall">{pct(a.overall)}</td>
            <td data-label="People">{a.people}</td>
            <td data-label="Why">
              <ul class="reasons">
                {a.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Load<T> = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; data: T };

export function FidelityPage() {
  const { session } = useSession();
  const user = session.user;
  const isLead = user.role === 'team_leader';
  const isAdmin = user.role === 'agency_admin';
  const title = isLead ? 'Team fidelity' : isAdmin ? 'Agency fidelity' : 'My fidelity';
  const heading = usePageHeading(title);
  const [team, setTeam] = useState<Load<TeamView>>({ kind: 'loading' });
  const [mine, setMine] = useState<Load<WorkerView>>({ kind: 'loading' });
  const [agency, setAgency] = useState<Load<AgencyView>>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    if (isAdmin) {
      agencyFidelity().then(
        (data) => live && setAgency({ kind: 'ready', data }),
        (e: unknown) => live && setAgency({ kind: 'failed', error: errorText(e) }),
      );
    } else if (isLead) {
      teamFidelity().then(
        (data) => live && setTeam({ kind: 'ready', data }),
        (e: unknown) => live && setTeam({ kind: 'failed', error: errorText(e) }),
      );
    } else if (user.workerId !== null) {
      workerFidelity(user.workerId).then(
        (data) => live && setMine({ kind: 'ready', data }),
        (e: unknown) => live && setMine({ kind: 'failed', error: errorText(e) }),
      );
    }
    return () => {
      live = false;
    };
  }, [isAdmin, isLead, user.workerId]);

  const load = isAdmin ? agency : isLead ? team : mine;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">
        How fully Connecting People is being practised, from the fidelity scale and from the records you keep anyway.
        A level is partial when any part of the model is hardly practised, however good the rest.
      </p>
      {load.kind === 'loading' ? <p class="loading">Working out the levels…</p> : null}
      <ErrorMessage error={load.kind === 'failed' ? load.error : null} />
      {isLead && team.kind === 'ready' ? (
        <>
          <h2>{team.data.teamName}</h2>
          <p class="as-of">As of {formatDate(team.data.asOf)}</p>
          <Summary a={team.data} title={`${team.data.teamName} team`} />
          <h2>Workers</h2>
          <LevelTable
            testId="fidelity-workers"
            unit="Worker"
            caption="Implementation level of each worker"
            rows={team.data.workers.map((w) => ({ key: w.workerId, name: w.name, a: w }))}
          />
          <p>
            <a class="button button-secondary" href={`${config.apiBase}/fidelity/export.csv?scope=team`} download>
              Download as CSV
            </a>
          </p>
        </>
      ) : null}
      {!isLead && !isAdmin && mine.kind === 'ready' ? <Summary a={mine.data} title="Your practice" /> : null}
      {isAdmin && agency.kind === 'ready' ? (
        <>
          <h2>{agency.data.agencyName}</h2>
          <p class="as-of">As of {formatDate(agency.data.asOf)}</p>
          <Summary a={agency.data} title={agency.data.agencyName} />
          <h2>Teams</h2>
          <LevelTable
            testId="fidelity-teams"
            unit="Team"
            caption="Implementation level of each team"
            rows={agency.data.teams.map((t) => ({ key: t.teamId, name: t.name, a: t }))}
          />
          <p>
            <a class="button button-secondary" href={`${config.apiBase}/fidelity/export.csv?scope=agency`} download>
              Download as CSV (every team and worker)
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}
