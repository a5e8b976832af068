// web/src/pages/person/shared/Byline.tsx: "added by you" / "added by your worker" (or the
// worker's name) under a record, from created_by.role, so that co-production is visible.
import type { RecordMeta } from '../../../api/practice/types';
import { formatDate } from '../../../format';
import { addedBy } from '../../../practiceLabels';

export function Byline({ r, own }: { r: RecordMeta; own: boolean }) {
  const changed = r.version > 1 && r.updatedBy !== null && r.updatedAt !== null;
  return (
    <p class="byline" data-testid="byline">
      {addedBy(r.createdBy, own)}
      {r.createdAt ? ` on ${formatDate(r.createdAt)}` : ''}
      {changed ? ` · last changed ${addedBy(r.updatedBy, own).replace(/^added /, '')} on ${formatDate(r.updatedAt)}` : ''}
    </p>
  );
}
