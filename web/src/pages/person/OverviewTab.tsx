// web/src/pages/person/OverviewTab.tsx: the Overview tab: each partnership the viewer may see,
// with its episode history, recent contacts and (for workers) the forms that change them.
import type { PersonRecord } from '../../api/types';
import { PartnershipSection } from './PartnershipSection';

interface Props {
  person: PersonRecord;
  own: boolean;
  onChanged: () => Promise<void>;
}

export function OverviewTab({ person, own, onChanged }: Props) {
  if (person.partnerships.length === 0) {
    return <p>{own ? 'You do not have a partnership with a worker yet.' : 'There is no partnership on this record yet.'}</p>;
  }
  return (
    <div class="stack">
      {person.partnerships.map((p, i) => (
        <PartnershipSection key={p.id} partnership={p} index={i} own={own} onChanged={onChanged} />
      ))}
    </div>
  );
}
