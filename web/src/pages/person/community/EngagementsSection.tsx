// web/src/pages/person/community/EngagementsSection.tsx: the person's journeys with community
// resources (suggested → went along together → went on their own → keeps going, or stopped
// with a reason). A new engagement may bring a new relationship: the answer offers to add it
// to the network map, and one click does.
import { useState } from 'preact/hooks';
import * as api from '../../../api/practice/endpoints';
import { RELATIONS, RINGS, STAGES } from '../../../api/practice/codes';
import type { Engagement, MapOffer } from '../../../api/practice/types';
import { useAnnounce } from '../../../components/Announcer';
import { ErrorMessage, errorText } from '../../../components/ErrorMessage';
import { formatDate } from '../../../format';
import { apiId, label, options } from '../../../practiceLabels';
import { Byline } from '../shared/Byline';
import { Disclosure } from '../shared/Disclosure';
import { Row, SelectField, TextField } from '../shared/fields';
import { bodyOf, RecordForm } from '../shared/RecordForm';
import { ResourcePicker } from '../shared/ResourcePicker';
import { ENGAGEMENT_FIELDS, engagementValues } from '../shared/specs';
import type { Records } from '../shared/useRecords';

interface Props { personId: string; own: boolean; editable: boolean; records: Records<Engagement> }

