// web/src/api/questionnaires.ts: the questionnaire API (issue 3, parts 5 and 6): instrument
// forms, a person's questionnaires by wave, one response, saving, and the due list. Types
// and decoders live here so that this area does not collide with others in types.ts.
import { request } from './http';
import { arr, id, isObject, obj, optNum, optStr, str, type Json, type JsonObject } from './decode';

export type DueStatus = 'not_yet_due' | 'due' | 'overdue' | 'complete' | 'partial' | 'unscheduled';
export type ResponseStatus = 'not_started' | 'partial' | 'complete';
/** An answer as the API takes it: a code or number, or text. */
export type AnswerValue = number | string;
export type Answers = Record<string, AnswerValue>;

export interface FormOption { code: number; label: string; wording: string | null }
export interface FormItem {
  id: string;
  topic: string;
  type: 'code' | 'integer' | 'number' | 'text' | string;
  options: FormOption[];
  min: number | null;
  max: number | null;
  maxLength: number | null;
  wording: string | null;
}
export interface InstrumentForm {
  id: string;
  version: string;
  title: string;
  provisional: boolean;
  provisionalNote: string | null;
  wordingLoaded: boolean;
  wordingNote: string | null;
  items: FormItem[];
}

export interface ScoreValue { name: string; value: number | string }
export interface MissingScore { name: string; reason: string }
export interface Scores { provisional: boolean; values: ScoreValue[]; missing: MissingScore[] }

export interface InstrumentStatus {
  instrument: string;
  title: string;
  provisional: boolean;
  scheduled: boolean;
  status: DueStatus;
  responseStatus: ResponseStatus;
  version: number;
  mode: string | null;
  updatedAt: string | null;
  scores: Scores | null;
}
export interface WaveView {
  wave: string;
  label: string;
  target: string | null;
  opens: string | null;
  closes: string | null;
  status: DueStatus;
  instruments: InstrumentStatus[];
}
export interface PersonQuestionnaires {
  personId: string;
  today: string;
  access: 'read' | 'write';
  mode: 'self' | 'interviewer';
  waves: WaveView[];
}
export interface QuestionnaireResponse {
  status: ResponseStatus;
  version: number;
  answers: Answers;
  scores: Scores | null;
}
export interface DueItem {
  personId: string;
  displayName: string;
  workerName: string | null;
  wave: string;
  label: string;
  target: string | null;
  opens: string | null;
  closes: string | null;
  status: DueStatus;
  instruments: { instrument: string; title: string; status: DueStatus }[];
}

const STATUSES: readonly string[] = ['not_yet_due', 'due', 'overdue', 'complete', 'partial', 'unscheduled'];
function dueStatus(v: Json | undefined, where: string): DueStatus {
  const s = str(v, where);
  return (STATUSES.includes(s) ? s : 'not_yet_due') as DueStatus;
}
function responseStatus(v: Json | undefined): ResponseStatus {
  return v === 'partial' || v === 'complete' ? v : 'not_started';
}

export function decodeScores(v: Json | undefined): Scores | null {
  if (!isObject(v)) return null;
  const values: ScoreValue[] = [];
  const scores = isObject(v['scores']) ? v['scores'] : {};
  for (const [name, value] of Object.entries(scores)) {
    if (typeof value === 'number' || typeof value === 'string') values.push({ name, value });
  }
  const missing = arr(v['missing'], 'scores.missing').filter(isObject).map((m) => ({
    name: optStr(m['score']) ?? '', reason: optStr(m['reason']) ?? '',
  }));
  return { provisional: v['provisional'] === true, values, missing };
}

function decodeAnswers(v: Json | undefined): Answers {
  const out: Answers = {};
  if (!isObject(v)) return out;
  for (const [k, a] of Object.entries(v)) if (typeof a === 'number' || typeof a === 'string') out[k] = a;
  return out;
}

export function decodeForm(v: unknown): InstrumentForm {
  const f = obj(obj(v, 'response')['instrument'], 'instrument');
  return {
    id: str(f['id'], 'instrument.id'),
    version: str(f['version'], 'instrument.version'),
    title: str(f['title'], 'instrument.title'),
    provisional: f['provisional'] === true,
    provisionalNote: optStr(f['provisional_note']),
    wordingLoaded: f['wording_loaded'] === true,
    wordingNote: optStr(f['wording_note']),
    items: arr(f['items'], 'instrument.items').map((x, i) => {
      const it = obj(x, `items[${i}]`);
      return {
        id: str(it['id'], `items[${i}].id`),
        topic: str(it['topic'], `items[${i}].topic`),
        type: str(it['type'], `items[${i}].type`),
        options: arr(it['options'], `items[${i}].options`).map((o, k) => {
          const oo = obj(o, `items[${i}].options[${k}]`);
          const code = optNum(oo['code']);
          if (code === null) throw new Error(`items[${i}].options[${k}].code`);
          return { code, label: str(oo['label'], 'label'), wording: optStr(oo['wording']) };
        }),
        min: optNum(it['min']),
        max: optNum(it['max']),
        maxLength: optNum(it['max_length']),
        wording: optStr(it['wording']),
      };
    }),
  };
}

