// web/src/pages/person/network/Measures.tsx: the network measures the server computes
// (cp::network), in plain English, and what changed since the first snapshot: who is new,
// who is no longer on the map, and each measure then and now.
import type { MapChange, Measures as MeasureSet, MeasureValue } from '../../../api/practice/types';
import { formatDate } from '../../../format';
import { label } from '../../../practiceLabels';

/** Known measures, in the order shown, with words a person can follow. */
const MEASURES: readonly [string, string][] = [
  ['size', 'People and groups on the map'],
  ['ties', 'Links between them (who knows whom)'],
  ['density', 'Density: share of possible links that exist (0 to 1)'],
  ['effective_size', 'Effective size: members not linked to each other (Burt)'],
  ['components', 'Separate groups of members'],
  ['isolates', 'Members linked to nobody else on the map'],
  ['blau_relation', 'Variety of relation types (Blau index, 0 to 1)'],
  ['share_outside_services', 'Share of members outside services'],
  ['reciprocity', 'Share of members with support both ways'],
  ['by_relation', 'Members by relation'],
  ['by_ring', 'Members by ring'],
];

/** Measures that are shares (0 to 1), shown as percentages. */
const PERCENT = new Set(['share_outside_services', 'reciprocity']);

const LABELLED = new Set(MEASURES.map(([k]) => k));
/** Keys of the measures object that are not measures (the network module's notes). */
const NOT_SHOWN = new Set(['notes']);

export function show(key: string, v: MeasureValue | undefined): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'number') {
    if (PERCENT.has(key)) return `${Math.round(v * 100)}%`;
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  }
  const parts = Object.entries(v).filter(([, n]) => n !== 0);
  if (parts.length === 0) return 'none';
  const set = key.includes('ring') ? 'ring' : 'relation';
  return parts.map(([k, n]) => `${label(set, k)} ${n}`).join(', ');
}

function titleOf(key: string): string {
  const known = MEASURES.find(([k]) => k === key);
  if (known) return known[1];
  const t = key.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

interface Props {
  measures: MeasureSet;
  change: MapChange | null;
  firstTakenOn: string | null;
}

export function Measures({ measures, change, firstTakenOn }: Props) {
  const keys = [...MEASURES.map(([k]) => k).filter((k) => k in measures), ...Object.keys(measures).filter((k) => !LABELLED.has(k) && !NOT_SHOWN.has(k))];
  const compare = change !== null && firstTakenOn !== null;
  return (
    <section aria-labelledby="measures-heading" data-testid="measures">
      <h3 id="measures-heading">What the map shows</h3>
      {keys.length === 0 ? (
        <p>No measures yet.</p>
      ) : (
        <table class="table table-cards measures">
          <caption class="visually-hidden">Network measures{compare ? ' now and at the first snapshot' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">This snapshot</th>
              {compare ? <th scope="col">First snapshot ({formatDate(firstTakenOn)})</th> : null}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} data-measure={k}>
                <th scope="row">{titleOf(k)}</th>
                <td data-label="This snapshot">{show(k, measures[k])}</td>
                {compare ? <td data-label="First snapshot">{show(k, change.measuresFrom[k])}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {compare ? (
        <div data-testid="map-change">
          <h4>Since the first snapshot ({formatDate(firstTakenOn)})</h4>
          <p>
            <strong>New on the map:</strong> {change.newMembers.length === 0 ? 'nobody' : change.newMembers.map((m) => m.name).join(', ')}
          </p>
          <p>
            <strong>No longer on the map:</strong> {change.lostMembers.length === 0 ? 'nobody' : change.lostMembers.map((m) => m.name).join(', ')}
          </p>
        </div>
      ) : null}
    </section>
  );
}
