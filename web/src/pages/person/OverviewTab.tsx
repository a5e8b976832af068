// web/src/pages/person/OverviewTab.tsx: the Overview tab: each partnership the viewer may see,
// with its episode history, recent contacts and (for workers) the forms that change them; the
// journey picture; and, on the person's own record, a plain-English guide to Connecting People.
import type { PersonRecord } from '../../api/types';
import { JourneyPicture } from './JourneyPicture';
import { PartnershipSection } from './PartnershipSection';
import { PersonGuide } from './PersonGuide';

interface Props {
  person: PersonRecord;
  own: boolean;
  onChanged: () => Promise<void>;
}

export function OverviewTab({ person, own, onChanged }: Props) {
  if (person.partnerships.length === 0) {
    return (
      <div class="stack">
        {own ? <PersonGuide personId={person.id} /> : null}
        <p>{own ? 'You do not have a partnership with a worker yet.' : 'There is no partnership on this record yet.'}</p>
      </div>
    );
  }
  return (
    <div class="stack">
      {own ? <PersonGuide personId={person.id} /> : null}
      <JourneyPicture personId={person.id} refresh={person} own={own} />
      {person.partnerships.map((p, i) => (
        <PartnershipSection key={p.id} partnership={p} index={i} own={own} onChanged={onChanged} />
      ))}
    </div>
  );
}
