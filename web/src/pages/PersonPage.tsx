// web/src/pages/PersonPage.tsx: one person's record: their name and details, a welcome when the
// person is looking at their own record, and tabs: Overview, the co-produced CPI record
// (network map, goals, community; pages/person/PracticeTabs.tsx), questionnaires and fidelity.
import { useCallback, useEffect, useState } from 'preact/hooks';
import * as api from '../api/endpoints';
import type { PersonRecord } from '../api/types';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { Tabs, type TabDef } from '../components/Tabs';
import { usePageHeading } from '../components/usePageHeading';
import { formatDate, MISSING } from '../format';
import { navigate, personPath, type PersonTab } from '../router';
import { useSession } from '../session';
import { PracticeTab } from './person/PracticeTabs';
import { OverviewTab } from './person/OverviewTab';
import { QuestionnairesTab } from './person/QuestionnairesTab';

const TABS: readonly TabDef<PersonTab>[] = [
  { key: 'overview', label: 'Overview' },
  { key: 'network', label: 'Network map' },
  { key: 'goals', label: 'Goals and activities' },
  { key: 'community', label: 'Community and engagements' },
  { key: 'questionnaires', label: 'Questionnaires' },
  { key: 'fidelity', label: 'Fidelity' },
];

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; person: PersonRecord };

export function PersonPage({ id, tab }: { id: string; tab: PersonTab }) {
  const { session } = useSession();
  const own = session.user.role === 'person' && session.user.personId === id;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const reload = useCallback(async (): Promise<void> => {
    try {
      setLoad({ kind: 'ready', person: await api.person(id) });
    } catch (e) {
      setLoad({ kind: 'failed', error: errorText(e) });
    }
  }, [id]);

  useEffect(() => {
    setLoad({ kind: 'loading' });
    void reload();
  }, [reload]);

  const name = load.kind === 'ready' ? load.person.displayName : own ? 'My record' : 'Person';
  const heading = usePageHeading(load.kind === 'ready' ? name : 'Loading record');

  if (load.kind !== 'ready') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {load.kind === 'loading' ? 'Loading record…' : 'We could not open this record'}
        </h1>
        <ErrorMessage error={load.kind === 'failed' ? load.error : null} />
      </>
    );
  }

  const p = load.person;
  const tabLabel = TABS.find((t) => t.key === tab)?.label ?? 'Overview';
  return (
    <>
      <h1 ref={heading} tabIndex={-1} data-testid="person-name">
        {p.displayName}
      </h1>
      {own ? (
        <section class="welcome" aria-labelledby="welcome-heading">
          <h2 id="welcome-heading">Welcome, {p.preferredName ?? p.displayName}</h2>
          <p>
            This is your own record. You and your worker fill it in together, as equal partners.
            You can see everything written about your work together here, and you can change your
            map of the people and groups in your life, your goals and your ideas yourself.
          </p>
        </section>
      ) : null}
      <dl class="facts">
        <div>
          <dt>Preferred name</dt>
          <dd>{p.preferredName ?? MISSING}</dd>
        </div>
        <div>
          <dt>Pronouns</dt>
          <dd>{p.pronouns ?? MISSING}</dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>{formatDate(p.dateOfBirth)}</dd>
        </div>
      </dl>
      <Tabs
        label={own ? 'Parts of my record' : `Parts of ${p.displayName}'s record`}
        idPrefix="person"
        tabs={TABS}
        selected={tab}
        onSelect={(k) => navigate(personPath(id, k), { replace: true })}
      >
        <h2 class="visually-hidden">{tabLabel}</h2>
        {tab === 'overview' ? (
          <OverviewTab person={p} own={own} onChanged={reload} />
        ) : tab === 'questionnaires' ? (
          <QuestionnairesTab personId={id} own={own} />
        ) : (
          <PracticeTab tab={tab} person={p} own={own} />
        )}
      </Tabs>
    </>
  );
}
