// web/src/pages/person/PersonGuide.tsx: a short plain-English guide to Connecting People for
// the person reading their own record: what it is, what we do together, and that the record is
// theirs (they can change their map, goals and ideas, and every change shows as theirs).
import { Link } from '../../components/Link';
import { personPath } from '../../router';

export function PersonGuide({ personId }: { personId: string }) {
  return (
    <section class="card guide" aria-labelledby="guide-heading" data-testid="person-guide">
      <h2 id="guide-heading">About Connecting People</h2>
      <p>
        Connecting People is a way of working together on the people, groups and places in your life. You and your worker
        work as equal partners. There is no set order: you can stop and come back at any time.
      </p>
      <h3>What we do together</h3>
      <ul>
        <li>Draw a map of the people, groups and organisations in your life, and see how it changes.</li>
        <li>Write down your goals in your own words, and agree small steps towards them.</li>
        <li>Notice your strengths, interests and skills, and things you would like to try.</li>
        <li>Share ideas, find groups and activities nearby, and go along together if you like.</li>
        <li>Talk about what gets in the way, and what might help.</li>
        <li>Recognise what you have done, and tell each other how the work is going.</li>
      </ul>
      <h3>This is your record</h3>
      <p>
        You can read everything here. You can change{' '}
        <Link href={personPath(personId, 'network')}>your map</Link>, <Link href={personPath(personId, 'goals')}>your goals and ideas</Link>{' '}
        yourself, at any time. Each change you make is shown as “added by you”, and things your worker wrote are shown as
        “added by your worker”. If something is wrong, tell your worker.
      </p>
    </section>
  );
}
