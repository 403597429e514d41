import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Campaign } from '../../../../contract/schemas';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/error-state';
import { inputClass } from '../../../components/field';
import { fileSlug } from '../../../lib/csv-download';
import { formatCount } from '../../../lib/format';
import { CsvDropZone } from './csv-drop-zone';
import { CsvMappingForm } from './csv-mapping-form';
import { guessMapping, mapCsvRows, parseCsv, type CsvMapping, type CsvTable } from './csv-import';
import { ImportPreview } from './import-preview';
import { ImportProgress } from './import-progress';
import { ImportReportView } from './import-report-view';
import { SkippedSummary } from '../../../entities/contact/skipped-summary';
import {
  checkRows,
  markDuplicates,
  parseJsonContacts,
  phoneCheck,
  sharedNumbers,
  type ImportRow,
} from './import-rows';
import { runImport, startReport, type ImportReport } from './run-import';
import { useContactUpload } from '../../../api/contacts';
import { useCountryCode } from './use-country-code';

// FileReader rather than Blob.text(): the same in every browser and in the test DOM.
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsText(file);
  });
}

type Source =
  | { kind: 'csv'; name: string; table: CsvTable; mapping: CsvMapping }
  | { kind: 'json'; rows: ImportRow[] };

/** Choose a CSV file or paste JSON, map and preview, upload in chunks, then the report. */
export default function ImportWizard({
  campaign,
  onClose,
  cancelLabel = 'Cancel',
  doneLabel = 'Done',
  back,
}: {
  campaign: Campaign;
  onClose: () => void;
  /** The new-campaign flow's words for leaving: "Skip import", "Continue". */
  cancelLabel?: string;
  doneLabel?: string;
  /** A Back button of the flow around it, first in the row of buttons. */
  back?: ReactNode;
}) {
  const [mode, setMode] = useState<'csv' | 'json'>('csv');
  const [source, setSource] = useState<Source | null>(null);
  const [json, setJson] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const { send, refresh } = useContactUpload(campaign.id);
  const country = useCountryCode(campaign);

  // Leaving the dialog mid-import stops it after the request under way; what landed stays.
  useEffect(() => () => controller.current?.abort(), []);

  const candidates = useMemo(
    () =>
      source?.kind === 'csv' ? mapCsvRows(source.table, source.mapping) : (source?.rows ?? []),
    [source],
  );
  const checkPhone = useMemo(
    () => (country.code === null ? null : phoneCheck(country.code)),
    [country.code],
  );
  const unit = source?.kind === 'json' ? 'item' : 'line';
  const rows = useMemo(
    () => (checkPhone ? markDuplicates(checkRows(candidates, checkPhone), unit) : []),
    [candidates, checkPhone, unit],
  );
  const shared = useMemo(
    () => (checkPhone ? sharedNumbers(rows, checkPhone) : []),
    [rows, checkPhone],
  );
  const sendable = rows.filter((r) => r.input).length;

  async function readFile(file: File) {
    setParseError(null);
    let table: CsvTable;
    try {
      table = parseCsv(await readText(file));
    } catch (e) {
      setParseError((e as Error).message);
      return;
    }
    if (table.headers.length === 0 || table.rows.length === 0) {
      setParseError(`${file.name} has no rows under a header line.`);
      return;
    }
    setSource({ kind: 'csv', name: file.name, table, mapping: guessMapping(table.headers) });
  }

  function readJson() {
    const parsed = parseJsonContacts(json);
    if ('error' in parsed) setParseError(parsed.error);
    else {
      setParseError(null);
      setSource({ kind: 'json', rows: parsed.rows });
    }
  }

  async function run(from: ImportReport) {
    controller.current = new AbortController();
    setReport(from);
    setRunning(true);
    const final = await runImport(from, send, {
      signal: controller.current.signal,
      unit,
      onProgress: setReport,
    });
    refresh();
    setReport(final);
    setRunning(false);
  }

  if (report) {
    return (
      <div className="space-y-4">
        {running && <ImportProgress report={report} />}
        <ImportReportView
          report={report}
          unit={unit}
          filename={`${fileSlug(campaign.name)}-failed-rows.csv`}
          running={running}
        />
        {/* (ext) who of the campaign will not be called, the imported rows among them. */}
        {!running && <SkippedSummary campaignId={campaign.id} />}
        <div className="flex justify-end gap-2">
          {running ? (
            <Button onClick={() => controller.current?.abort()}>Cancel import</Button>
          ) : (
            <>
              {back && <div className="mr-auto">{back}</div>}
              {report.unsent.length > 0 && (
                <Button onClick={() => void run(report)}>Resume import</Button>
              )}
              <Button
                onClick={() => {
                  setReport(null);
                  setSource(null);
                }}
              >
                Import another
              </Button>
              <Button variant="primary" onClick={onClose}>
                {doneLabel}
              </Button>
            </>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div role="radiogroup" aria-label="Source" className="flex gap-4 text-sm">
        {(['csv', 'json'] as const).map((m) => (
          <label key={m} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="import-source"
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setSource(null);
                setParseError(null);
              }}
            />
            {m === 'csv' ? 'Upload a CSV file' : 'Paste contacts'}
          </label>
        ))}
      </div>
      {mode === 'csv' ? (
        <CsvDropZone
          chosen={source?.kind === 'csv' ? source.name : null}
          onFile={(file) => void readFile(file)}
        />
      ) : (
        <div className="space-y-2">
          <label className="block text-sm font-medium">
            Contacts as JSON
            <textarea
              className={`${inputClass} h-32 font-mono`}
              value={json}
              placeholder='[{ "external_id": "lead-1", "phone_numbers": ["+14155550123"], "data": { "first_name": "Ada" } }]'
              onChange={(e) => setJson(e.target.value)}
            />
          </label>
          <Button onClick={readJson} disabled={!json.trim()}>
            Check the pasted contacts
          </Button>
        </div>
      )}
      {parseError && (
        <p role="alert" className="text-sm text-red-800">
          {parseError}
        </p>
      )}
      {source?.kind === 'csv' && (
        <CsvMappingForm
          headers={source.table.headers}
          mapping={source.mapping}
          onChange={(mapping) => setSource({ ...source, mapping })}
        />
      )}
      {source &&
        (country.code ? (
          <ImportPreview rows={rows} shared={shared} unit={unit} countryCode={country.code} />
        ) : country.error ? (
          <ErrorState
            title="Could not read the campaign's configuration"
            error={country.error}
            onRetry={country.retry}
          />
        ) : (
          <p className="text-sm text-slate-600">
            Reading the configuration&apos;s default country code…
          </p>
        ))}
      <div className="flex justify-end gap-2">
        {back && <div className="mr-auto">{back}</div>}
        <Button onClick={onClose}>{cancelLabel}</Button>
        <Button
          variant="primary"
          disabled={!source || sendable === 0}
          onClick={() => void run(startReport(rows))}
        >
          {source && country.code ? `Import ${formatCount(sendable, 'contact')}` : 'Import'}
        </Button>
      </div>
    </div>
  );
}
