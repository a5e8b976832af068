// web/test/studies.test.ts: unit tests (Vitest) for the researcher's Studies page (issue 8
// part 5): decoding GET /studies, /studies/{id}/consort and the export manifest (shapes as the
// demo server answers them, docs/api.md "Studies"), the counts table's rows, the export's
// summary line, file sizes in words, the /studies route, and the requests made.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DecodeError } from '../src/api/decode';
import {
  consort, datasetUrl, decodeConsort, decodeManifest, decodeStudies, prepareExport, serverUrl, studies,
} from '../src/api/studies';
import { armLabel, designLabel, humanSize, waveLabel } from '../src/format';
import { consortRows } from '../src/pages/studies/ConsortTable';
import { manifestSummary } from '../src/pages/studies/ResearchData';
import { parseRoute } from '../src/router';

const STUDIES = {
  studies: [{
    created_at: '2026-11-22T08:41:04.817Z', design: 'cluster_controlled', id: 1,
    name: 'Connecting People implementation study (demo)',
    sites: [{ arm: 'intervention', site_id: 1, team: 'Riverside', team_id: 1 }, { arm: 'control', site_id: 2, team: 'Hillside', team_id: 2 }],
    waves: [{ target_month: 0, wave: 'baseline', window_days: 28 }, { target_month: 6, wave: 'month_6', window_days: 28 }],
  }],
};
const CONSORT = {
  arms: {
    control: { analysed: 16, assessed: 20, consent_withdrawn: 2, consented: 16, declined: 2, measured: { baseline: 16, month_6: 12 }, recruited: 18, withdrawn: 2 },
    intervention: { analysed: 15, assessed: 21, consent_withdrawn: 3, consented: 15, declined: 1, measured: { baseline: 8, month_6: 6 }, recruited: 20, withdrawn: 4 },
  },
  study_id: 1,
  waves: ['baseline', 'month_6'],
};
const MANIFEST = {
  files: [
    { content_type: 'application/x-stata-dta', href: '/api/v1/studies/1/exports/stata?file=study_1.dta', name: 'study_1.dta', size: 12175 },
    { content_type: 'text/csv; charset=utf-8', href: '/api/v1/studies/1/exports/stata?file=study_1_codebook.csv', name: 'study_1_codebook.csv', size: 1111 },
  ],
  format: 'stata', records: 32, rows: 64, study_id: 1,
};

describe('studies decoders', () => {
  test('the list, with sites and waves; ids become strings', () => {
    const [s] = decodeStudies(STUDIES);
    expect(s).toEqual({
      id: '1', name: 'Connecting People implementation study (demo)', design: 'cluster_controlled', createdAt: '2026-11-22T08:41:04.817Z',
      sites: [{ siteId: '1', teamId: '1', team: 'Riverside', arm: 'intervention' }, { siteId: '2', teamId: '2', team: 'Hillside', arm: 'control' }],
      waves: [{ wave: 'baseline', targetMonth: 0, windowDays: 28 }, { wave: 'month_6', targetMonth: 6, windowDays: 28 }],
    });
    expect(decodeStudies({ studies: [] })).toEqual([]);
    expect(decodeStudies({ studies: [{ id: 2, name: 'S', design: 'pre_post' }] })[0]).toMatchObject({ createdAt: null, sites: [], waves: [] });
  });
  test('a study without a name, or a site without a team, is refused with the place named', () => {
    expect(() => decodeStudies({ studies: [{ id: 1, design: 'pre_post' }] })).toThrow(/studies\[0\]\.name/);
    expect(() => decodeStudies({ studies: [{ id: 1, name: 'S', design: 'pre_post', sites: [{ site_id: 1, team_id: 1, arm: 'control' }] }] }))
      .toThrow(/studies\[0\]\.sites\[0\]\.team/);
    expect(() => decodeStudies({ studies: 'nope' })).toThrow(DecodeError);
  });
  test('consort counts: intervention first, every count kept, measured by wave', () => {
    const c = decodeConsort(CONSORT);
    expect(c.studyId).toBe('1');
    expect(c.waves).toEqual(['baseline', 'month_6']);
    expect(c.arms.map((a) => a.arm)).toEqual(['intervention', 'control']);
    expect(c.arms[0]).toEqual({
      arm: 'intervention', assessed: 21, declined: 1, recruited: 20, consented: 15, consentWithdrawn: 3, withdrawn: 4,
      measured: { baseline: 8, month_6: 6 }, analysed: 15,
    });
  });
  test('consort: a missing count is null (shown as "—"), not 0; waves fall back to those measured', () => {
    const c = decodeConsort({ study_id: 3, arms: { control: { assessed: 4, measured: { baseline: 2 } } } });
    expect(c.waves).toEqual(['baseline']);
    expect(c.arms[0]).toMatchObject({ assessed: 4, declined: null, analysed: null, measured: { baseline: 2 } });
    expect(decodeConsort({ study_id: 3, waves: ['baseline', 'month_6'], arms: { control: {} } }).arms[0]?.measured).toEqual({ baseline: null, month_6: null });
    expect(() => decodeConsort({ study_id: 3 })).toThrow(/consort\.arms/);
    expect(() => decodeConsort({ study_id: 3, arms: { control: { measured: [1] } } })).toThrow(/measured/);
  });
  test('the export manifest', () => {
    const m = decodeManifest(MANIFEST);
    expect(m).toEqual({
      studyId: '1', format: 'stata', records: 32, rows: 64,
      files: [
        { name: 'study_1.dta', contentType: 'application/x-stata-dta', size: 12175, href: '/api/v1/studies/1/exports/stata?file=study_1.dta' },
        { name: 'study_1_codebook.csv', contentType: 'text/csv; charset=utf-8', size: 1111, href: '/api/v1/studies/1/exports/stata?file=study_1_codebook.csv' },
      ],
    });
    expect(() => decodeManifest({ ...MANIFEST, files: [{ name: 'x', content_type: 't', href: '/a' }] })).not.toThrow();
    expect(() => decodeManifest({ ...MANIFEST, files: [{ content_type: 't', href: '/a' }] })).toThrow(/files\[0\]\.name/);
  });
  test('a file link must stay on this site', () => {
    const withHref = (href: unknown) => decodeManifest({ ...MANIFEST, files: [{ name: 'f', content_type: 't', size: 1, href }] });
    expect(() => withHref('//evil.example/f')).toThrow(/on this site/);
    expect(() => withHref('javascript:alert(1)')).toThrow(/on this site/);
    expect(() => withHref(7)).toThrow(DecodeError);
    expect(withHref('https://cp.example.org/api/v1/x').files[0]?.href).toBe('https://cp.example.org/api/v1/x');
  });
});

