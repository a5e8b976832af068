// web/src/pages/person/network/NetworkTab.tsx: the Network map tab. Picks a snapshot (by
// date), draws it (NetworkCanvas) and lists it (MemberList, the keyboard equivalent), saves
// each change at once with PUT and the version last seen (a 409 shows what someone else
// changed and offers to load it), starts a new snapshot from the one shown, and shows the
// measures and the change since the first snapshot.
import { useCallback, useEffect, useState } from 'preact/hooks';
import * as api from '../../../api/practice/endpoints';
import { decodeMap, type MapChange, type MapSummary, type NetworkMap } from '../../../api/practice/types';
import { useAnnounce } from '../../../components/Announcer';
import { ErrorMessage, errorText } from '../../../components/ErrorMessage';
import { formatDate, todayIso } from '../../../format';
import { label } from '../../../practiceLabels';
import { TextField } from '../shared/fields';
import { History } from '../shared/History';
import { sectionError } from '../shared/useRecords';
import {
  addTie, clampToRings, describeChanges, draftProblem, fromMap, newMember, removeMember, removeTie, ringAt, toBody, updateMember, type Draft,
} from './mapDraft';
import type { MemberFields } from './MemberForm';
import { MemberList } from './MemberList';
import { Measures } from './Measures';
import { NetworkCanvas } from './NetworkCanvas';

interface Props {
  personId: string;
  personName: string;
  /** The viewer may change the map (the person themself, or a worker with write access). */
  editable: boolean;
  own: boolean;
}

interface Conflict { lines: string[]; current: NetworkMap }

