// web/src/pages/person/community/CommunityTab.tsx: the Community tab: engagements with
// community resources, barriers on both sides (the model's categories, status, what was tried)
// and recognition and feedback. The person reads all of it; workers with write access change it.
import * as api from '../../../api/practice/endpoints';
import type { Barrier, Recognition } from '../../../api/practice/types';
import { useAnnounce } from '../../../components/Announcer';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../format';
import { label } from '../../../practiceLabels';
import { Byline } from '../shared/Byline';
import { Disclosure } from '../shared/Disclosure';
import { bodyOf, RecordForm } from '../shared/RecordForm';
import { BARRIER_FIELDS, barrierValues, RECOGNITION_FIELDS, recognitionValues } from '../shared/specs';
import { useRecords, type Records } from '../shared/useRecords';
import { EngagementsSection } from './EngagementsSection';

interface Props { personId: string; own: boolean; editable: boolean }

export function CommunityTab({ personId, own, editable }: Props) {
  const engagements = useRecords(() => api.listRecords(api.ENGAGEMENTS, personId), [personId]);
  const barriers = useRecords(() => api.listRecords(api.BARRIERS, personId), [personId]);
  const recognition = useRecords(() => api.listRecords(api.RECOGNITION, personId), [personId]);
  return (
    <div class="stack" data-testid="community-tab">
      <EngagementsSection personId={personId} own={own} editable={editable} records={engagements} />
      <BarriersSection personId={personId} own={own} editable={editable} records={barriers} />
      <RecognitionSection personId={personId} own={own} editable={editable} records={recognition} />
    </div>
  );
}

interface SectionProps<T> { personId: string; own: boolean; editable: boolean; records: Records<T> }

function BarriersSection({ personId, own, editable, records: { items, error, reload } }: SectionProps<Barrier>) {
  const announce = useAnnounce();
  return (
    <section aria-labelledby="barriers-heading">
      <h3 id="barriers-heading">{own ? 'What gets in the way' : 'Barriers'}</h3>
      <ErrorMessage error={error} />
      {items === null ? null : items.length === 0 ? (
        <p>No barriers written down.</p>
      ) : (
        <ul class="record-list" data-testid="barriers">
          {items.map((b) => (
            <li key={b.id} class="record">
              <p class="record-title">
                {label('category', b.category)} <span class={`tag tag-${b.status}`}>{label('barrierStatus', b.status)}</span>
                <span class="hint"> · {label('side', b.side).toLowerCase()}</span>
              </p>
              {b.description ? <p>{b.description}</p> : null}
              {b.tried ? <p><strong>Tried:</strong> {b.tried}</p> : null}
              {b.reviewedOn ? <p class="hint">Reviewed on {formatDate(b.reviewedOn)}</p> : null}
              <Byline r={b} own={own} />
              {editable ? (
                <Disclosure id={`edit-barrier-${b.id}`} label="Change" secondary small>
                  {(close) => (
                    <RecordForm idPrefix={`barrier-${b.id}`} heading="Change this barrier" fields={BARRIER_FIELDS} initial={barrierValues(b)} submitLabel="Save changes"
                      onSubmit={async (v) => { await api.updateRecord(api.BARRIERS, b.id, { ...bodyOf(BARRIER_FIELDS, v, 'update'), version: b.version }); announce('Saved.'); close(); await reload(); }}
                      onCancel={close} onReload={reload} />
                  )}
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Disclosure id="add-barrier" label="Add a barrier" secondary>
          {(close) => (
            <RecordForm idPrefix="new-barrier" heading="A new barrier" fields={BARRIER_FIELDS.filter((f) => f.name !== 'reviewed_on')}
              initial={{ side: 'person', category: '', description: '', status: 'open', tried: '' }} submitLabel="Save the barrier"
              onSubmit={async (v) => { await api.createRecord(api.BARRIERS, personId, bodyOf(BARRIER_FIELDS, v, 'create')); announce('Barrier saved.'); close(); await reload(); }}
              onCancel={close} />
          )}
        </Disclosure>
      ) : null}
    </section>
  );
}

function RecognitionSection({ personId, own, editable, records: { items, error, reload } }: SectionProps<Recognition>) {
  const announce = useAnnounce();
  return (
    <section aria-labelledby="recognition-heading">
      <h3 id="recognition-heading">{own ? 'Recognition and feedback' : 'Recognition and feedback'}</h3>
      <ErrorMessage error={error} />
      {items === null ? null : items.length === 0 ? (
        <p>Nothing written down yet.</p>
      ) : (
        <ul class="record-list" data-testid="recognition">
          {items.map((r) => (
            <li key={r.id} class="record">
              <p class="record-title"><span class="tag">{label('recognitionKind', r.kind)}</span> {r.text}</p>
              <p class="hint">From {label('from', r.from).toLowerCase()}</p>
              <Byline r={r} own={own} />
              {editable ? (
                <Disclosure id={`edit-recognition-${r.id}`} label="Change" secondary small>
                  {(close) => (
                    <RecordForm idPrefix={`recognition-${r.id}`} heading="Change this" fields={RECOGNITION_FIELDS} initial={recognitionValues(r)} submitLabel="Save changes"
                      onSubmit={async (v) => { await api.updateRecord(api.RECOGNITION, r.id, { ...bodyOf(RECOGNITION_FIELDS, v, 'update'), version: r.version }); announce('Saved.'); close(); await reload(); }}
                      onCancel={close} onReload={reload} />
                  )}
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Disclosure id="add-recognition" label="Add recognition or feedback" secondary>
          {(close) => (
            <RecordForm idPrefix="new-recognition" heading="Recognition or feedback" fields={RECOGNITION_FIELDS}
              initial={{ kind: 'skill', text: '', from: 'worker' }} submitLabel="Save"
              onSubmit={async (v) => { await api.createRecord(api.RECOGNITION, personId, bodyOf(RECOGNITION_FIELDS, v, 'create')); announce('Saved.'); close(); await reload(); }}
              onCancel={close} />
          )}
        </Disclosure>
      ) : null}
    </section>
  );
}
