// web/src/pages/person/PracticeTabs.tsx: picks the content of a person-page tab: the practice
// record tabs (network map, goals, community) and, for tabs other areas own, LaterTab. Works
// out who may change what: workers with write access on a partnership change everything; the
// person changes their own map, goals and ideas (docs/practice-api.md, Permissions).
import type { PersonRecord } from '../../api/types';
import type { PersonTab } from '../../router';
import { useSession } from '../../session';
import { CommunityTab } from './community/CommunityTab';
import { GoalsTab } from './goals/GoalsTab';
import { LaterTab } from './LaterTab';
import { NetworkTab } from './network/NetworkTab';
import { canChange } from './PartnershipSection';

export function PracticeTab({ tab, person, own }: { tab: Exclude<PersonTab, 'overview'>; person: PersonRecord; own: boolean }) {
  const { session } = useSession();
  const workerWrite = !own && person.partnerships.some((p) => canChange(p, session.user));
  const shared = own || workerWrite;
  if (tab === 'network') return <NetworkTab personId={person.id} personName={person.preferredName ?? person.displayName} editable={shared} own={own} />;
  if (tab === 'goals') return <GoalsTab personId={person.id} own={own} canEditShared={shared} canEditAll={workerWrite} />;
  if (tab === 'community') return <CommunityTab personId={person.id} own={own} editable={workerWrite} />;
  return <LaterTab tab={tab} own={own} />;
}
