// web/src/api/practice/endpoints.ts: one function per call of the practice-records API
// (docs/practice-api.md), returning decoded values. Bodies use the API's snake_case names.
import { ApiError, request } from '../http';
import { DecodeError, isObject, obj, optId, optStr } from '../decode';
import {
  decodeActivity, decodeAsset, decodeBarrier, decodeEngagement, decodeGoal, decodeHistory, decodeIdea, decodeJourney,
  decodeMap, decodeMapChange, decodeMapSummary, decodeObjective, decodeRecognition, listOf, unwrap,
  type Activity, type Asset, type Barrier, type Engagement, type Goal, type HistoryEntry, type Idea, type JourneyStep,
  type MapChange, type MapOffer, type MapSummary, type NetworkMap, type Objective, type Recognition,
} from './types';

const enc = encodeURIComponent;
const people = (personId: string, what: string): string => `/people/${enc(personId)}/${what}`;

/** A body field left empty in a form: omitted on create, sent as null on update. */
export type Body = Record<string, unknown>;

// ---- network maps ----

export async function listMaps(personId: string): Promise<MapSummary[]> {
  return listOf(await request('GET', people(personId, 'network-maps')), 'maps', decodeMapSummary);
}

export async function getMap(mapId: string): Promise<NetworkMap> {
  return decodeMap(unwrap(await request('GET', `/network-maps/${enc(mapId)}`), 'network_map'));
}

export async function createMap(personId: string, body: { taken_on: string; note?: string; start_from?: 'previous' | 'empty' }): Promise<NetworkMap> {
  return decodeMap(unwrap(await request('POST', people(personId, 'network-maps'), { body }), 'network_map'));
}

/** A member in a PUT body: `member_id` for one already on the map, `key` for a new one. */
export interface MemberBody {
  member_id?: number | string;
  key?: string;
  name: string;
  kind: string;
  relation: string;
  ring: string;
  support_to_person: string[];
  support_from_person: string[];
  frequency: string;
  resource_id: number | string | null;
  x: number | null;
  y: number | null;
}

export interface MapBody {
  version: number;
  taken_on?: string;
  note?: string;
  members: MemberBody[];
  ties: { a: number | string; b: number | string }[];
}

export async function saveMap(mapId: string, body: MapBody): Promise<NetworkMap> {
  return decodeMap(unwrap(await request('PUT', `/network-maps/${enc(mapId)}`, { body }), 'network_map'));
}

export async function mapChange(mapId: string, fromId?: string): Promise<MapChange> {
  const q = fromId !== undefined ? `?from=${enc(fromId)}` : '';
  return decodeMapChange(await request('GET', `/network-maps/${enc(mapId)}/change${q}`));
}

// ---- goals, objectives, activities ----

export async function listGoals(personId: string): Promise<Goal[]> {
  return listOf(await request('GET', people(personId, 'goals')), 'goals', decodeGoal);
}
export async function createGoal(personId: string, body: Body): Promise<Goal> {
  return decodeGoal(unwrap(await request('POST', people(personId, 'goals'), { body }), 'goal'), 'goal');
}
export async function updateGoal(goalId: string, body: Body): Promise<Goal> {
  return decodeGoal(unwrap(await request('PUT', `/goals/${enc(goalId)}`, { body }), 'goal'), 'goal');
}
export async function createObjective(goalId: string, body: Body): Promise<Objective> {
  return decodeObjective(unwrap(await request('POST', `/goals/${enc(goalId)}/objectives`, { body }), 'objective'), 'objective');
}
export async function updateObjective(objectiveId: string, body: Body): Promise<Objective> {
  return decodeObjective(unwrap(await request('PUT', `/objectives/${enc(objectiveId)}`, { body }), 'objective'), 'objective');
}
export async function createActivity(objectiveId: string, body: Body): Promise<Activity> {
  return decodeActivity(unwrap(await request('POST', `/objectives/${enc(objectiveId)}/activities`, { body }), 'activity'), 'activity');
}
export async function updateActivity(activityId: string, body: Body): Promise<Activity> {
  return decodeActivity(unwrap(await request('PUT', `/activities/${enc(activityId)}`, { body }), 'activity'), 'activity');
}

// ---- the other record kinds share one pattern: list, create, update, history ----

