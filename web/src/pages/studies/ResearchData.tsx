// web/src/pages/studies/ResearchData.tsx: a study's research data (docs/exports.md): a link to
// the analysis dataset CSV (with age), and for each export format a "Prepare … export" button
// that asks the server for the export's manifest (one audited export per press) and then lists
// its files as download links with their sizes. The result is announced; errors are shown
// next to the button that failed.
import { useState } from 'preact/hooks';
import {
  datasetUrl, EXPORT_FORMATS, prepareExport, serverUrl,
  type ExportFormat, type ExportManifest, type Study,
} from '../../api/studies';
import { useAnnounce } from '../../components/Announcer';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { humanSize } from '../../format';

export const FORMAT_NAMES: Record<ExportFormat, string> = {
  redcap: 'REDCap',
  long: 'long CSV',
  stata: 'Stata',
  spss: 'SPSS',
  graphml: 'network maps (GraphML)',
};

const FORMAT_HINTS: Record<ExportFormat, string> = {
  redcap: 'Flat CSV with its data dictionary and instrument designation, ready for a longitudinal REDCap project.',
  long: 'One row per value (record, wave, variable, value), with a codebook.',
  stata: 'A .dta file (Stata 14 or later), one row per participant and wave, with variable and value labels, and a codebook.',
  spss: 'A .sav file, one row per participant and wave, with variable and value labels, and a codebook.',
  graphml: 'Each network map snapshot as GraphML and as Network Canvas-style node and edge CSV files.',
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What the page and the announcer say once an export is ready. */
export function manifestSummary(m: ExportManifest, name: string): string {
  const parts: string[] = [];
  if (m.records !== null) parts.push(plural(m.records, 'participant', 'participants'));
  if (m.rows !== null) parts.push(plural(m.rows, 'row', 'rows'));
  parts.push(plural(m.files.length, 'file', 'files'));
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} export ready: ${parts.join(', ')}.`;
}

type State = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'failed'; error: string } | { kind: 'ready'; manifest: ExportManifest };

function ExportItem({ study, format }: { study: Study; format: ExportFormat }) {
  const announce = useAnnounce();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const name = FORMAT_NAMES[format];
  const hintId = `export-${study.id}-${format}-hint`;
  const prepare = (): void => {
    setState({ kind: 'preparing' });
    prepareExport(study.id, format).then(
      (manifest) => {
        setState({ kind: 'ready', manifest });
        announce(manifestSummary(manifest, name));
      },
      (e: unknown) => setState({ kind: 'failed', error: `The ${name} export could not be prepared: ${errorText(e)}` }),
    );
  };
  return (
    <li class="export" data-format={format}>
      <button type="button" class="button button-secondary" aria-describedby={hintId} disabled={state.kind === 'preparing'} onClick={prepare}>
        {state.kind === 'preparing' ? `Preparing ${name} export…` : `Prepare ${name} export`}
      </button>
      <p class="hint" id={hintId}>
        {FORMAT_HINTS[format]}
      </p>
      <ErrorMessage error={state.kind === 'failed' ? state.error : null} />
      {state.kind === 'ready' ? (
        <div class="export-files">
          <p>{manifestSummary(state.manifest, name)}</p>
          {state.manifest.files.length > 0 ? (
            <ul aria-label={`Files of the ${name} export`}>
              {state.manifest.files.map((f) => (
                <li key={f.name}>
                  <a href={serverUrl(f.href)} download={f.name}>
                    {f.name}
                  </a>{' '}
                  <span class="file-size">({humanSize(f.size)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function ResearchData({ study }: { study: Study }) {
  return (
    <>
      <h3>Research data</h3>
      <p class="message message-info" data-testid="export-notice">
        Research data contain only participants whose research consent stands. They are pseudonymised: each person is a
        study code, with no names, contact details, dates of birth, postcodes or free text. Downloading the dataset,
        preparing an export and downloading each of its files are each recorded in the audit log.
      </p>
      <p>
        <a href={datasetUrl(study.id)} download>
          Download the analysis dataset (CSV, with age)
        </a>
      </p>
      <ul class="exports">
        {EXPORT_FORMATS.map((f) => (
          <ExportItem key={f} study={study} format={f} />
        ))}
      </ul>
    </>
  );
}
