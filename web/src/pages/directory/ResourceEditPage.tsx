// web/src/pages/directory/ResourceEditPage.tsx: add or edit a community resource: the basics,
// capacity, cost and accessibility notes, interest tags, places (any may be confidential),
// times (weekly or monthly, or dated: a course that starts in March) and contacts. Saves with
// the version read; when someone else saved first, shows their version and keeps the form.
import { useEffect, useState } from 'preact/hooks';
import * as dir from '../../api/directory';
import { ApiError } from '../../api/http';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { Link } from '../../components/Link';
import { usePageHeading } from '../../components/usePageHeading';
import { directoryPath, navigate } from '../../router';

type Draft = Omit<dir.Resource, 'id' | 'version' | 'knowers' | 'nextDate' | 'timing' | 'updatedAt' | 'updatedBy'>;

const emptyDraft = (): Draft => ({
  hsdsId: '', name: '', description: '', url: '', email: '', phone: '', status: 'active',
  organization: { hsdsId: '', name: '', description: '', url: '', email: '', phone: '' },
  tags: [], locations: [], contacts: [], events: [], accessibility: '', cost: '', capacity: 'open',
  confidential: false, reviewedOn: null,
});

const newLocation = (): dir.DirLocation => ({
  hsdsId: '', name: '', description: '', address1: '', address2: '', city: '', region: '', postalCode: '', country: '',
  latitude: null, longitude: null, accessibility: '', confidential: false,
});
const newEvent = (): dir.DirEvent => ({
  hsdsId: '', description: '', freq: 'WEEKLY', byday: '', interval: 0, opensAt: '', closesAt: '', validFrom: '', validTo: '', dtstart: '', until: '',
});
const newContact = (): dir.DirContact => ({ hsdsId: '', name: '', title: '', email: '', phone: '' });

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; draft: Draft; version: number };

export function ResourceEditPage({ id }: { id: string | null }) {
  const [load, setLoad] = useState<Load>(id === null ? { kind: 'ready', draft: emptyDraft(), version: 0 } : { kind: 'loading' });
  useEffect(() => {
    if (id === null) return;
    dir.resource(id).then(
      (r) => setLoad({ kind: 'ready', draft: r, version: r.version }),
      (e: unknown) => setLoad({ kind: 'failed', error: errorText(e) }),
    );
  }, [id]);
  if (load.kind === 'loading') return <p class="loading">Loading…</p>;
  if (load.kind === 'failed') return <ErrorMessage error={load.error} />;
  return <Form id={id} initial={load.draft} version={load.version} />;
}

