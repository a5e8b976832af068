// web/src/pages/directory/ResourcePage.tsx: one community resource: what it is, where and when,
// capacity, cost and accessibility, contacts, who in the agency knows someone there, and the
// worker's own "I know someone there" (add or remove), "Mark as reviewed" and "Edit".
import { useEffect, useState } from 'preact/hooks';
import * as dir from '../../api/directory';
import { useAnnounce } from '../../components/Announcer';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { Link } from '../../components/Link';
import { usePageHeading } from '../../components/usePageHeading';
import { formatDate } from '../../format';
import { directoryPath } from '../../router';
import { isWorker, useSession } from '../../session';

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; r: dir.Resource };

export function ResourcePage({ id }: { id: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    dir.resource(id).then(
      (r) => live && setLoad({ kind: 'ready', r }),
      (e: unknown) => live && setLoad({ kind: 'failed', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (load.kind === 'loading') return <p class="loading">Loading…</p>;
  if (load.kind === 'failed') return <Failed error={load.error} />;
  return <Resource r={load.r} onChange={(r) => setLoad({ kind: 'ready', r })} />;
}

function Failed({ error }: { error: string }) {
  const heading = usePageHeading('Community resource');
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Community resource
      </h1>
      <ErrorMessage error={error} />
      <p>
        <Link href="/directory">Back to the directory</Link>
      </p>
    </>
  );
}

function Resource({ r, onChange }: { r: dir.Resource; onChange: (r: dir.Resource) => void }) {
  const heading = usePageHeading(r.name);
  const announce = useAnnounce();
  const { session } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [contactName, setContactName] = useState('');
  const [note, setNote] = useState('');
  const me = session.user.displayName;
  const iKnow = r.knowers.some((k) => k.displayName === me);
  const worker = isWorker(session.user);

  const act = (what: () => Promise<dir.Resource>, done: string): void => {
    setBusy(true);
    setError(null);
    what().then(
      (next) => {
        onChange(next);
        announce(done);
      },
      (e: unknown) => setError(errorText(e)),
    ).finally(() => setBusy(false));
  };

  return (
    <>
      <p class="breadcrumb">
        <Link href="/directory">Community directory</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {r.name}
      </h1>
      {r.organization.name ? <p class="lead">{r.organization.name}</p> : null}
      {r.confidential ? <p class="message message-info">Confidential: only the agency's workers see this entry, and it is never exported.</p> : null}
      <ErrorMessage error={error} />
      <dl class="facts">
        <dt>Capacity</dt>
        <dd>
          <span class={`badge badge-${r.capacity}`}>{dir.capacityLabel(r.capacity)}</span>
        </dd>
        <dt>Next date</dt>
        <dd>{r.nextDate ? formatDate(r.nextDate) : '—'}</dd>
        <dt>Cost</dt>
        <dd>{r.cost || '—'}</dd>
        <dt>Accessibility</dt>
        <dd>{r.accessibility || '—'}</dd>
        <dt>Interests</dt>
        <dd>{r.tags.length ? r.tags.join(', ') : '—'}</dd>
        <dt>Last reviewed</dt>
        <dd>{r.reviewedOn ? formatDate(r.reviewedOn) : 'Never'}</dd>
      </dl>
      {r.description ? <p>{r.description}</p> : null}
      <h2>When</h2>
      {r.events.length ? (
        <ul>
          {r.events.map((e) => (
            <li key={e.hsdsId}>
              {e.description ? `${e.description}: ` : ''}
              {dir.eventSummary(e) || 'Times not given'}
            </li>
          ))}
        </ul>
      ) : (
        <p>No times recorded.</p>
      )}
      <h2>Where</h2>
      {r.locations.length ? (
        <ul>
          {r.locations.map((l) => (
            <li key={l.hsdsId}>
              <strong>{l.name || 'Location'}</strong>
              {l.confidential ? ' (confidential: do not share this address)' : ''}
              <br />
              {[l.address1, l.address2, l.city, l.postalCode].filter((x) => x !== '').join(', ')}
              {l.accessibility ? (
                <>
                  <br />
                  Access: {l.accessibility}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No places recorded.</p>
      )}
      <h2>Contacts</h2>
      {r.contacts.length || r.phone || r.email || r.url ? (
        <ul>
          {r.contacts.map((c) => (
            <li key={c.hsdsId}>
              {[c.name, c.title, c.phone, c.email].filter((x) => x !== '').join(' · ')}
            </li>
          ))}
          {r.phone ? <li>Phone: {r.phone}</li> : null}
          {r.email ? <li>Email: {r.email}</li> : null}
          {r.url ? (
            <li>
              Website: <a href={r.url} rel="noopener noreferrer">{r.url}</a>
            </li>
          ) : null}
        </ul>
      ) : (
        <p>No contacts recorded.</p>
      )}
      <h2>Who in the agency knows someone there</h2>
      {r.knowers.length ? (
        <ul data-testid="knowers">
          {r.knowers.map((k) => (
            <li key={k.workerId}>
              {k.displayName}
              {k.jobTitle ? ` (${k.jobTitle})` : ''}
              {k.active ? '' : ' (has left the agency)'}
              {k.contactName ? ` knows ${k.contactName}` : ''}
              {k.note ? `: ${k.note}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nobody has said yet.</p>
      )}
      {worker && !iKnow ? (
        <form
          class="inline-form"
          aria-label="I know someone there"
          onSubmit={(e) => {
            e.preventDefault();
            act(() => dir.knowSomeone(r.id, contactName, note), 'Saved: you know someone there.');
          }}
        >
          <div class="field">
            <label for="knower-contact">Who you know (optional)</label>
            <input id="knower-contact" value={contactName} maxLength={200} onInput={(e) => setContactName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="knower-note">A note for colleagues (optional)</label>
            <input id="knower-note" value={note} maxLength={1000} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button" disabled={busy}>
            I know someone there
          </button>
        </form>
      ) : null}
      {worker && iKnow ? (
        <button type="button" class="button button-secondary" disabled={busy} onClick={() => act(() => dir.noLongerKnow(r.id), 'Removed: you no longer know someone there.')}>
          I no longer know anyone there
        </button>
      ) : null}
      <p class="actions">
        <Link href={directoryPath(r.id, true)} class="button">
          Edit
        </Link>{' '}
        <button type="button" class="button button-secondary" disabled={busy} onClick={() => act(() => dir.markReviewed(r.id), 'Marked as reviewed today.')}>
          Mark as reviewed
        </button>
      </p>
      <p class="muted">
        Version {r.version}
        {r.updatedBy ? `, last changed by ${r.updatedBy}` : ''}
      </p>
    </>
  );
}
