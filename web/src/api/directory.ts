// web/src/api/directory.ts: the community directory's API calls and types (docs/directory.md):
// search, a resource, create and update (with the version read), history, "I know someone
// there", the review list and mark-reviewed, and tags.
import { ApiError, request } from './http';
import { arr, id, isObject, obj, optNum, optStr, str, strList, type JsonObject } from './decode';

export type Capacity = 'open' | 'full' | 'waiting_list';
export const CAPACITIES: readonly Capacity[] = ['open', 'full', 'waiting_list'];

export interface DirLocation {
  hsdsId: string;
  name: string;
  description: string;
  address1: string;
  address2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  accessibility: string;
  confidential: boolean;
}

export interface DirContact {
  hsdsId: string;
  name: string;
  title: string;
  email: string;
  phone: string;
}

export interface DirEvent {
  hsdsId: string;
  description: string;
  freq: string;
  byday: string;
  interval: number;
  opensAt: string;
  closesAt: string;
  validFrom: string;
  validTo: string;
  dtstart: string;
  until: string;
}

export interface Knower {
  workerId: string;
  displayName: string;
  jobTitle: string;
  active: boolean;
  contactName: string;
  note: string;
  since: string;
}

export interface Organization {
  hsdsId: string;
  name: string;
  description: string;
  url: string;
  email: string;
  phone: string;
}

export interface Resource {
  id: string;
  version: number;
  hsdsId: string;
  name: string;
  description: string;
  url: string;
  email: string;
  phone: string;
  status: string;
  organization: Organization;
  tags: string[];
  locations: DirLocation[];
  contacts: DirContact[];
  events: DirEvent[];
  accessibility: string;
  cost: string;
  capacity: Capacity | string;
  confidential: boolean;
  reviewedOn: string | null;
  knowers: Knower[];
  nextDate: string | null;
  timing: string;
  updatedAt: string;
  updatedBy: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const bool = (v: unknown): boolean => v === true;

export function decodeResource(v: unknown): Resource {
  const r = obj(v, 'resource');
  const org = isObject(r['organization']) ? r['organization'] : {};
  return {
    id: id(r['id'], 'resource.id'),
    version: optNum(r['version']) ?? 1,
    hsdsId: text(r['hsds_id']),
    name: str(r['name'], 'resource.name'),
    description: text(r['description']),
    url: text(r['url']),
    email: text(r['email']),
    phone: text(r['phone']),
    status: text(r['status']) || 'active',
    organization: {
      hsdsId: text(org['hsds_id']), name: text(org['name']), description: text(org['description']),
      url: text(org['url']), email: text(org['email']), phone: text(org['phone']),
    },
    tags: strList(r['tags']),
    locations: arr(r['locations'], 'resource.locations').map((x, i) => {
      const l = obj(x, `resource.locations[${i}]`);
      return {
        hsdsId: text(l['hsds_id']), name: text(l['name']), description: text(l['description']),
        address1: text(l['address_1']), address2: text(l['address_2']), city: text(l['city']),
        region: text(l['region']), postalCode: text(l['postal_code']), country: text(l['country']),
        latitude: optNum(l['latitude']), longitude: optNum(l['longitude']),
        accessibility: text(l['accessibility']), confidential: bool(l['confidential']),
      };
    }),
    contacts: arr(r['contacts'], 'resource.contacts').map((x, i) => {
      const c = obj(x, `resource.contacts[${i}]`);
      return { hsdsId: text(c['hsds_id']), name: text(c['name']), title: text(c['title']), email: text(c['email']), phone: text(c['phone']) };
    }),
    events: arr(r['events'], 'resource.events').map((x, i) => {
      const e = obj(x, `resource.events[${i}]`);
      return {
        hsdsId: text(e['hsds_id']), description: text(e['description']), freq: text(e['freq']), byday: text(e['byday']),
        interval: optNum(e['interval']) ?? 0, opensAt: text(e['opens_at']), closesAt: text(e['closes_at']),
        validFrom: text(e['valid_from']), validTo: text(e['valid_to']), dtstart: text(e['dtstart']), until: text(e['until']),
      };
    }),
    accessibility: text(r['accessibility']),
    cost: text(r['cost']),
    capacity: text(r['capacity']) || 'open',
    confidential: bool(r['confidential']),
    reviewedOn: optStr(r['reviewed_on']),
    knowers: arr(r['knowers'], 'resource.knowers').map((x, i) => {
      const k = obj(x, `resource.knowers[${i}]`);
      return {
        workerId: id(k['worker_id'], `resource.knowers[${i}].worker_id`), displayName: text(k['display_name']),
        jobTitle: text(k['job_title']), active: k['active'] !== false, contactName: text(k['contact_name']),
        note: text(k['note']), since: text(k['since']),
      };
    }),
    nextDate: optStr(r['next_date']),
    timing: text(r['timing']),
    updatedAt: text(r['updated_at']),
    updatedBy: text(r['updated_by']),
  };
}

/** The body the API expects for create and update (snake_case; read-only fields left out). */
export function resourceBody(r: Omit<Resource, 'id' | 'version' | 'knowers' | 'nextDate' | 'timing' | 'updatedAt' | 'updatedBy'>): JsonObject {
  return {
    ...(r.hsdsId ? { hsds_id: r.hsdsId } : {}),
    name: r.name, description: r.description, url: r.url, email: r.email, phone: r.phone, status: r.status,
    organization: {
      ...(r.organization.hsdsId ? { hsds_id: r.organization.hsdsId } : {}),
      name: r.organization.name, description: r.organization.description, url: r.organization.url,
      email: r.organization.email, phone: r.organization.phone,
    },
    tags: r.tags,
    locations: r.locations.map((l) => ({
      ...(l.hsdsId ? { hsds_id: l.hsdsId } : {}),
      name: l.name, description: l.description, address_1: l.address1, address_2: l.address2, city: l.city,
      region: l.region, postal_code: l.postalCode, country: l.country, latitude: l.latitude, longitude: l.longitude,
      accessibility: l.accessibility, confidential: l.confidential,
    })),
    contacts: r.contacts.map((c) => ({ ...(c.hsdsId ? { hsds_id: c.hsdsId } : {}), name: c.name, title: c.title, email: c.email, phone: c.phone })),
    events: r.events.map((e) => ({
      ...(e.hsdsId ? { hsds_id: e.hsdsId } : {}),
      description: e.description, freq: e.freq, byday: e.byday, interval: e.interval, opens_at: e.opensAt,
      closes_at: e.closesAt, valid_from: e.validFrom, valid_to: e.validTo, dtstart: e.dtstart, until: e.until,
    })),
    accessibility: r.accessibility, cost: r.cost, capacity: r.capacity, confidential: r.confidential,
    reviewed_on: r.reviewedOn ?? '',
  };
}

export interface SearchQuery {
  q?: string;
  tag?: string;
  place?: string;
  open?: boolean;
  active?: '' | 'now' | 'upcoming';
}

export function searchParams(q: SearchQuery): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.tag) p.set('tag', q.tag);
  if (q.place) p.set('place', q.place);
  if (q.open) p.set('open', 'true');
  if (q.active) p.set('active', q.active);
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