export function NetworkTab({ personId, personName, editable, own }: Props) {
  const announce = useAnnounce();
  const [maps, setMaps] = useState<MapSummary[] | null>(null);
  const [map, setMap] = useState<NetworkMap | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [change, setChange] = useState<MapChange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [newDate, setNewDate] = useState(todayIso());

  const open = useCallback(async (mapId: string, all: MapSummary[]): Promise<void> => {
    const m = await api.getMap(mapId);
    setMap(m);
    setDraft(fromMap(m));
    const first = all[all.length - 1];
    setChange(all.length > 1 && first && first.id !== m.id ? await api.mapChange(m.id, first.id) : null);
  }, []);

  const load = useCallback(async (selectId?: string): Promise<void> => {
    try {
      const all = await api.listMaps(personId);
      setMaps(all);
      const pick = selectId ?? all[0]?.id;
      if (pick !== undefined) await open(pick, all);
      else {
        setMap(null);
        setDraft(null);
        setChange(null);
      }
    } catch (e) {
      setError(sectionError(e));
    }
  }, [personId, open]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Saves `next` at once; on a version conflict keeps the server's copy aside to show. */
  const save = async (next: Draft, done: string): Promise<boolean> => {
    if (!map || !maps) return false;
    const problem = draftProblem(next);
    if (problem) {
      setError(problem);
      return false;
    }
    setDraft(next);
    setBusy(true);
    setError(null);
    try {
      const saved = await api.saveMap(map.id, toBody(next));
      setMap(saved);
      setDraft(fromMap(saved));
      setMaps(maps.map((s) => (s.id === saved.id ? { ...s, version: saved.version, memberCount: saved.members.length, measures: saved.measures } : s)));
      const first = maps[maps.length - 1];
      if (maps.length > 1 && first && first.id !== saved.id) setChange(await api.mapChange(saved.id, first.id));
      announce(done);
      return true;
    } catch (e) {
      const current = api.conflictCurrent(e);
      setDraft(fromMap(map));
      if (current) {
        try {
          const theirs = decodeMap(current);
          setConflict({ lines: describeChanges(map, theirs), current: theirs });
        } catch {
          setConflict({ lines: ['Someone else saved this map since you opened it.'], current: map });
        }
        setError('Your change was not saved: the map was changed by someone else while you had it open.');
      } else setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const loadTheirs = (): void => {
    if (!conflict) return;
    setMap(conflict.current);
    setDraft(fromMap(conflict.current));
    setConflict(null);
    setError(null);
    announce('The latest version of the map is shown. You can make your change again.');
  };

  const startSnapshot = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate)) return setError('Please choose the date of the new snapshot.');
    setBusy(true);
    setError(null);
    try {
      const latest = maps?.[0];
      const fromThis = map !== null && latest !== undefined && latest.id !== map.id;
      let created = await api.createMap(personId, { taken_on: newDate, start_from: map === null || fromThis ? 'empty' : 'previous' });
      if (fromThis && draft) {
        // The API copies the latest snapshot; to start from an older one, copy its members (same ids) and ties.
        created = await api.saveMap(created.id, { ...toBody({ ...draft, version: created.version, takenOn: created.takenOn, note: '' }) });
      }
      announce(`New snapshot started on ${formatDate(created.takenOn)}.`);
      await load(created.id);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const onAdd = (f: MemberFields): Promise<boolean> =>
    draft ? save({ ...draft, members: [...draft.members, newMember(f)] }, `${f.name} added to the map.`) : Promise.resolve(false);
  const onEdit = (ref: string, f: MemberFields): Promise<boolean> =>
    draft ? save(updateMember(draft, ref, f), `${f.name} changed.`) : Promise.resolve(false);
  const onRemove = async (ref: string): Promise<void> => {
    const m = draft?.members.find((x) => x.ref === ref);
    if (!draft || !m || !window.confirm(`Take ${m.name} off this snapshot of the map? Earlier snapshots keep them.`)) return;
    await save(removeMember(draft, ref), `${m.name} taken off this snapshot.`);
  };
  const onTie = async (a: string, b: string, on: boolean): Promise<void> => {
    if (!draft) return;
    await save(on ? addTie(draft, a, b) : removeTie(draft, a, b), on ? 'Link added.' : 'Link removed.');
  };
  const onMove = (ref: string, x: number, y: number): void => {
    const m = draft?.members.find((v) => v.ref === ref);
    if (!draft || !m) return;
    const at = clampToRings(x, y);
    const ring = ringAt(at.x, at.y);
    const moved = ring !== m.ring ? ` to the ${label('ring', ring).toLowerCase()} ring` : '';
    void save(updateMember(draft, ref, { ...at, ring }), `${m.name} moved${moved}.`);
  };

  if (maps === null) {
    return (
      <div class="network-tab" data-testid="network-tab">
        <ErrorMessage error={error} />
        {error ? null : <p class="loading">Loading the network map…</p>}
      </div>
    );
  }

  const first = maps[maps.length - 1] ?? null;
  return (
    <div class="network-tab" data-testid="network-tab">
      <ErrorMessage error={error} />
      {conflict ? (
        <div class="message message-info" data-testid="conflict">
          <p><strong>What changed in the meantime:</strong></p>
          <ul>{conflict.lines.map((l) => <li key={l}>{l}</li>)}</ul>
          <button type="button" class="button" onClick={loadTheirs}>Load the latest version</button>
        </div>
      ) : null}

      <section aria-labelledby="snapshots-heading" class="snapshots">
        <h3 id="snapshots-heading">Snapshots</h3>
        {maps.length === 0 ? (
          <p>{own ? 'You have no map yet.' : 'There is no network map yet.'}</p>
        ) : (
          <div class="field field-inline">
            <label for="snapshot">Snapshot taken on</label>
            <select id="snapshot" value={map?.id ?? ''} onChange={(e) => void load(e.currentTarget.value)} disabled={busy}>
              {maps.map((s, i) => (
                <option key={s.id} value={s.id}>
                  {formatDate(s.takenOn)}
                  {i === 0 ? ' (latest)' : ''}
                  {s.memberCount !== null ? ` · ${s.memberCount} on the map` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        {editable ? (
          <form class="form-row new-snapshot" onSubmit={startSnapshot} noValidate>
            <TextField id="snapshot-date" type="date" label="Date of the new snapshot" value={newDate} onInput={setNewDate} />
            <button type="submit" class="button button-secondary" disabled={busy}>
              {map ? 'Start a new snapshot from this one' : 'Start the first map'}
            </button>
          </form>
        ) : null}
      </section>

      {map && draft ? (
        <>
          <p class="hint">
            {own ? 'Your map' : `${personName}'s map`} on {formatDate(map.takenOn)}
            {map.updatedBy ? ` · last changed by ${map.updatedBy.role === 'person' ? (own ? 'you' : personName) : map.updatedBy.displayName ?? 'a worker'}` : ''}
            {editable ? `. Drag a member to move them (closer in means closer to ${own ? 'you' : personName}); tap a member to change them.` : '.'}
          </p>
          <History collection="network-maps" recordId={map.id} own={own} />
          <NetworkCanvas
            personName={own ? 'You' : personName}
            members={draft.members}
            ties={draft.ties}
            selected={editing}
            editable={editable}
            onSelect={(ref) => setEditing(ref)}
            onMove={onMove}
          />
          <MemberList
            draft={draft}
            editable={editable}
            own={own}
            busy={busy}
            editing={editing}
            setEditing={setEditing}
            onAdd={onAdd}
            onEdit={onEdit}
            onRemove={onRemove}
            onTie={onTie}
          />
          <Measures measures={map.measures} change={change} firstTakenOn={change ? first?.takenOn ?? null : null} />
        </>
      ) : null}
    </div>
  );
}
