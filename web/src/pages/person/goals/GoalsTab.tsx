// web/src/pages/person/goals/GoalsTab.tsx: the Goals tab: life goals in the person's own
// words, the steps (objectives) towards each and the activities agreed (who does what by
// when); the person's strengths, interests, skills and things they would like to try; and
// ideas suggested by either partner, with what came of them.
import * as api from '../../../api/practice/endpoints';
import type { Asset, Goal, Idea } from '../../../api/practice/types';
import { useAnnounce } from '../../../components/Announcer';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { label } from '../../../practiceLabels';
import { Byline } from '../shared/Byline';
import { Disclosure } from '../shared/Disclosure';
import { bodyOf, RecordForm } from '../shared/RecordForm';
import { ASSET_FIELDS, assetValues, GOAL_FIELDS, IDEA_FIELDS, ideaValues } from '../shared/specs';
import { useRecords } from '../shared/useRecords';
import { GoalCard } from './GoalCard';

interface Props {
  personId: string;
  own: boolean;
  /** Goals and ideas: the person themself or a worker with write access. */
  canEditShared: boolean;
  /** Everything else: a worker with write access. */
  canEditAll: boolean;
}

export function GoalsTab({ personId, own, canEditShared, canEditAll }: Props) {
  const announce = useAnnounce();
  const goals = useRecords(() => api.listGoals(personId), [personId]);
  const assets = useRecords(() => api.listRecords(api.ASSETS, personId), [personId]);
  const ideas = useRecords(() => api.listRecords(api.IDEAS, personId), [personId]);
  const goalFields = GOAL_FIELDS(own);

  return (
    <div class="stack" data-testid="goals-tab">
      <section aria-labelledby="goals-heading">
        <h3 id="goals-heading">{own ? 'Your goals' : 'Goals'}</h3>
        <ErrorMessage error={goals.error} />
        {goals.items === null ? (
          goals.error ? null : <p class="loading">Loading goals…</p>
        ) : goals.items.length === 0 ? (
          <p>{own ? 'You have not written down any goals yet.' : 'No goals written down yet.'}</p>
        ) : (
          <ul class="record-list" data-testid="goals">
            {goals.items.map((g) => (
              <GoalCard key={g.id} goal={g} own={own} editable={canEditShared} onChanged={goals.reload} />
            ))}
          </ul>
        )}
        {canEditShared ? (
          <Disclosure id="add-goal" label={own ? 'Add a goal' : 'Add a goal'}>
            {(close) => (
              <RecordForm
                idPrefix="new-goal"
                heading="A new goal"
                fields={goalFields.filter((f) => f.name !== 'status')}
                initial={{ text: '', review_on: '' }}
                submitLabel="Save the goal"
                onSubmit={async (v) => {
                  await api.createGoal(personId, bodyOf(goalFields, v, 'create'));
                  announce('Goal saved.');
                  close();
                  await goals.reload();
                }}
                onCancel={close}
              />
            )}
          </Disclosure>
        ) : null}
      </section>

      <AssetsSection personId={personId} own={own} editable={canEditAll} items={assets.items} error={assets.error} reload={assets.reload} />
      <IdeasSection personId={personId} own={own} editable={canEditShared} goals={goals.items ?? []} items={ideas.items} error={ideas.error} reload={ideas.reload} />
    </div>
  );
}

interface SectionProps<T> { personId: string; own: boolean; editable: boolean; items: T[] | null; error: string | null; reload: () => Promise<void> }