function Form({ id, initial, version: startVersion }: { id: string | null; initial: Draft; version: number }) {
  const title = id === null ? 'Add a community resource' : `Edit ${initial.name}`;
  const heading = usePageHeading(title);
  const [d, setD] = useState<Draft>(initial);
  const [tagText, setTagText] = useState(initial.tags.join(', '));
  const [version, setVersion] = useState(startVersion);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<dir.Resource | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (patch: Partial<Draft>): void => setD({ ...d, ...patch });
  const setAt = <T,>(list: T[], i: number, patch: Partial<T>): T[] => list.map((x, k) => (k === i ? { ...x, ...patch } : x));

  const save = (e: Event): void => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const body = dir.resourceBody({ ...d, tags: tagText.split(',').map((t) => t.trim()).filter((t) => t !== '') });
    const done = id === null ? dir.create(body) : dir.update(id, version, body);
    done.then(
      (r) => navigate(directoryPath(r.id)),
      (err: unknown) => {
        if (err instanceof dir.VersionConflict) {
          setConflict(err.current);
          if (err.current) setVersion(err.current.version);
          setError(`${err.message} Their version is shown below; saving again will replace it with yours.`);
        } else {
          const where = err instanceof ApiError && err.field ? ` (${err.field.replace(/^\$\./, '')})` : '';
          setError(errorText(err) + where);
        }
      },
    ).finally(() => setSaving(false));
  };

  const text = (label: string, idAttr: string, value: string, onInput: (v: string) => void, type = 'text', hint?: string) => (
    <div class="field">
      <label for={idAttr}>{label}</label>
      <input id={idAttr} type={type} value={value} onInput={(e) => onInput(e.currentTarget.value)} {...(hint ? { 'aria-describedby': `${idAttr}-hint` } : {})} />
      {hint ? <span id={`${idAttr}-hint`} class="hint">{hint}</span> : null}
    </div>
  );

  return (
    <>
      <p class="breadcrumb">
        <Link href={id === null ? '/directory' : directoryPath(id)}>{id === null ? 'Community directory' : initial.name}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <ErrorMessage error={error} />
      {conflict ? (
        <div class="message message-info" data-testid="conflict">
          <p>
            Saved by {conflict.updatedBy || 'someone else'} (version {conflict.version}): capacity {dir.capacityLabel(conflict.capacity)}, cost{' '}
            {conflict.cost || '—'}, interests {conflict.tags.join(', ') || '—'}.
          </p>
        </div>
      ) : null}
      <form onSubmit={save} class="resource-form" noValidate>
        <fieldset>
          <legend>The basics</legend>
          {text('Name (required)', 'res-name', d.name, (v) => set({ name: v }))}
          {text('Organisation', 'res-org', d.organization.name, (v) => set({ organization: { ...d.organization, name: v } }))}
          <div class="field">
            <label for="res-description">Description</label>
            <textarea id="res-description" rows={3} value={d.description} onInput={(e) => set({ description: e.currentTarget.value })} />
          </div>
          {text('Interests', 'res-tags', tagText, setTagText, 'text', 'Separate with commas, e.g. walking, outdoors')}
          <div class="field">
            <label for="res-capacity">Capacity</label>
            <select id="res-capacity" value={d.capacity} onChange={(e) => set({ capacity: e.currentTarget.value })}>
              {dir.CAPACITIES.map((c) => (
                <option key={c} value={c}>
                  {dir.capacityLabel(c)}
                </option>
              ))}
            </select>
          </div>
          {text('Cost', 'res-cost', d.cost, (v) => set({ cost: v }))}
          {text('Accessibility', 'res-access', d.accessibility, (v) => set({ accessibility: v }))}
          {text('Website', 'res-url', d.url, (v) => set({ url: v }), 'url')}
          {text('Email', 'res-email', d.email, (v) => set({ email: v }), 'email')}
          {text('Phone', 'res-phone', d.phone, (v) => set({ phone: v }), 'tel')}
          <div class="field field-check">
            <input id="res-confidential" type="checkbox" checked={d.confidential} onChange={(e) => set({ confidential: e.currentTarget.checked })} />
            <label for="res-confidential">Confidential entry (workers only; never exported)</label>
          </div>
        </fieldset>

        <fieldset>
          <legend>Places</legend>
          {d.locations.map((l, i) => (
            <fieldset key={i} class="sub">
              <legend>Place {i + 1}</legend>
              {text('Name', `loc-${i}-name`, l.name, (v) => set({ locations: setAt(d.locations, i, { name: v }) }))}
              {text('Address', `loc-${i}-a1`, l.address1, (v) => set({ locations: setAt(d.locations, i, { address1: v }) }))}
              {text('Town', `loc-${i}-city`, l.city, (v) => set({ locations: setAt(d.locations, i, { city: v }) }))}
              {text('Postcode', `loc-${i}-pc`, l.postalCode, (v) => set({ locations: setAt(d.locations, i, { postalCode: v }) }))}
              {text('Access at this place', `loc-${i}-acc`, l.accessibility, (v) => set({ locations: setAt(d.locations, i, { accessibility: v }) }))}
              <div class="field field-check">
                <input id={`loc-${i}-conf`} type="checkbox" checked={l.confidential} onChange={(e) => set({ locations: setAt(d.locations, i, { confidential: e.currentTarget.checked }) })} />
                <label for={`loc-${i}-conf`}>Confidential address (e.g. a refuge): workers only</label>
              </div>
              <button type="button" class="button button-secondary" onClick={() => set({ locations: d.locations.filter((_, k) => k !== i) })}>
                Remove place {i + 1}
              </button>
            </fieldset>
          ))}
          <button type="button" class="button button-secondary" onClick={() => set({ locations: [...d.locations, newLocation()] })}>
            Add a place
          </button>
        </fieldset>

        <fieldset>
          <legend>Times</legend>
          {d.events.map((ev, i) => (
            <fieldset key={i} class="sub">
              <legend>Time {i + 1}</legend>
              {text('Description', `ev-${i}-desc`, ev.description, (v) => set({ events: setAt(d.events, i, { description: v }) }))}
              <div class="field">
                <label for={`ev-${i}-freq`}>Repeats</label>
                <select id={`ev-${i}-freq`} value={ev.freq} onChange={(e) => set({ events: setAt(d.events, i, { freq: e.currentTarget.value }) })}>
                  <option value="WEEKLY">Weekly</option>
                  <option value="MONTHLY">Monthly</option>
                  <option value="">Once</option>
                </select>
              </div>
              {text('Days', `ev-${i}-days`, ev.byday, (v) => set({ events: setAt(d.events, i, { byday: v.toUpperCase() }) }), 'text', 'Day codes: MO, TU, WE, TH, FR, SA, SU')}
              {text('Starts at', `ev-${i}-opens`, ev.opensAt.slice(0, 5), (v) => set({ events: setAt(d.events, i, { opensAt: v }) }), 'time')}
              {text('Ends at', `ev-${i}-closes`, ev.closesAt.slice(0, 5), (v) => set({ events: setAt(d.events, i, { closesAt: v }) }), 'time')}
              {text('First date', `ev-${i}-from`, ev.validFrom, (v) => set({ events: setAt(d.events, i, { validFrom: v }) }), 'date', 'For a course that starts later')}
              {text('Last date', `ev-${i}-to`, ev.validTo, (v) => set({ events: setAt(d.events, i, { validTo: v }) }), 'date')}
              {ev.freq === '' ? text('Date', `ev-${i}-dt`, ev.dtstart, (v) => set({ events: setAt(d.events, i, { dtstart: v }) }), 'date') : null}
              <button type="button" class="button button-secondary" onClick={() => set({ events: d.events.filter((_, k) => k !== i) })}>
                Remove time {i + 1}
              </button>
            </fieldset>
          ))}
          <button type="button" class="button button-secondary" onClick={() => set({ events: [...d.events, newEvent()] })}>
            Add a time
          </button>
        </fieldset>

        <fieldset>
          <legend>Contacts</legend>
          {d.contacts.map((c, i) => (
            <fieldset key={i} class="sub">
              <legend>Contact {i + 1}</legend>
              {text('Name', `ct-${i}-name`, c.name, (v) => set({ contacts: setAt(d.contacts, i, { name: v }) }))}
              {text('Role', `ct-${i}-title`, c.title, (v) => set({ contacts: setAt(d.contacts, i, { title: v }) }))}
              {text('Phone', `ct-${i}-phone`, c.phone, (v) => set({ contacts: setAt(d.contacts, i, { phone: v }) }), 'tel')}
              {text('Email', `ct-${i}-email`, c.email, (v) => set({ contacts: setAt(d.contacts, i, { email: v }) }), 'email')}
              <button type="button" class="button button-secondary" onClick={() => set({ contacts: d.contacts.filter((_, k) => k !== i) })}>
                Remove contact {i + 1}
              </button>
            </fieldset>
          ))}
          <button type="button" class="button button-secondary" onClick={() => set({ contacts: [...d.contacts, newContact()] })}>
            Add a contact
          </button>
        </fieldset>

        <p class="actions">
          <button type="submit" class="button" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>{' '}
          <Link href={id === null ? '/directory' : directoryPath(id)}>Cancel</Link>
        </p>
      </form>
    </>
  );
}