export function EngagementsSection({ personId, own, editable, records }: Props) {
  const announce = useAnnounce();
  const [offer, setOffer] = useState<{ engagementId: string; offer: MapOffer } | null>(null);
  const [offerError, setOfferError] = useState<string | null>(null);
  const { items, error, reload } = records;

  const addToMap = async (): Promise<void> => {
    if (!offer) return;
    try {
      await api.addEngagementToMap(offer.engagementId, offer.offer);
      announce(`${offer.offer.name} added to the network map.`);
      setOffer(null);
      setOfferError(null);
    } catch (e) {
      setOfferError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="engagements-heading">
      <h3 id="engagements-heading">{own ? 'Places, groups and activities' : 'Engagements with community resources'}</h3>
      <ErrorMessage error={error} />
      {offer ? (
        <div class="message message-info" data-testid="map-offer">
          <p>
            {offer.offer.name} is a new relationship. Add {offer.offer.name} to the network map ({label('relation', offer.offer.relation).toLowerCase()},{' '}
            {label('ring', offer.offer.ring).toLowerCase()} ring)?
          </p>
          <ErrorMessage error={offerError} />
          <div class="button-row">
            <button type="button" class="button" onClick={() => void addToMap()}>Add to the map</button>
            <button type="button" class="button button-secondary" onClick={() => setOffer(null)}>Not now</button>
          </div>
        </div>
      ) : null}
      {items === null ? null : items.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <ul class="record-list" data-testid="engagements">
          {items.map((e) => (
            <li key={e.id} class="record" data-testid="engagement">
              <p class="record-title">
                {e.resourceName} <span class={`tag tag-${e.stage}`}>{label('stage', e.stage)}</span>
              </p>
              {e.stages.length > 0 ? (
                <ol class="stage-path" aria-label={`Journey with ${e.resourceName}`}>
                  {e.stages.map((s, i) => (
                    <li key={i}>{label('stage', s.stage)}{s.on ? ` (${formatDate(s.on)})` : ''}</li>
                  ))}
                </ol>
              ) : null}
              {e.stoppedReason ? <p>Stopped because: {e.stoppedReason}</p> : null}
              {e.note ? <p class="contact-note">{e.note}</p> : null}
              <Byline r={e} own={own} />
              {editable ? (
                <Disclosure id={`edit-engagement-${e.id}`} label="Change" secondary small>
                  {(close) => (
                    <RecordForm idPrefix={`engagement-${e.id}`} heading={`Change: ${e.resourceName}`} fields={ENGAGEMENT_FIELDS} initial={engagementValues(e)} submitLabel="Save changes"
                      onSubmit={async (v) => {
                        const body = { ...bodyOf(ENGAGEMENT_FIELDS, v, 'update'), resource_name: e.resourceName, resource_id: e.resourceId === null ? null : apiId(e.resourceId), version: e.version };
                        await api.updateRecord(api.ENGAGEMENTS, e.id, body);
                        announce('Saved.');
                        close();
                        await reload();
                      }}
                      onCancel={close} onReload={reload} />
                  )}
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Disclosure id="add-engagement" label="Add an engagement" secondary>
          {(close) => (
            <NewEngagement
              personId={personId}
              onSaved={async (e) => {
                announce(`Engagement with ${e.resourceName} saved.`);
                close();
                if (e.mapOffer) setOffer({ engagementId: e.id, offer: e.mapOffer });
                await reload();
              }}
              onCancel={close}
            />
          )}
        </Disclosure>
      ) : null}
    </section>
  );
}

function NewEngagement({ personId, onSaved, onCancel }: { personId: string; onSaved: (e: Engagement) => Promise<void>; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [stage, setStage] = useState('suggested');
  const [reason, setReason] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const [note, setNote] = useState('');
  const [rel, setRel] = useState(false);
  const [relName, setRelName] = useState('');
  const [relation, setRelation] = useState('community_group');
  const [ring, setRing] = useState('outer');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (ev: Event): Promise<void> => {
    ev.preventDefault();
    if (name.trim() === '') return setError('Please give the name of the group, place or activity.');
    if (stage === 'stopped' && reason.trim() === '') return setError('Please say why it stopped.');
    if (rel && relName.trim() === '') return setError('Please give the name of the new relationship.');
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { resource_name: name.trim(), stage };
      if (resourceId !== null) body['resource_id'] = apiId(resourceId);
      if (stage === 'stopped') body['stopped_reason'] = reason.trim();
      if (startedOn) body['started_on'] = startedOn;
      if (note.trim()) body['note'] = note.trim();
      if (rel) body['new_relationship'] = { name: relName.trim(), relation, ring };
      await onSaved(await api.createRecord(api.ENGAGEMENTS, personId, body));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form record-form" onSubmit={submit} noValidate aria-labelledby="new-engagement-heading" data-testid="new-engagement-form">
      <h4 id="new-engagement-heading" class="form-heading">A new engagement</h4>
      <ErrorMessage error={error} />
      <ResourcePicker id="new-engagement-resource" label="Group, place or activity" name={name} resourceId={resourceId} freeText
        onChange={(n, rid) => { setName(n); setResourceId(rid); }} />
      <Row>
        <SelectField id="new-engagement-stage" label="Where it has got to" value={stage} options={options('stage', STAGES)} onChange={setStage} />
        <TextField id="new-engagement-started" type="date" label="Started on (optional)" value={startedOn} onInput={setStartedOn} />
      </Row>
      {stage === 'stopped' ? <TextField id="new-engagement-reason" label="Why it stopped" value={reason} onInput={setReason} /> : null}
      <TextField id="new-engagement-note" label="Note (optional)" multiline value={note} onInput={setNote} />
      <div class="checkbox">
        <input id="new-engagement-rel" type="checkbox" checked={rel} onChange={(e) => setRel(e.currentTarget.checked)} />
        <label for="new-engagement-rel">It brought a new relationship (someone met there, or the group itself)</label>
      </div>
      {rel ? (
        <Row>
          <TextField id="new-engagement-rel-name" label="Name of the new relationship" value={relName} onInput={setRelName} />
          <SelectField id="new-engagement-rel-relation" label="Relation" value={relation} options={options('relation', RELATIONS)} onChange={setRelation} />
          <SelectField id="new-engagement-rel-ring" label="How close" value={ring} options={options('ring', RINGS)} onChange={setRing} />
        </Row>
      ) : null}
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>{busy ? 'Saving…' : 'Save the engagement'}</button>
        <button type="button" class="button button-secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
