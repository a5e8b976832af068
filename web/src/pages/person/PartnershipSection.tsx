// web/src/pages/person/PartnershipSection.tsx: one partnership (worker + person in an agency):
// who and where, its current state, the history of its episodes and its recent contacts.
// Workers also get the "add a contact" form and the episode actions.
import type { Partnership, User } from '../../api/types';
import { StateBadge } from '../../components/StateBadge';
import { formatDate, modeLabel, MISSING, orMissing, processLabel, stateLabel } from '../../format';
import { isWorker, useSession } from '../../session';
import { ContactForm } from './ContactForm';
import { EpisodeActions } from './EpisodeActions';

const RECENT = 10;

/** Forms are shown when the server grants write access, or (if it does not say) to workers. */
export function canChange(p: Partnership, user: User): boolean {
  return p.access !== null ? p.access === 'write' : isWorker(user);
}

interface Props {
  partnership: Partnership;
  index: number;
  own: boolean;
  onChanged: () => Promise<void>;
}

export function PartnershipSection({ partnership: p, index, own, onChanged }: Props) {
  const { session } = useSession();
  const headingId = `partnership-${index}`;
  const contacts = [...p.contacts].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, RECENT);
  const episodes = [...p.episodes].sort((a, b) => (b.startedOn ?? '').localeCompare(a.startedOn ?? ''));
  const worker = p.workerName ?? 'a worker';

  return (
    <section class="card" aria-labelledby={headingId} data-testid="partnership">
      <h2 id={headingId}>{own ? `Your partnership with ${worker}` : `Partnership with ${worker}`}</h2>
      <dl class="facts">
        <div>
          <dt>Worker</dt>
          <dd>{orMissing(p.workerName)}</dd>
        </div>
        <div>
          <dt>Team</dt>
          <dd>{orMissing(p.teamName)}</dd>
        </div>
        <div>
          <dt>Agency</dt>
          <dd>{orMissing(p.agencyName)}</dd>
        </div>
        <div>
          <dt>Now</dt>
          <dd>
            <StateBadge state={p.episodeState} />
          </dd>
        </div>
      </dl>

      <h3>Episode history</h3>
      {episodes.length === 0 ? (
        <p>No episodes recorded yet.</p>
      ) : (
        <table class="table table-cards">
          <caption class="visually-hidden">Episode history</caption>
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">From</th>
              <th scope="col">Until</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {episodes.map((e) => (
              <tr key={e.id}>
                <td data-label="State">{stateLabel(e.state)}</td>
                <td data-label="From">{formatDate(e.startedOn)}</td>
                <td data-label="Until">{e.endedOn ? formatDate(e.endedOn) : 'now'}</td>
                <td data-label="Reason">{orMissing(e.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Recent contacts</h3>
      {contacts.length === 0 ? (
        <p>No contacts recorded yet.</p>
      ) : (
        <ul class="contacts" data-testid="contacts">
          {contacts.map((c) => (
            <li key={c.id} class="contact">
              <p class="contact-head">
                <strong>{formatDate(c.date)}</strong> · {modeLabel(c.mode)}
                {c.durationMinutes !== null ? ` · ${c.durationMinutes} minutes` : ''}
              </p>
              <p class="contact-processes">
                <span class="label">Worked on: </span>
                {c.processes.length > 0 ? c.processes.map(processLabel).join(', ') : MISSING}
              </p>
              {c.note ? <p class="contact-note">{c.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {p.contacts.length > RECENT ? <p class="hint">Showing the {RECENT} most recent of {p.contacts.length} contacts.</p> : null}

      {canChange(p, session.user) ? (
        <div class="forms">
          <ContactForm partnershipId={p.id} idPrefix={`p${index}`} onSaved={onChanged} />
          <EpisodeActions partnershipId={p.id} state={p.episodeState} idPrefix={`p${index}`} onSaved={onChanged} />
        </div>
      ) : isWorker(session.user) ? (
        <p class="hint" data-testid="read-only">You can read this partnership but not change it: it belongs to a colleague.</p>
      ) : null}
    </section>
  );
}