interface Kind<T> { collection: string; item: string; decode: (v: unknown, where: string) => T }
export const ASSETS: Kind<Asset> = { collection: 'assets', item: 'asset', decode: decodeAsset };
export const IDEAS: Kind<Idea> = { collection: 'ideas', item: 'idea', decode: decodeIdea };
export const ENGAGEMENTS: Kind<Engagement> = { collection: 'engagements', item: 'engagement', decode: decodeEngagement };
export const BARRIERS: Kind<Barrier> = { collection: 'barriers', item: 'barrier', decode: decodeBarrier };
export const RECOGNITION: Kind<Recognition> = { collection: 'recognition', item: 'recognition', decode: decodeRecognition };
export type { Kind };

export async function listRecords<T>(kind: Kind<T>, personId: string): Promise<T[]> {
  return listOf(await request('GET', people(personId, kind.collection)), kind.collection, kind.decode);
}
export async function createRecord<T>(kind: Kind<T>, personId: string, body: Body): Promise<T> {
  return kind.decode(unwrap(await request('POST', people(personId, kind.collection), { body }), kind.item), kind.item);
}
export async function updateRecord<T>(kind: Kind<T>, recordId: string, body: Body): Promise<T> {
  return kind.decode(unwrap(await request('PUT', `/${kind.collection}/${enc(recordId)}`, { body }), kind.item), kind.item);
}
/** `collection` is the path part: network-maps, goals, objectives, activities, assets, … */
export async function history(collection: string, recordId: string): Promise<HistoryEntry[]> {
  return decodeHistory(await request('GET', `/${collection}/${enc(recordId)}/history`));
}

export async function addEngagementToMap(engagementId: string, offer: MapOffer): Promise<NetworkMap> {
  const body = { name: offer.name, relation: offer.relation, ring: offer.ring, resource_id: offer.resourceId === null ? null : Number(offer.resourceId) };
  return decodeMap(unwrap(await request('POST', `/engagements/${enc(engagementId)}/add-to-map`, { body }), 'network_map'));
}

// ---- the journey picture ----

export async function journey(personId: string): Promise<JourneyStep[]> {
  return decodeJourney(await request('GET', people(personId, 'journey')));
}

// ---- the agency's community directory, when the server has it ----

export interface ResourceHit { id: string; name: string; detail: string | null }

/**
 * Searches the directory. Returns null when the server has no directory (404), so the caller
 * can fall back to a free-text name.
 */
export async function searchResources(q: string): Promise<ResourceHit[] | null> {
  let res: unknown;
  try {
    res = await request('GET', `/directory/resources?q=${enc(q)}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
  const list = Array.isArray(res) ? res : isObject(res) && Array.isArray(res['resources']) ? res['resources'] : [];
  const hits: ResourceHit[] = [];
  for (const r of list) {
    if (!isObject(r)) continue;
    const rid = optId(r['id']);
    const name = optStr(r['name']);
    if (rid !== null && name !== null) {
      const org = isObject(r['organization']) ? optStr(r['organization']['name']) : optStr(r['organisation_name']);
      hits.push({ id: rid, name, detail: org ?? optStr(r['description']) });
    }
  }
  return hits;
}

/** The record carried by a 409 version_conflict answer, if any. */
export function conflictCurrent(e: unknown): Record<string, unknown> | null {
  if (!(e instanceof ApiError) || e.code !== 'version_conflict' || e.detail === null) return null;
  const cur = e.detail['current'];
  return isObject(cur) ? obj(cur, 'current') : null;
}

export type { HistoryEntry };

// ---- the quick contact form with records added in the same request ----

export interface ContactAdded { contactId: string; added: Record<string, string[]> }

/** POST /partnerships/{id}/contacts with an optional `add` object; returns what was added. */
export async function addContactWithRecords(partnershipId: string, body: Record<string, unknown>): Promise<ContactAdded> {
  const res = obj(await request('POST', `/partnerships/${enc(partnershipId)}/contacts`, { body }), 'response');
  const contact = isObject(res['contact']) ? res['contact'] : res;
  const addedRaw = isObject(contact['added']) ? contact['added'] : isObject(res['added']) ? res['added'] : {};
  const added: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(addedRaw)) {
    if (Array.isArray(v)) added[k] = v.map((x) => optId(x)).filter((x): x is string => x !== null);
  }
  const cid = optId(contact['id']);
  if (cid === null) throw new DecodeError('contact.id: expected an id');
  return { contactId: cid, added };
}
