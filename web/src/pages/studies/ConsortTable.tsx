// web/src/pages/studies/ConsortTable.tsx: a study's CONSORT-style counts (GET
// /studies/{id}/consort, docs/analysis.md "A study in the store") as a real table: one column per
// arm, one row per count in the order of the flow (assessed → … → analysed), one row per wave
// for "measured". A count the server did not send is shown as "—", never as 0.
import { useEffect, useState } from 'preact/hooks';
import { consort, type ArmCounts, type Consort, type Study } from '../../api/studies';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { armLabel, orMissing, waveLabel } from '../../format';

export interface ConsortRow {
  /** Stable key (the API's name), for tests and React keys. */
  key: string;
  label: string;
  value: (a: ArmCounts) => number | null;
}

/** The table's rows, in the order of the flow; "measured" gets one row per wave. */
export function consortRows(c: Consort): ConsortRow[] {
  return [
    { key: 'assessed', label: 'Assessed for the study', value: (a) => a.assessed },
    { key: 'declined', label: 'Declined', value: (a) => a.declined },
    { key: 'recruited', label: 'Recruited', value: (a) => a.recruited },
    { key: 'consented', label: 'Research consent stands', value: (a) => a.consented },
    { key: 'consent_withdrawn', label: 'Research consent withdrawn', value: (a) => a.consentWithdrawn },
    { key: 'withdrawn', label: 'Withdrawn from follow-up', value: (a) => a.withdrawn },
    ...c.waves.map((w) => ({ key: `measured.${w}`, label: `Measured at ${waveLabel(w).toLowerCase()}`, value: (a: ArmCounts) => a.measured[w] ?? null })),
    { key: 'analysed', label: 'Analysed (in the research data)', value: (a) => a.analysed },
  ];
}

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; data: Consort };

export function ConsortTable({ study }: { study: Study }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    consort(study.id).then(
      (data) => live && setLoad({ kind: 'ready', data }),
      (e: unknown) => live && setLoad({ kind: 'failed', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [study.id]);

  if (load.kind === 'loading') return <p class="loading">Counting…</p>;
  if (load.kind === 'failed') return <ErrorMessage error={load.error} />;
  const c = load.data;
  if (c.arms.length === 0) return <p>Nobody has been assessed for this study yet.</p>;
  return (
    <div class="table-scroll">
      <table class="table consort" data-testid="consort-table">
        <caption class="visually-hidden">Recruitment and retention by arm: {study.name}</caption>
        <thead>
          <tr>
            <th scope="col">People</th>
            {c.arms.map((a) => (
              <th scope="col" key={a.arm}>
                {armLabel(a.arm)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {consortRows(c).map((r) => (
            <tr key={r.key} data-count={r.key}>
              <th scope="row">{r.label}</th>
              {c.arms.map((a) => (
                <td key={a.arm} data-arm={a.arm} class="number">
                  {orMissing(r.value(a))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