function AssetsSection({ personId, own, editable, items, error, reload }: SectionProps<Asset>) {
  const announce = useAnnounce();
  return (
    <section aria-labelledby="assets-heading">
      <h3 id="assets-heading">{own ? 'Your strengths and interests' : 'Strengths, interests and skills'}</h3>
      <ErrorMessage error={error} />
      {items === null ? null : items.length === 0 ? (
        <p>Nothing written down yet.</p>
      ) : (
        <ul class="record-list" data-testid="assets">
          {items.map((a) => (
            <li key={a.id} class="record">
              <p class="record-title">
                <span class="tag">{label('assetKind', a.kind)}</span> {a.text}
                {a.status !== 'current' ? <span class="hint"> ({label('assetStatus', a.status).toLowerCase()})</span> : null}
              </p>
              <Byline r={a} own={own} />
              {editable ? (
                <Disclosure id={`edit-asset-${a.id}`} label="Change" secondary small>
                  {(close) => (
                    <RecordForm idPrefix={`asset-${a.id}`} heading="Change this" fields={ASSET_FIELDS} initial={assetValues(a)} submitLabel="Save changes"
                      onSubmit={async (v) => { await api.updateRecord(api.ASSETS, a.id, { ...bodyOf(ASSET_FIELDS, v, 'update'), version: a.version }); announce('Saved.'); close(); await reload(); }}
                      onCancel={close} onReload={reload} />
                  )}
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Disclosure id="add-asset" label="Add a strength, interest or skill" secondary>
          {(close) => (
            <RecordForm idPrefix="new-asset" heading="Add a strength, interest or skill" fields={ASSET_FIELDS.filter((f) => f.name !== 'status')}
              initial={{ kind: 'strength', text: '' }} submitLabel="Save"
              onSubmit={async (v) => { await api.createRecord(api.ASSETS, personId, bodyOf(ASSET_FIELDS, v, 'create')); announce('Saved.'); close(); await reload(); }}
              onCancel={close} />
          )}
        </Disclosure>
      ) : null}
    </section>
  );
}

function IdeasSection({ personId, own, editable, goals, items, error, reload }: SectionProps<Idea> & { goals: Goal[] }) {
  const announce = useAnnounce();
  const fields = IDEA_FIELDS(own, goals);
  const goalText = (id: string | null): string | null => (id === null ? null : goals.find((g) => g.id === id)?.text ?? null);
  return (
    <section aria-labelledby="ideas-heading">
      <h3 id="ideas-heading">{own ? 'Ideas to try' : 'Ideas and inspiration'}</h3>
      <ErrorMessage error={error} />
      {items === null ? null : items.length === 0 ? (
        <p>No ideas written down yet.</p>
      ) : (
        <ul class="record-list" data-testid="ideas">
          {items.map((i) => (
            <li key={i.id} class="record">
              <p class="record-title">{i.text}</p>
              <p class="record-facts">
                <span class="tag">{label('outcome', i.outcome)}</span> suggested by {label(own ? 'suggestedByOwn' : 'suggestedBy', i.suggestedBy).toLowerCase()}
                {goalText(i.goalId) ? <> · for the goal “{goalText(i.goalId)}”</> : null}
                {i.outcomeNote ? <> · {i.outcomeNote}</> : null}
              </p>
              <Byline r={i} own={own} />
              {editable ? (
                <Disclosure id={`edit-idea-${i.id}`} label="Change" secondary small>
                  {(close) => (
                    <RecordForm idPrefix={`idea-${i.id}`} heading="Change this idea" fields={fields} initial={ideaValues(i)} submitLabel="Save changes"
                      onSubmit={async (v) => { await api.updateRecord(api.IDEAS, i.id, { ...withGoalId(bodyOf(fields, v, 'update')), version: i.version }); announce('Idea saved.'); close(); await reload(); }}
                      onCancel={close} onReload={reload} />
                  )}
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Disclosure id="add-idea" label="Add an idea" secondary>
          {(close) => (
            <RecordForm idPrefix="new-idea" heading="A new idea" fields={fields.filter((f) => f.name !== 'outcome' && f.name !== 'outcome_note')}
              initial={{ text: '', suggested_by: own ? 'person' : 'worker', goal_id: '' }} submitLabel="Save the idea"
              onSubmit={async (v) => { await api.createRecord(api.IDEAS, personId, withGoalId(bodyOf(fields, v, 'create'))); announce('Idea saved.'); close(); await reload(); }}
              onCancel={close} />
          )}
        </Disclosure>
      ) : null}
    </section>
  );
}

/** goal_id travels as a number, as the API gives it. */
function withGoalId(body: Record<string, unknown>): Record<string, unknown> {
  const g = body['goal_id'];
  return typeof g === 'string' && /^\d+$/.test(g) ? { ...body, goal_id: Number(g) } : body;
}
