// web/src/api/practice/types.ts: the shapes of the co-produced CPI record (docs/practice-api.md)
// and their decoders. Strict where the page depends on a value (ids, versions, names, codes),
// forgiving about extra fields. Code values are kept as text: an unknown code from a newer
// server is shown as written, not refused.
import { arr, DecodeError, id, isObject, obj, optId, optNum, optStr, str, strList, type JsonObject } from '../decode';

export interface Author {
  accountId: string | null;
  displayName: string | null;
  /** `person` when the person made the change themself. */
  role: string | null;
}

/** What every editable record carries. */
export interface RecordMeta {
  id: string;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
  createdBy: Author | null;
  updatedBy: Author | null;
}

export interface MapMember {
  memberId: string;
  name: string;
  kind: string;
  relation: string;
  ring: string;
  supportToPerson: string[];
  supportFromPerson: string[];
  frequency: string;
  resourceId: string | null;
  x: number | null;
  y: number | null;
}

export interface Tie { a: string; b: string }

/** A measure is a number, missing, or a breakdown such as {"family": 2, "friend": 1}. */
export type MeasureValue = number | null | Record<string, number>;
export type Measures = Record<string, MeasureValue>;

export interface NetworkMap extends RecordMeta {
  personId: string | null;
  takenOn: string;
  note: string | null;
  members: MapMember[];
  ties: Tie[];
  measures: Measures;
}

export interface MapSummary {
  id: string;
  takenOn: string;
  note: string | null;
  version: number;
  memberCount: number | null;
  measures: Measures;
}

export interface MapChange {
  fromId: string | null;
  toId: string | null;
  newMembers: { memberId: string | null; name: string }[];
  lostMembers: { memberId: string | null; name: string }[];
  measuresFrom: Measures;
  measuresTo: Measures;
}

export interface Activity extends RecordMeta { text: string; who: string; whoOther: string | null; byWhen: string | null; status: string }
export interface Objective extends RecordMeta { text: string; status: string; reviewOn: string | null; activities: Activity[] }
export interface Goal extends RecordMeta { text: string; status: string; reviewOn: string | null; objectives: Objective[] }
export interface Asset extends RecordMeta { kind: string; text: string; status: string }
export interface Idea extends RecordMeta {
  text: string; suggestedBy: string; goalId: string | null; resourceId: string | null; outcome: string; outcomeNote: string | null;
}
export interface MapOffer { name: string; relation: string; ring: string; resourceId: string | null }
export interface Engagement extends RecordMeta {
  resourceId: string | null; resourceName: string; stage: string; stoppedReason: string | null;
  startedOn: string | null; note: string | null; stages: { stage: string; on: string | null }[]; mapOffer: MapOffer | null;
}
export interface Barrier extends RecordMeta {
  side: string; category: string; description: string | null; status: string; tried: string | null; reviewedOn: string | null;
}
export interface Recognition extends RecordMeta { kind: string; text: string; from: string }
export interface JourneyStep { process: string; lastDone: string | null; status: string; dueBy: string | null }

export interface HistoryEntry { version: number; changedAt: string | null; changedBy: Author | null; change: string; data: JsonObject }

function author(v: unknown): Author | null {
  if (!isObject(v)) return null;
  return { accountId: optId(v['account_id']), displayName: optStr(v['display_name']), role: optStr(v['role']) };
}

function version(v: unknown, where: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  throw new DecodeError(`${where}: expected a version number`);
}

function meta(o: JsonObject, where: string): RecordMeta {
  return {
    id: id(o['id'], `${where}.id`),
    version: version(o['version'], `${where}.version`),
    createdAt: optStr(o['created_at']),
    updatedAt: optStr(o['updated_at']),
    createdBy: author(o['created_by']),
    updatedBy: author(o['updated_by']),
  };
}

/** A POST or PUT answer may be the record itself or {"<key>": record}; both are read. */
export function unwrap(v: unknown, key: string): JsonObject {
  const o = obj(v, 'response');
  const inner = o[key];
  return isObject(inner) ? inner : o;
}

