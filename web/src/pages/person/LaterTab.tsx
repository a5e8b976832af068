// web/src/pages/person/LaterTab.tsx: the tabs whose content arrives in a later release. Each
// says plainly what it will hold, so nobody mistakes an empty page for missing data.
import type { PersonTab } from '../../router';

const LATER: Record<Exclude<PersonTab, 'overview'>, { what: string; own: string }> = {
  network: {
    what: 'A map of the people, groups and organisations in this person’s life, drawn together with them, and how it changes over time.',
    own: 'A map of the people, groups and organisations in your life, which you draw with your worker and can change yourself.',
  },
  goals: {
    what: 'Life goals, the steps towards them and the activities agreed, with who does what.',
    own: 'Your goals, the steps towards them and what you and your worker have agreed to do.',
  },
  community: {
    what: 'Community resources suggested and tried, and how each engagement is going.',
    own: 'Groups, places and activities in your community that you have talked about or tried.',
  },
  questionnaires: {
    what: 'Questionnaires about wellbeing, confidence and social connections, which the person can also fill in on their phone.',
    own: 'Short questionnaires about how things are going for you, which you can fill in on your phone.',
  },
  fidelity: {
    what: 'How fully the Connecting People model is being practised in this partnership.',
    own: 'Your view of how the work with your worker is going, in your own words and scores.',
  },
};

export function LaterTab({ tab, own }: { tab: Exclude<PersonTab, 'overview'>; own: boolean }) {
  const text = LATER[tab];
  return (
    <div class="later" data-testid="later-tab">
      <p>
        <strong>This part arrives in a later release.</strong>
      </p>
      <p>It will show: {own ? text.own : text.what}</p>
    </div>
  );
}
