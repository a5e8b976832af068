// web/src/pages/person/shared/ResourcePicker.tsx: picks a community resource from the agency's
// directory (GET /directory/resources?q=) when the server has one; otherwise, or when nothing
// fits, the name is typed in. The picked resource's id and name go to the parent.
import { useState } from 'preact/hooks';
import * as api from '../../../api/practice/endpoints';
import { errorText } from '../../../components/ErrorMessage';

interface Props {
  id: string;
  label: string;
  name: string;
  resourceId: string | null;
  onChange: (name: string, resourceId: string | null) => void;
  /** When true the name may be typed freely (engagements); otherwise only a directory entry links. */
  freeText: boolean;
}

export function ResourcePicker({ id, label, name, resourceId, onChange, freeText }: Props) {
  const [hits, setHits] = useState<api.ResourceHit[] | null>(null);
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');

  const search = async (): Promise<void> => {
    const text = (freeText ? name : q).trim();
    if (text === '') {
      setStatus('Type a word to search for first.');
      return;
    }
    setStatus('Searching…');
    try {
      const found = await api.searchResources(text);
      if (found === null) {
        setHits(null);
        setStatus(freeText ? 'The community directory is not available, so the name is kept as typed.' : 'The community directory is not available yet.');
      } else {
        setHits(found);
        setStatus(found.length === 0 ? 'Nothing in the directory matches.' : `${found.length} found in the directory.`);
      }
    } catch (e) {
      setStatus(errorText(e));
    }
  };

  return (
    <div class="field resource-picker">
      <label for={`${id}-name`}>{label}</label>
      <div class="inline-controls">
        <input
          id={`${id}-name`}
          type="text"
          value={freeText ? name : q}
          onInput={(e) => (freeText ? onChange(e.currentTarget.value, null) : setQ(e.currentTarget.value))}
        />
        <button type="button" class="button button-secondary" onClick={() => void search()}>
          Search the directory
        </button>
      </div>
      {resourceId !== null ? (
        <p class="hint">
          {freeText || name !== '' ? `Linked to the directory entry “${name}”.` : 'Linked to an entry in the directory.'}{' '}
          <button type="button" class="link-button" onClick={() => onChange(freeText ? name : '', null)}>
            Remove the link
          </button>
        </p>
      ) : null}
      <p class="hint" role="status">{status}</p>
      {hits && hits.length > 0 ? (
        <ul class="resource-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" class="link-button" onClick={() => { onChange(h.name, h.id); setHits(null); setStatus(`Picked ${h.name}.`); }}>
                {h.name}
              </button>
              {h.detail ? <span class="hint"> — {h.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