/** A list answer {"<key>": [...]} (a bare list is accepted too). */
export function listOf<T>(v: unknown, key: string, decode: (x: unknown, where: string) => T): T[] {
  const list = Array.isArray(v) ? v : arr(obj(v, 'response')[key], key);
  return list.map((x, i) => decode(x, `${key}[${i}]`));
}

export function decodeMeasures(v: unknown): Measures {
  const out: Measures = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'number' && Number.isFinite(val)) out[k] = val;
    else if (val === null) out[k] = null;
    else if (isObject(val)) {
      const parts: Record<string, number> = {};
      for (const [pk, pv] of Object.entries(val)) if (typeof pv === 'number' && Number.isFinite(pv)) parts[pk] = pv;
      out[k] = parts;
    }
  }
  return out;
}

export function decodeMember(v: unknown, where: string): MapMember {
  const m = obj(v, where);
  return {
    memberId: id(m['member_id'], `${where}.member_id`),
    name: str(m['name'], `${where}.name`),
    kind: str(m['kind'], `${where}.kind`),
    relation: str(m['relation'], `${where}.relation`),
    ring: str(m['ring'], `${where}.ring`),
    supportToPerson: strList(m['support_to_person']),
    supportFromPerson: strList(m['support_from_person']),
    frequency: optStr(m['frequency']) ?? 'unknown',
    resourceId: optId(m['resource_id']),
    x: optNum(m['x']),
    y: optNum(m['y']),
  };
}

export function decodeMap(v: unknown, where = 'network_map'): NetworkMap {
  const o = obj(v, where);
  return {
    ...meta(o, where),
    personId: optId(o['person_id']),
    takenOn: str(o['taken_on'], `${where}.taken_on`),
    note: optStr(o['note']),
    members: arr(o['members'], `${where}.members`).map((m, i) => decodeMember(m, `${where}.members[${i}]`)),
    ties: arr(o['ties'], `${where}.ties`).map((t, i) => {
      const tie = obj(t, `${where}.ties[${i}]`);
      return { a: id(tie['a'], `${where}.ties[${i}].a`), b: id(tie['b'], `${where}.ties[${i}].b`) };
    }),
    measures: decodeMeasures(o['measures']),
  };
}

export function decodeMapSummary(v: unknown, where: string): MapSummary {
  const o = obj(v, where);
  return {
    id: id(o['id'], `${where}.id`),
    takenOn: str(o['taken_on'], `${where}.taken_on`),
    note: optStr(o['note']),
    version: version(o['version'], `${where}.version`),
    memberCount: optNum(o['member_count']),
    measures: decodeMeasures(o['measures']),
  };
}

function changedMember(v: unknown, where: string): { memberId: string | null; name: string } {
  if (typeof v === 'string') return { memberId: null, name: v };
  const o = obj(v, where);
  return { memberId: optId(o['member_id']), name: str(o['name'], `${where}.name`) };
}

export function decodeMapChange(v: unknown): MapChange {
  const o = obj(v, 'change');
  return {
    fromId: optId(isObject(o['from']) ? o['from']['id'] : o['from']),
    toId: optId(isObject(o['to']) ? o['to']['id'] : o['to']),
    newMembers: arr(o['new_members'], 'new_members').map((m, i) => changedMember(m, `new_members[${i}]`)),
    lostMembers: arr(o['lost_members'], 'lost_members').map((m, i) => changedMember(m, `lost_members[${i}]`)),
    measuresFrom: decodeMeasures(o['measures_from']),
    measuresTo: decodeMeasures(o['measures_to']),
  };
}

export function decodeActivity(v: unknown, where: string): Activity {
  const o = obj(v, where);
  return {
    ...meta(o, where), text: str(o['text'], `${where}.text`), who: str(o['who'], `${where}.who`),
    whoOther: optStr(o['who_other']), byWhen: optStr(o['by_when']), status: optStr(o['status']) ?? 'planned',
  };
}

