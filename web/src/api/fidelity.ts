// web/src/api/fidelity.ts: the fidelity dashboards' API (docs/fidelity.md, docs/api.md):
// decoding of GET /fidelity/team, /fidelity/workers/{id} and /fidelity/agency.
import { arr, id, obj, optNum, str, strList, type JsonObject } from './decode';
import { request } from './http';

export type Level = 'full' | 'partial' | 'low' | 'insufficient_data';

export interface DomainScore {
  domain: string;
  label: string;
  combined: number | null;
  scale: number | null;
  indicators: number | null;
}
export interface IndicatorValue {
  id: string;
  domain: string;
  label: string;
  numerator: number;
  denominator: number;
  share: number | null;
  key: boolean;
}
export interface TrendPoint { period: string; overall: number | null; level: string }
export interface Assessment {
  level: string;
  overall: number | null;
  people: number;
  domains: DomainScore[];
  indicators: IndicatorValue[];
  reasons: string[];
  trend: TrendPoint[];
  warning: string | null;
}
export interface WorkerRow extends Assessment { workerId: string; name: string }
export interface TeamView extends Assessment { teamId: string; teamName: string; asOf: string; workers: WorkerRow[] }

function assessment(o: JsonObject, where: string): Assessment {
  const warning = o['warning'] !== undefined ? obj(o['warning'], `${where}.warning`) : null;
  return {
    level: str(o['level'], `${where}.level`),
    overall: optNum(o['overall']),
    people: optNum(o['people']) ?? 0,
    domains: arr(o['domains'], `${where}.domains`).map((d, i) => {
      const x = obj(d, `${where}.domains[${i}]`);
      return {
        domain: str(x['domain'], 'domain'),
        label: str(x['label'], 'label'),
        combined: optNum(x['combined']),
        scale: optNum(x['scale']),
        indicators: optNum(x['indicators']),
      };
    }),
    indicators: arr(o['indicators'], `${where}.indicators`).map((d, i) => {
      const x = obj(d, `${where}.indicators[${i}]`);
      return {
        id: str(x['id'], 'id'),
        domain: str(x['domain'], 'domain'),
        label: str(x['label'], 'label'),
        numerator: optNum(x['numerator']) ?? 0,
        denominator: optNum(x['denominator']) ?? 0,
        share: optNum(x['share']),
        key: x['key'] === true,
      };
    }),
    reasons: strList(o['reasons']),
    trend: arr(o['trend'], `${where}.trend`).map((d, i) => {
      const x = obj(d, `${where}.trend[${i}]`);
      return { period: str(x['period'], 'period'), overall: optNum(x['overall']), level: str(x['level'], 'level') };
    }),
    warning: warning && warning['sliding'] === true ? str(warning['message'], 'warning.message') : null,
  };
}

export function decodeTeamView(v: unknown): TeamView {
  const o = obj(v, 'team view');
  const team = obj(o['team'], 'team');
  return {
    ...assessment(o, 'team'),
    teamId: id(team['id'], 'team.id'),
    teamName: str(team['name'], 'team.name'),
    asOf: str(o['as_of'], 'as_of'),
    workers: arr(o['workers'], 'workers').map((w, i) => {
      const x = obj(w, `workers[${i}]`);
      const worker = obj(x['worker'], `workers[${i}].worker`);
      return { ...assessment(x, `workers[${i}]`), workerId: id(worker['id'], 'worker.id'), name: str(worker['display_name'], 'worker.display_name') };
    }),
  };
}

export interface WorkerView extends Assessment { workerId: string; name: string; asOf: string }

export function decodeWorkerView(v: unknown): WorkerView {
  const o = obj(v, 'worker view');
  const worker = obj(o['worker'], 'worker');
  return {
    ...assessment(o, 'worker'),
    workerId: id(worker['id'], 'worker.id'),
    name: str(worker['display_name'], 'worker.display_name'),
    asOf: str(o['as_of'], 'as_of'),
  };
}

export async function teamFidelity(): Promise<TeamView> {
  return decodeTeamView(await request('GET', '/fidelity/team'));
}

export async function workerFidelity(workerId: string): Promise<WorkerView> {
  return decodeWorkerView(await request('GET', `/fidelity/workers/${encodeURIComponent(workerId)}`));
}

export interface TeamRow extends Assessment { teamId: string; name: string }
export interface AgencyView extends Assessment { agencyName: string; asOf: string; teams: TeamRow[] }

export function decodeAgencyView(v: unknown): AgencyView {
  const o = obj(v, 'agency view');
  const agency = obj(o['agency'], 'agency');
  return {
    ...assessment(o, 'agency'),
    agencyName: str(agency['name'], 'agency.name'),
    asOf: str(o['as_of'], 'as_of'),
    teams: arr(o['teams'], 'teams').map((t, i) => {
      const x = obj(t, `teams[${i}]`);
      const team = obj(x['team'], `teams[${i}].team`);
      return { ...assessment(x, `teams[${i}]`), teamId: id(team['id'], 'team.id'), name: str(team['name'], 'team.name') };
    }),
  };
}

export async function agencyFidelity(): Promise<AgencyView> {
  return decodeAgencyView(await request('GET', '/fidelity/agency'));
}
