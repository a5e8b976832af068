// web/src/pages/person/shared/History.tsx: "Show the history" of one record: every version,
// oldest first, with when and by whom (GET /<collection>/{id}/history). Nothing is deleted, so
// this is the whole story of the record, and the person's own changes show as theirs.
import { useState } from 'preact/hooks';
import * as api from '../../../api/practice/endpoints';
import type { HistoryEntry } from '../../../api/practice/types';
import { ErrorMessage, errorText } from '../../../components/ErrorMessage';
import { formatDate } from '../../../format';
import { addedBy } from '../../../practiceLabels';

export function History({ collection, recordId, own }: { collection: string; recordId: string; own: boolean }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panel = `history-${collection}-${recordId}`;

  const toggle = async (): Promise<void> => {
    const next = !open;
    setOpen(next);
    if (!next) return;
    try {
      setEntries(await api.history(collection, recordId));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div class="history">
      <button type="button" class="link-button" aria-expanded={open} aria-controls={panel} onClick={() => void toggle()}>
        {open ? 'Hide the history' : 'Show the history'}
      </button>
      <div id={panel} hidden={!open}>
        <ErrorMessage error={open ? error : null} />
        {open && entries ? (
          <ol class="history-list" data-testid="history">
            {entries.map((h) => (
              <li key={h.version}>
                {h.change === 'created' ? 'Created' : 'Changed'} on {formatDate(h.changedAt)}, {addedBy(h.changedBy, own).replace(/^added /, '')}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </div>
  );
}
