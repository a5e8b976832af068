// web/src/pages/person/network/mapDraft.ts: the network map being edited, as plain data (no
// Preact, no Cytoscape), shared by the canvas and the keyboard list view so that both do the
// same thing: members keep their server ids, new ones get a client key, positions fall on the
// concentric rings, and the draft becomes the body of PUT /network-maps/{id}.
import type { MapBody, MemberBody } from '../../../api/practice/endpoints';
import type { MapMember, NetworkMap } from '../../../api/practice/types';
import { RINGS } from '../../../api/practice/codes';
import { apiId, label } from '../../../practiceLabels';

export interface DraftMember {
  /** Stable within the page: the server's member id, or `new-<n>` for a member not yet saved. */
  ref: string;
  memberId: string | null;
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

export interface Draft {
  mapId: string;
  version: number;
  takenOn: string;
  note: string;
  members: DraftMember[];
  /** Pairs of member refs, each pair once, in either order. */
  ties: [string, string][];
}

/** Radii of the three rings in the drawing's own units; the person is at (0, 0). */
export const RING_RADIUS: Record<string, number> = { close: 110, middle: 220, outer: 330 };

export function fromMap(m: NetworkMap): Draft {
  return {
    mapId: m.id,
    version: m.version,
    takenOn: m.takenOn,
    note: m.note ?? '',
    members: m.members.map(fromMember),
    ties: m.ties.map((t) => [t.a, t.b]),
  };
}

function fromMember(m: MapMember): DraftMember {
  return { ref: m.memberId, ...m, supportToPerson: [...m.supportToPerson], supportFromPerson: [...m.supportFromPerson] };
}

let counter = 0;
/** A blank new member on the given ring; the caller fills in the name. */
export function newMember(fields: Partial<DraftMember> & { name: string }): DraftMember {
  counter += 1;
  return {
    memberId: null, kind: 'person', relation: 'friend', ring: 'middle', supportToPerson: [], supportFromPerson: [],
    frequency: 'unknown', resourceId: null, x: null, y: null, ...fields, ref: `new-${Date.now().toString(36)}-${counter}`,
  };
}

/** The ring a point falls in, by its distance from the person (beyond the outer ring: outer). */
export function ringAt(x: number, y: number): string {
  const d = Math.hypot(x, y);
  if (d < (RING_RADIUS['close']! + RING_RADIUS['middle']!) / 2) return 'close';
  if (d < (RING_RADIUS['middle']! + RING_RADIUS['outer']!) / 2) return 'middle';
  return 'outer';
}

/** A dropped point, pulled back onto the outer ring when it lies beyond it (so it stays in view). */
export function clampToRings(x: number, y: number): { x: number; y: number } {
  const d = Math.hypot(x, y);
  const max = RING_RADIUS['outer']!;
  return d <= max ? { x, y } : { x: (x * max) / d, y: (y * max) / d };
}

/**
 * Where each member is drawn: its saved position if it has one and that position is in its
 * ring, otherwise spread evenly round its ring. Keyed by ref.
 */
export function layout(members: readonly DraftMember[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const ring of RINGS) {
    const onRing = members.filter((m) => m.ring === ring || (ring === 'outer' && !(RINGS as readonly string[]).includes(m.ring)));
    const r = RING_RADIUS[ring]!;
    onRing.forEach((m, i) => {
      if (m.x !== null && m.y !== null && ringAt(m.x, m.y) === ring) {
        out.set(m.ref, { x: m.x, y: m.y });
      } else {
        // Start a little right of the top, where the ring's name is written, and stagger the rings.
        const start = -Math.PI / 2 + (ring === 'close' ? 0.6 : ring === 'middle' ? 0.9 : 1.2);
        const angle = start + (2 * Math.PI * i) / Math.max(onRing.length, 1);
        out.set(m.ref, { x: Math.round(r * Math.cos(angle)), y: Math.round(r * Math.sin(angle)) });
      }
    });
  }
  return out;
}

const sameTie = (t: readonly [string, string], a: string, b: string): boolean => (t[0] === a && t[1] === b) || (t[0] === b && t[1] === a);

export function hasTie(d: Draft, a: string, b: string): boolean {
  return d.ties.some((t) => sameTie(t, a, b));
}

export function addTie(d: Draft, a: string, b: string): Draft {
  if (a === b || hasTie(d, a, b)) return d;
  return { ...d, ties: [...d.ties, [a, b]] };
}

export function removeTie(d: Draft, a: string, b: string): Draft {
  return { ...d, ties: d.ties.filter((t) => !sameTie(t, a, b)) };
}

export function updateMember(d: Draft, ref: string, change: Partial<DraftMember>): Draft {
  return { ...d, members: d.members.map((m) => (m.ref === ref ? { ...m, ...change, ref } : m)) };
}

/** Takes a member off this snapshot (and its ties). Earlier snapshots keep them. */
export function removeMember(d: Draft, ref: string): Draft {
  return { ...d, members: d.members.filter((m) => m.ref !== ref), ties: d.ties.filter((t) => t[0] !== ref && t[1] !== ref) };
}

/** The body of PUT /network-maps/{id}. */
export function toBody(d: Draft): MapBody {
  const isNew = new Set(d.members.filter((m) => m.memberId === null).map((m) => m.ref));
  const end = (ref: string): number | string => (isNew.has(ref) ? ref : apiId(ref));
  const members: MemberBody[] = d.members.map((m) => ({
    ...(m.memberId !== null ? { member_id: apiId(m.memberId) } : { key: m.ref }),
    name: m.name.trim(),
    kind: m.kind,
    relation: m.relation,
    ring: m.ring,
    support_to_person: [...m.supportToPerson],
    support_from_person: [...m.supportFromPerson],
    frequency: m.frequency,
    resource_id: m.resourceId === null ? null : apiId(m.resourceId),
    x: m.x === null ? null : Math.round(m.x * 10) / 10,
    y: m.y === null ? null : Math.round(m.y * 10) / 10,
  }));
  const known = new Set(d.members.map((m) => m.ref));
  const ties = d.ties.filter(([a, b]) => known.has(a) && known.has(b)).map(([a, b]) => ({ a: end(a), b: end(b) }));
  return { version: d.version, taken_on: d.takenOn, note: d.note, members, ties };
}

/** True when the draft differs from the map it was made from. */
export function isDirty(d: Draft, base: NetworkMap): boolean {
  return JSON.stringify(toBody(d)) !== JSON.stringify(toBody(fromMap(base)));
}

/** A problem that stops saving, in plain English, or null. */
export function draftProblem(d: Draft): string | null {
  const unnamed = d.members.findIndex((m) => m.name.trim() === '');
  if (unnamed >= 0) return `Member ${unnamed + 1} on the list has no name. Please give every member a name.`;
  return null;
}

/**
 * What another save changed between `mine` (the version the user started from) and
 * `theirs` (the version now on the server), as short plain-English lines.
 */
export function describeChanges(mine: NetworkMap, theirs: NetworkMap): string[] {
  const lines: string[] = [];
  const before = new Map(mine.members.map((m) => [m.memberId, m]));
  const after = new Map(theirs.members.map((m) => [m.memberId, m]));
  for (const m of theirs.members) if (!before.has(m.memberId)) lines.push(`${m.name} was added.`);
  for (const m of mine.members) if (!after.has(m.memberId)) lines.push(`${m.name} was taken off the map.`);
  for (const m of theirs.members) {
    const old = before.get(m.memberId);
    if (!old) continue;
    if (old.name !== m.name) lines.push(`${old.name} was renamed ${m.name}.`);
    if (old.ring !== m.ring) lines.push(`${m.name} moved from the ${label('ring', old.ring).toLowerCase()} ring to the ${label('ring', m.ring).toLowerCase()} ring.`);
    if (old.relation !== m.relation) lines.push(`${m.name} is now ${label('relation', m.relation).toLowerCase()} (was ${label('relation', old.relation).toLowerCase()}).`);
    const others = ['kind', 'frequency', 'resourceId'] as const;
    if (others.some((k) => old[k] !== m[k]) || old.supportToPerson.join() !== m.supportToPerson.join() || old.supportFromPerson.join() !== m.supportFromPerson.join()) {
      lines.push(`${m.name}'s details were changed.`);
    }
  }
  if (mine.ties.length !== theirs.ties.length) lines.push(`Links between people: ${mine.ties.length} before, ${theirs.ties.length} now.`);
  if ((mine.note ?? '') !== (theirs.note ?? '')) lines.push('The note was changed.');
  if (lines.length === 0) lines.push('Only the positions on the drawing were changed.');
  return lines;
}
