// web/src/api/studies.ts: the studies API for the researcher's Studies page (docs/api.md
// "Studies", docs/exports.md): decoding of GET /studies (sites and waves), GET
// /studies/{id}/consort (CONSORT-style counts by arm) and the research export manifest of
// GET /studies/{id}/exports/{format}. Each manifest request is one audited export on the server.
import { arr, DecodeError, id, isObject, obj, optNum, str, strList } from './decode';
import { request } from './http';
import { config } from '../config';

export const EXPORT_FORMATS = ['redcap', 'long', 'stata', 'spss', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface StudySite { siteId: string; teamId: string; team: string; arm: string }
export interface StudyWave { wave: string; targetMonth: number | null; windowDays: number | null }
export interface Study {
  id: string;
  name: string;
  design: string;
  createdAt: string | null;
  sites: StudySite[];
  waves: StudyWave[];
}

export function decodeStudies(v: unknown): Study[] {
  const o = obj(v, 'studies answer');
  return arr(o['studies'], 'studies').map((s, i) => {
    const x = obj(s, `studies[${i}]`);
    return {
      id: id(x['id'], `studies[${i}].id`),
      name: str(x['name'], `studies[${i}].name`),
      design: str(x['design'], `studies[${i}].design`),
      createdAt: typeof x['created_at'] === 'string' ? x['created_at'] : null,
      sites: arr(x['sites'], `studies[${i}].sites`).map((t, j) => {
        const y = obj(t, `studies[${i}].sites[${j}]`);
        return {
          siteId: id(y['site_id'], `studies[${i}].sites[${j}].site_id`),
          teamId: id(y['team_id'], `studies[${i}].sites[${j}].team_id`),
          team: str(y['team'], `studies[${i}].sites[${j}].team`),
          arm: str(y['arm'], `studies[${i}].sites[${j}].arm`),
        };
      }),
      waves: arr(x['waves'], `studies[${i}].waves`).map((w, j) => {
        const y = obj(w, `studies[${i}].waves[${j}]`);
        return {
          wave: str(y['wave'], `studies[${i}].waves[${j}].wave`),
          targetMonth: optNum(y['target_month']),
          windowDays: optNum(y['window_days']),
        };
      }),
    };
  });
}

/** One arm's counts; a count the server left out is null (shown as "—"), never 0. */
export interface ArmCounts {
  arm: string;
  assessed: number | null;
  declined: number | null;
  recruited: number | null;
  consented: number | null;
  consentWithdrawn: number | null;
  withdrawn: number | null;
  /** People measured at each wave, in the order of `Consort.waves`. */
  measured: Record<string, number | null>;
  analysed: number | null;
}
export interface Consort { studyId: string; waves: string[]; arms: ArmCounts[] }

const ARM_ORDER = ['intervention', 'control'];

export function decodeConsort(v: unknown): Consort {
  const o = obj(v, 'consort');
  const arms = obj(o['arms'], 'consort.arms');
  // The waves in the server's order; without that list, those any arm was measured at.
  let waves = strList(o['waves']);
  if (waves.length === 0) {
    const seen = new Set<string>();
    for (const a of Object.values(arms)) if (isObject(a) && isObject(a['measured'])) for (const w of Object.keys(a['measured'])) seen.add(w);
    waves = [...seen];
  }
  const names = Object.keys(arms).sort((a, b) => {
    const ia = ARM_ORDER.indexOf(a), ib = ARM_ORDER.indexOf(b);
    return (ia < 0 ? ARM_ORDER.length : ia) - (ib < 0 ? ARM_ORDER.length : ib) || a.localeCompare(b);
  });
  return {
    studyId: id(o['study_id'], 'consort.study_id'),
    waves,
    arms: names.map((name) => {
      const a = obj(arms[name], `consort.arms.${name}`);
      const measuredRaw = a['measured'];
      if (measuredRaw !== undefined && measuredRaw !== null && !isObject(measuredRaw)) {
        throw new DecodeError(`consort.arms.${name}.measured: expected an object`);
      }
      const measured: Record<string, number | null> = {};
      for (const w of waves) measured[w] = isObject(measuredRaw) ? optNum(measuredRaw[w]) : null;
      return {
        arm: name,
        assessed: optNum(a['assessed']),
        declined: optNum(a['declined']),
        recruited: optNum(a['recruited']),
        consented: optNum(a['consented']),
        consentWithdrawn: optNum(a['consent_withdrawn']),
        withdrawn: optNum(a['withdrawn']),
        measured,
        analysed: optNum(a['analysed']),
      };
    }),
  };
}

export interface ExportFile { name: string; contentType: string; size: number | null; href: string }
export interface ExportManifest {
  studyId: string;
  format: string;
  records: number | null;
  rows: number | null;
  files: ExportFile[];
}

/** A file's address must stay on this site: a path (not "//host") or an http(s) URL. */
function href(v: unknown, where: string): string {
  const h = str(v, where);
  if ((h.startsWith('/') && !h.startsWith('//')) || /^https?:\/\//.test(h)) return h;
  throw new DecodeError(`${where}: expected a link on this site`);
}

export function decodeManifest(v: unknown): ExportManifest {
  const o = obj(v, 'export manifest');
  return {
    studyId: id(o['study_id'], 'manifest.study_id'),
    format: str(o['format'], 'manifest.format'),
    records: optNum(o['records']),
    rows: optNum(o['rows']),
    files: arr(o['files'], 'manifest.files').map((f, i) => {
      const x = obj(f, `files[${i}]`);
      return {
        name: str(x['name'], `files[${i}].name`),
        contentType: str(x['content_type'], `files[${i}].content_type`),
        size: optNum(x['size']),
        href: href(x['href'], `files[${i}].href`),
      };
    }),
  };
}

/**
 * Where a link from the server points in the browser. The API answers paths from the server's
 * root ("/api/v1/…"); when the API lives on another origin (config.apiBase is a URL), they are
 * resolved against that origin.
 */
export function serverUrl(path: string, apiBase: string = config.apiBase): string {
  if (/^https?:\/\//.test(path) || !/^https?:\/\//.test(apiBase)) return path;
  return new URL(path, apiBase).toString();
}

export function datasetUrl(studyId: string, apiBase: string = config.apiBase): string {
  return `${apiBase}/studies/${encodeURIComponent(studyId)}/dataset.csv?age=true`;
}

export async function studies(): Promise<Study[]> {
  return decodeStudies(await request('GET', '/studies'));
}

export async function consort(studyId: string): Promise<Consort> {
  return decodeConsort(await request('GET', `/studies/${encodeURIComponent(studyId)}/consort`));
}

/** Prepares one export (the server builds it afresh and records it in the audit log). */
export async function prepareExport(studyId: string, format: ExportFormat): Promise<ExportManifest> {
  return decodeManifest(await request('GET', `/studies/${encodeURIComponent(studyId)}/exports/${format}`));
}