describe('studies page logic', () => {
  test('the counts table has one row per count and one per wave, in the order of the flow', () => {
    const c = decodeConsort(CONSORT);
    const rows = consortRows(c);
    expect(rows.map((r) => r.key)).toEqual([
      'assessed', 'declined', 'recruited', 'consented', 'consent_withdrawn', 'withdrawn', 'measured.baseline', 'measured.month_6', 'analysed',
    ]);
    const intervention = c.arms[0]!;
    expect(rows.map((r) => r.value(intervention))).toEqual([21, 1, 20, 15, 3, 4, 8, 6, 15]);
    expect(rows.find((r) => r.key === 'measured.month_6')?.label).toBe('Measured at month 6');
  });
  test('the export summary says participants, rows and files', () => {
    expect(manifestSummary(decodeManifest(MANIFEST), 'Stata')).toBe('Stata export ready: 32 participants, 64 rows, 2 files.');
    expect(manifestSummary(decodeManifest({ study_id: 1, format: 'long', records: 1, files: [] }), 'long CSV'))
      .toBe('Long CSV export ready: 1 participant, 0 files.');
  });
  test('sizes, designs, arms and waves in words', () => {
    expect(humanSize(211)).toBe('211 bytes');
    expect(humanSize(1)).toBe('1 byte');
    expect(humanSize(1111)).toBe('1.1 KB');
    expect(humanSize(12175)).toBe('12 KB');
    expect(humanSize(1048575)).toBe('1.0 MB');
    expect(humanSize(5 * 1024 * 1024 * 1024)).toBe('5.0 GB');
    expect(humanSize(null)).toBe('—');
    expect(designLabel('cluster_controlled')).toMatch(/^Cluster controlled/);
    expect(designLabel('stepped_wedge')).toBe('stepped wedge');
    expect(armLabel('intervention')).toBe('Intervention');
    expect(waveLabel('month_6')).toBe('Month 6');
    expect(waveLabel('baseline')).toBe('Baseline');
  });
  test('the /studies route', () => {
    expect(parseRoute('/studies', '')).toEqual({ name: 'studies' });
    expect(parseRoute('/studies/1', '').name).toBe('not-found');
  });
  test('links from the server resolve against an API on another origin', () => {
    expect(serverUrl('/api/v1/studies/1/exports/stata?file=a.dta', '/api/v1')).toBe('/api/v1/studies/1/exports/stata?file=a.dta');
    expect(serverUrl('/api/v1/studies/1/exports/stata?file=a.dta', 'https://cp.example.org/api/v1'))
      .toBe('https://cp.example.org/api/v1/studies/1/exports/stata?file=a.dta');
    expect(datasetUrl('1', '/api/v1')).toBe('/api/v1/studies/1/dataset.csv?age=true');
  });
});

describe('studies requests', () => {
  afterEach(() => vi.unstubAllGlobals());
  test('list, counts and export go to the documented paths with GET', async () => {
    const bodies: Record<string, unknown> = { '/api/v1/studies': STUDIES, '/api/v1/studies/1/consort': CONSORT, '/api/v1/studies/1/exports/stata': MANIFEST };
    const fetchMock = vi.fn(async (url: string) => new Response(JSON.stringify(bodies[url]), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    expect((await studies())[0]?.name).toMatch(/demo/);
    expect((await consort('1')).arms).toHaveLength(2);
    expect((await prepareExport('1', 'stata')).files).toHaveLength(2);
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([u, init]) => `${init.method} ${u}`)).toEqual([
      'GET /api/v1/studies', 'GET /api/v1/studies/1/consort', 'GET /api/v1/studies/1/exports/stata',
    ]);
  });
  test('a refused export is an ApiError with the server\'s message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'forbidden', message: 'You do not have permission to export a study\'s research data.' } }), { status: 403 })));
    await expect(prepareExport('1', 'stata')).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/permission to export/) });
  });
});