function decodeInstrumentStatus(v: Json, where: string): InstrumentStatus {
  const o = obj(v, where);
  return {
    instrument: str(o['instrument'], `${where}.instrument`),
    title: optStr(o['title']) ?? str(o['instrument'], where),
    provisional: o['provisional'] === true,
    scheduled: o['scheduled'] !== false,
    status: dueStatus(o['status'], `${where}.status`),
    responseStatus: responseStatus(o['response_status']),
    version: optNum(o['version']) ?? 0,
    mode: optStr(o['mode']),
    updatedAt: optStr(o['updated_at']),
    scores: decodeScores(o['scores']),
  };
}

export function decodePersonQuestionnaires(v: unknown): PersonQuestionnaires {
  const o = obj(v, 'response');
  return {
    personId: id(o['person_id'], 'person_id'),
    today: str(o['today'], 'today'),
    access: o['access'] === 'write' ? 'write' : 'read',
    mode: o['mode'] === 'self' ? 'self' : 'interviewer',
    waves: arr(o['waves'], 'waves').map((w, i) => {
      const wo = obj(w, `waves[${i}]`);
      return {
        wave: str(wo['wave'], `waves[${i}].wave`),
        label: optStr(wo['label']) ?? str(wo['wave'], 'wave'),
        target: optStr(wo['target']),
        opens: optStr(wo['opens']),
        closes: optStr(wo['closes']),
        status: dueStatus(wo['status'], `waves[${i}].status`),
        instruments: arr(wo['instruments'], `waves[${i}].instruments`).map((x, k) =>
          decodeInstrumentStatus(x, `waves[${i}].instruments[${k}]`)),
      };
    }),
  };
}

export function decodeResponse(v: unknown): QuestionnaireResponse {
  const r: JsonObject = obj(obj(v, 'response')['response'], 'response');
  return {
    status: responseStatus(r['status']),
    version: optNum(r['version']) ?? 0,
    answers: decodeAnswers(r['answers']),
    scores: decodeScores(r['scores']),
  };
}

export function decodeDue(v: unknown): DueItem[] {
  return arr(obj(v, 'response')['items'], 'items').map((x, i) => {
    const o = obj(x, `items[${i}]`);
    return {
      personId: id(o['person_id'], `items[${i}].person_id`),
      displayName: str(o['display_name'], `items[${i}].display_name`),
      workerName: optStr(o['worker_name']),
      wave: str(o['wave'], `items[${i}].wave`),
      label: optStr(o['label']) ?? str(o['wave'], 'wave'),
      target: optStr(o['target']),
      opens: optStr(o['opens']),
      closes: optStr(o['closes']),
      status: dueStatus(o['status'], `items[${i}].status`),
      instruments: arr(o['instruments'], `items[${i}].instruments`).map((y, k) => {
        const io = obj(y, `items[${i}].instruments[${k}]`);
        return {
          instrument: str(io['instrument'], 'instrument'),
          title: optStr(io['title']) ?? str(io['instrument'], 'instrument'),
          status: dueStatus(io['status'], 'status'),
        };
      }),
    };
  });
}

const path = (personId: string, wave: string, instrument: string): string =>
  `/people/${encodeURIComponent(personId)}/questionnaires/${encodeURIComponent(wave)}/${encodeURIComponent(instrument)}`;

export async function instrumentForm(instrument: string): Promise<InstrumentForm> {
  return decodeForm(await request('GET', `/instruments/${encodeURIComponent(instrument)}`));
}

export async function personQuestionnaires(personId: string): Promise<PersonQuestionnaires> {
  return decodePersonQuestionnaires(await request('GET', `/people/${encodeURIComponent(personId)}/questionnaires`));
}

export async function questionnaireResponse(personId: string, wave: string, instrument: string): Promise<QuestionnaireResponse> {
  return decodeResponse(await request('GET', path(personId, wave, instrument)));
}

export async function saveResponse(
  personId: string, wave: string, instrument: string,
  body: { version: number; answers: Answers; complete: boolean },
): Promise<QuestionnaireResponse> {
  return decodeResponse(await request('PUT', path(personId, wave, instrument), { body }));
}

export async function dueAssessments(scope: 'mine' | 'team'): Promise<DueItem[]> {
  return decodeDue(await request('GET', `/assessments/due?scope=${scope}`));
}

/** Plain-English words for a status (used by badges and the person's own view). */
export function dueStatusLabel(s: DueStatus | ResponseStatus): string {
  switch (s) {
    case 'not_yet_due': return 'Not yet due';
    case 'due': return 'Due now';
    case 'overdue': return 'Overdue';
    case 'complete': return 'Complete';
    case 'partial': return 'Started';
    case 'unscheduled': return 'No longer scheduled';
    case 'not_started': return 'Not started';
  }
}

/** A score name as people read it ("raw" → "Raw score", "total_cost" → "Total cost"). */
export function scoreLabel(name: string): string {
  const words = name.replace(/_/g, ' ');
  if (name === 'raw') return 'Raw score';
  if (name === 'metric') return 'Metric score';
  if (name === 'vas') return 'EQ VAS';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

