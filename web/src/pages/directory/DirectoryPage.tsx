// web/src/pages/directory/DirectoryPage.tsx: the agency's community directory for workers:
// search by interest tag, place (postcode district, town or locality) and free text, with
// "open to new people" and "running now / starting soon" filters; results show capacity and the
// next date something happens. Links to a resource's page, a new entry and the review list.
import { useEffect, useState } from 'preact/hooks';
import * as dir from '../../api/directory';
import { useAnnounce } from '../../components/Announcer';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { Link } from '../../components/Link';
import { usePageHeading } from '../../components/usePageHeading';
import { formatDate } from '../../format';
import { directoryPath } from '../../router';

type Load = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; rows: dir.Resource[] };

export function DirectoryPage() {
  const heading = usePageHeading('Community directory');
  const announce = useAnnounce();
  const [query, setQuery] = useState<dir.SearchQuery>({ q: '', tag: '', place: '', open: false, active: '' });
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([]);

  const run = (q: dir.SearchQuery): void => {
    setLoad({ kind: 'loading' });
    dir.search(q).then(
      (rows) => {
        setLoad({ kind: 'ready', rows });
        announce(`${rows.length} ${rows.length === 1 ? 'resource' : 'resources'} found`);
      },
      (e: unknown) => setLoad({ kind: 'failed', error: errorText(e) }),
    );
  };

  useEffect(() => {
    run(query);
    dir.tags().then(setTags, () => setTags([]));
  }, []);

  const set = (patch: Partial<dir.SearchQuery>): void => setQuery({ ...query, ...patch });

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Community directory
      </h1>
      <p class="lead">
        What the agency knows about local groups, activities and services, and who here knows someone there.
      </p>
      <p class="actions">
        <Link href="/directory/new" class="button">Add a resource</Link>{' '}
        <Link href="/directory/review" class="button button-secondary">Entries due for review</Link>
      </p>
      <form
        class="search-form"
        role="search"
        aria-label="Search the community directory"
        onSubmit={(e) => {
          e.preventDefault();
          run(query);
        }}
      >
        <div class="field">
          <label for="dir-q">Words</label>
          <input id="dir-q" type="search" value={query.q} onInput={(e) => set({ q: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="dir-tag">Interest</label>
          <select id="dir-tag" value={query.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
            <option value="">Any interest</option>
            {tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="dir-place">Place</label>
          <input
            id="dir-place"
            type="text"
            value={query.place}
            aria-describedby="dir-place-hint"
            onInput={(e) => set({ place: e.currentTarget.value })}
          />
          <span id="dir-place-hint" class="hint">
            A postcode district (NB1), a town or an area
          </span>
        </div>
        <div class="field">
          <label for="dir-active">When</label>
          <select
            id="dir-active"
            value={query.active}
            onChange={(e) => set({ active: e.currentTarget.value as '' | 'now' | 'upcoming' })}
          >
            <option value="">Any time</option>
            <option value="now">Running now</option>
            <option value="upcoming">Starting later</option>
          </select>
        </div>
        <div class="field field-check">
          <input id="dir-open" type="checkbox" checked={query.open} onChange={(e) => set({ open: e.currentTarget.checked })} />
          <label for="dir-open">Open to new people only</label>
        </div>
        <button type="submit" class="button">Search</button>
      </form>
      <ErrorMessage error={load.kind === 'failed' ? load.error : null} />
      {load.kind === 'loading' ? <p class="loading">Searching…</p> : null}
      {load.kind === 'ready' ? <Results rows={load.rows} /> : null}
    </>
  );
}

function Results({ rows }: { rows: dir.Resource[] }) {
  if (rows.length === 0) return <p>Nothing matches. Try fewer words or another place.</p>;
  return (
    <>
      <p class="count" id="dir-count">
        {rows.length} {rows.length === 1 ? 'resource' : 'resources'}
      </p>
      <ul class="resource-list" aria-describedby="dir-count" data-testid="directory-results">
        {rows.map((r) => (
          <li key={r.id} class="resource-card">
            <h2>
              <Link href={directoryPath(r.id)}>{r.name}</Link>
            </h2>
            {r.organization.name && r.organization.name !== r.name ? <p class="muted">{r.organization.name}</p> : null}
            <p>
              <span class={`badge badge-${r.capacity}`}>{dir.capacityLabel(r.capacity)}</span>
              {r.nextDate ? <> · Next: {formatDate(r.nextDate)}</> : null}
              {r.timing === 'upcoming' ? <> · Starts later</> : null}
              {r.knowers.length > 0 ? (
                <>
                  {' '}
                  · {r.knowers.length} {r.knowers.length === 1 ? 'colleague knows' : 'colleagues know'} someone there
                </>
              ) : null}
            </p>
            {r.tags.length > 0 ? <p class="tags">Interests: {r.tags.join(', ')}</p> : null}
            {r.locations.length > 0 ? (
              <p class="muted">
                {r.locations
                  .map((l) => [l.name, l.city, l.postalCode].filter((x) => x !== '').join(', ') + (l.confidential ? ' (confidential)' : ''))
                  .join('; ')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