export function decodeObjective(v: unknown, where: string): Objective {
  const o = obj(v, where);
  return {
    ...meta(o, where), text: str(o['text'], `${where}.text`), status: optStr(o['status']) ?? 'active',
    reviewOn: optStr(o['review_on']),
    activities: arr(o['activities'], `${where}.activities`).map((a, i) => decodeActivity(a, `${where}.activities[${i}]`)),
  };
}

export function decodeGoal(v: unknown, where: string): Goal {
  const o = obj(v, where);
  return {
    ...meta(o, where), text: str(o['text'], `${where}.text`), status: optStr(o['status']) ?? 'active',
    reviewOn: optStr(o['review_on']),
    objectives: arr(o['objectives'], `${where}.objectives`).map((x, i) => decodeObjective(x, `${where}.objectives[${i}]`)),
  };
}

export function decodeAsset(v: unknown, where: string): Asset {
  const o = obj(v, where);
  return { ...meta(o, where), kind: str(o['kind'], `${where}.kind`), text: str(o['text'], `${where}.text`), status: optStr(o['status']) ?? 'current' };
}

export function decodeIdea(v: unknown, where: string): Idea {
  const o = obj(v, where);
  return {
    ...meta(o, where), text: str(o['text'], `${where}.text`), suggestedBy: str(o['suggested_by'], `${where}.suggested_by`),
    goalId: optId(o['goal_id']), resourceId: optId(o['resource_id']), outcome: optStr(o['outcome']) ?? 'open',
    outcomeNote: optStr(o['outcome_note']),
  };
}

function decodeOffer(v: unknown, where: string): MapOffer | null {
  if (!isObject(v)) return null;
  return {
    name: str(v['name'], `${where}.name`), relation: str(v['relation'], `${where}.relation`),
    ring: str(v['ring'], `${where}.ring`), resourceId: optId(v['resource_id']),
  };
}

export function decodeEngagement(v: unknown, where: string): Engagement {
  const o = obj(v, where);
  return {
    ...meta(o, where), resourceId: optId(o['resource_id']), resourceName: str(o['resource_name'], `${where}.resource_name`),
    stage: str(o['stage'], `${where}.stage`), stoppedReason: optStr(o['stopped_reason']), startedOn: optStr(o['started_on']),
    note: optStr(o['note']),
    stages: arr(o['stages'], `${where}.stages`).map((s, i) => {
      const so = obj(s, `${where}.stages[${i}]`);
      return { stage: str(so['stage'], `${where}.stages[${i}].stage`), on: optStr(so['on']) };
    }),
    mapOffer: decodeOffer(o['map_offer'], `${where}.map_offer`),
  };
}

export function decodeBarrier(v: unknown, where: string): Barrier {
  const o = obj(v, where);
  return {
    ...meta(o, where), side: str(o['side'], `${where}.side`), category: str(o['category'], `${where}.category`),
    description: optStr(o['description']), status: optStr(o['status']) ?? 'open', tried: optStr(o['tried']),
    reviewedOn: optStr(o['reviewed_on']),
  };
}

export function decodeRecognition(v: unknown, where: string): Recognition {
  const o = obj(v, where);
  return { ...meta(o, where), kind: str(o['kind'], `${where}.kind`), text: str(o['text'], `${where}.text`), from: str(o['from'], `${where}.from`) };
}

export function decodeJourney(v: unknown): JourneyStep[] {
  return arr(obj(v, 'journey')['processes'], 'processes').map((p, i) => {
    const o = obj(p, `processes[${i}]`);
    return {
      process: str(o['process'], `processes[${i}].process`), lastDone: optStr(o['last_done']),
      status: str(o['status'], `processes[${i}].status`), dueBy: optStr(o['due_by']),
    };
  });
}

export function decodeHistory(v: unknown): HistoryEntry[] {
  return arr(obj(v, 'history')['history'], 'history').map((h, i) => {
    const o = obj(h, `history[${i}]`);
    return {
      version: version(o['version'], `history[${i}].version`), changedAt: optStr(o['changed_at']),
      changedBy: author(o['changed_by']), change: optStr(o['change']) ?? 'updated',
      data: isObject(o['data']) ? o['data'] : {},
    };
  });
}
