// web/src/pages/person/goals/GoalCard.tsx: one goal with its steps (objectives) and each
// step's activities (who does what by when), with status and review dates, and the forms to
// change them or add a step or an activity. Every change is sent with the version last seen.
import * as api from '../../../api/practice/endpoints';
import type { Activity, Goal, Objective } from '../../../api/practice/types';
import { useAnnounce } from '../../../components/Announcer';
import { formatDate } from '../../../format';
import { label } from '../../../practiceLabels';
import { Byline } from '../shared/Byline';
import { Disclosure } from '../shared/Disclosure';
import { History } from '../shared/History';
import { bodyOf, RecordForm } from '../shared/RecordForm';
import { ACTIVITY_FIELDS, activityValues, GOAL_FIELDS, goalValues, OBJECTIVE_FIELDS, objectiveValues } from '../shared/specs';

interface Props { goal: Goal; own: boolean; editable: boolean; onChanged: () => Promise<void> }

export function GoalCard({ goal: g, own, editable, onChanged }: Props) {
  const announce = useAnnounce();
  const fields = GOAL_FIELDS(own);
  return (
    <li class="record goal" data-testid="goal">
      <p class="record-title goal-text">“{g.text}”</p>
      <p class="record-facts">
        <span class={`tag tag-${g.status}`}>{label('goalStatus', g.status)}</span>
        {g.reviewOn ? ` · review on ${formatDate(g.reviewOn)}` : ''}
      </p>
      <Byline r={g} own={own} />
      {g.version > 1 ? <History collection="goals" recordId={g.id} own={own} /> : null}
      {editable ? (
        <Disclosure id={`edit-goal-${g.id}`} label="Change this goal" secondary small>
          {(close) => (
            <RecordForm idPrefix={`goal-${g.id}`} heading="Change this goal" fields={fields} initial={goalValues(g)} submitLabel="Save changes"
              onSubmit={async (v) => { await api.updateGoal(g.id, { ...bodyOf(fields, v, 'update'), version: g.version }); announce('Goal saved.'); close(); await onChanged(); }}
              onCancel={close} onReload={onChanged} />
          )}
        </Disclosure>
      ) : null}

      {g.objectives.length > 0 ? (
        <ol class="objectives" aria-label={`Steps towards “${g.text}”`}>
          {g.objectives.map((o) => (
            <ObjectiveItem key={o.id} o={o} own={own} editable={editable} onChanged={onChanged} />
          ))}
        </ol>
      ) : (
        <p class="hint">No steps agreed yet.</p>
      )}
      {editable ? (
        <Disclosure id={`add-objective-${g.id}`} label="Add a step towards this goal" secondary small>
          {(close) => (
            <RecordForm idPrefix={`new-objective-${g.id}`} heading="A new step" fields={OBJECTIVE_FIELDS.filter((f) => f.name !== 'status')}
              initial={{ text: '', review_on: '' }} submitLabel="Save the step"
              onSubmit={async (v) => { await api.createObjective(g.id, bodyOf(OBJECTIVE_FIELDS, v, 'create')); announce('Step saved.'); close(); await onChanged(); }}
              onCancel={close} />
          )}
        </Disclosure>
      ) : null}
    </li>
  );
}

function ObjectiveItem({ o, own, editable, onChanged }: { o: Objective; own: boolean; editable: boolean; onChanged: () => Promise<void> }) {
  const announce = useAnnounce();
  const actFields = ACTIVITY_FIELDS(own);
  return (
    <li class="objective" data-testid="objective">
      <p class="record-title">
        {o.text} <span class={`tag tag-${o.status}`}>{label('goalStatus', o.status)}</span>
        {o.reviewOn ? <span class="hint"> · review on {formatDate(o.reviewOn)}</span> : null}
      </p>
      <Byline r={o} own={own} />
      {editable ? (
        <Disclosure id={`edit-objective-${o.id}`} label="Change this step" secondary small>
          {(close) => (
            <RecordForm idPrefix={`objective-${o.id}`} heading="Change this step" fields={OBJECTIVE_FIELDS} initial={objectiveValues(o)} submitLabel="Save changes"
              onSubmit={async (v) => { await api.updateObjective(o.id, { ...bodyOf(OBJECTIVE_FIELDS, v, 'update'), version: o.version }); announce('Step saved.'); close(); await onChanged(); }}
              onCancel={close} onReload={onChanged} />
          )}
        </Disclosure>
      ) : null}
      {o.activities.length > 0 ? (
        <ul class="activities">
          {o.activities.map((a) => (
            <ActivityItem key={a.id} a={a} own={own} editable={editable} onChanged={onChanged} />
          ))}
        </ul>
      ) : null}
      {editable ? (
        <Disclosure id={`add-activity-${o.id}`} label="Add an activity" secondary small>
          {(close) => (
            <RecordForm idPrefix={`new-activity-${o.id}`} heading="A new activity" fields={actFields.filter((f) => f.name !== 'status')}
              initial={{ text: '', who: own ? 'person' : 'both', who_other: '', by_when: '' }} submitLabel="Save the activity"
              onSubmit={async (v) => { await api.createActivity(o.id, bodyOf(actFields, v, 'create')); announce('Activity saved.'); close(); await onChanged(); }}
              onCancel={close} />
          )}
        </Disclosure>
      ) : null}
    </li>
  );
}

function ActivityItem({ a, own, editable, onChanged }: { a: Activity; own: boolean; editable: boolean; onChanged: () => Promise<void> }) {
  const announce = useAnnounce();
  const fields = ACTIVITY_FIELDS(own);
  const who = a.who === 'other' && a.whoOther ? a.whoOther : label(own ? 'whoOwn' : 'who', a.who);
  return (
    <li class="activity" data-testid="activity">
      <p class="record-title">
        <strong>{who}:</strong> {a.text}
        {a.byWhen ? ` by ${formatDate(a.byWhen)}` : ''} <span class={`tag tag-${a.status}`}>{label('activityStatus', a.status)}</span>
      </p>
      {editable ? (
        <Disclosure id={`edit-activity-${a.id}`} label="Change this activity" secondary small>
          {(close) => (
            <RecordForm idPrefix={`activity-${a.id}`} heading="Change this activity" fields={fields} initial={activityValues(a)} submitLabel="Save changes"
              onSubmit={async (v) => { await api.updateActivity(a.id, { ...bodyOf(fields, v, 'update'), version: a.version }); announce('Activity saved.'); close(); await onChanged(); }}
              onCancel={close} onReload={onChanged} />
          )}
        </Disclosure>
      ) : null}
    </li>
  );
}