const list = (v: unknown, key: string): Resource[] => arr(obj(v, 'answer')[key], key).map(decodeResource);

export async function search(q: SearchQuery): Promise<Resource[]> {
  return list(await request('GET', `/directory/resources${searchParams(q)}`), 'resources');
}

export async function resource(resourceId: string): Promise<Resource> {
  return decodeResource(await request('GET', `/directory/resources/${encodeURIComponent(resourceId)}`));
}

export async function create(body: JsonObject): Promise<Resource> {
  return decodeResource(await request('POST', '/directory/resources', { body }));
}

/** A stale save: the server's current record, to show the person before they try again. */
export class VersionConflict extends Error {
  override readonly name = 'VersionConflict';
  constructor(readonly current: Resource | null, message: string) {
    super(message);
  }
}

export async function update(resourceId: string, version: number, body: JsonObject): Promise<Resource> {
  try {
    return decodeResource(await request('PUT', `/directory/resources/${encodeURIComponent(resourceId)}`, { body: { ...body, version } }));
  } catch (e) {
    if (e instanceof ApiError && e.code === 'version_conflict') {
      // The current record comes with the 409; fetch it again to be sure of its shape.
      let current: Resource | null = null;
      try {
        current = await resource(resourceId);
      } catch {
        current = null;
      }
      throw new VersionConflict(current, e.message);
    }
    throw e;
  }
}

export async function knowSomeone(resourceId: string, contactName: string, note: string): Promise<Resource> {
  return decodeResource(await request('POST', `/directory/resources/${encodeURIComponent(resourceId)}/knowers`, {
    body: { action: 'add', contact_name: contactName, note },
  }));
}

export async function noLongerKnow(resourceId: string): Promise<Resource> {
  return decodeResource(await request('POST', `/directory/resources/${encodeURIComponent(resourceId)}/knowers`, { body: { action: 'remove' } }));
}

export async function markReviewed(resourceId: string): Promise<Resource> {
  return decodeResource(await request('POST', `/directory/resources/${encodeURIComponent(resourceId)}/reviewed`, { body: {} }));
}

export async function dueForReview(months = 12): Promise<Resource[]> {
  return list(await request('GET', `/directory/review?months=${months}`), 'resources');
}

export async function tags(): Promise<{ tag: string; count: number }[]> {
  return arr(obj(await request('GET', '/directory/tags'), 'answer')['tags'], 'tags').map((x, i) => {
    const t = obj(x, `tags[${i}]`);
    return { tag: str(t['tag'], `tags[${i}].tag`), count: optNum(t['count']) ?? 0 };
  });
}

export function capacityLabel(c: string): string {
  if (c === 'open') return 'Open to new people';
  if (c === 'full') return 'Full';
  if (c === 'waiting_list') return 'Waiting list';
  return c;
}

const DAYS: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

/** "Weekly, Tue 10:00–11:30; from 2027-03-04 to 2027-05-06" */
export function eventSummary(e: DirEvent): string {
  const parts: string[] = [];
  const days = e.byday.split(',').map((d) => DAYS[d.trim().slice(-2)] ?? d.trim()).filter((d) => d !== '').join(', ');
  if (e.freq === 'WEEKLY') parts.push(`Weekly${days ? `, ${days}` : ''}`);
  else if (e.freq === 'MONTHLY') parts.push(`Monthly${days ? `, ${days}` : ''}`);
  else if (e.dtstart) parts.push(`On ${e.dtstart}`);
  const time = [e.opensAt.slice(0, 5), e.closesAt.slice(0, 5)].filter((t) => t !== '').join('–');
  if (time) parts.push(time);
  const dates = [e.validFrom ? `from ${e.validFrom}` : '', e.validTo ? `to ${e.validTo}` : ''].filter((t) => t !== '').join(' ');
  return [parts.join(' '), dates].filter((t) => t !== '').join('; ');
}
