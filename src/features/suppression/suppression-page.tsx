import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Suppression,
  SuppressionPage as SuppressionPageData,
} from '../../../contract/extensions';
import { SUPPRESSIONS_ADD_MAX } from '../../../contract/extensions';
import { useExtension, usePermission } from '../../api/session';
import {
  suppressionQueries,
  useAddSuppressions,
  useRemoveSuppression,
} from '../../api/suppressions';
import { Button } from '../../components/button';
import { cellClass, headClass } from '../../components/data-table/table-classes';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { Field, inputClass } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { showToast } from '../../components/toaster';
import { downloadCsv } from '../../lib/csv-download';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useDebouncedParam } from '../../lib/use-debounced-param';
import { readSuppressionCsv, typedNumbers } from './suppression-csv';

const SOURCES: Record<string, string> = {
  manual: 'Typed in',
  import: 'From a file',
  conversation: 'Asked in a call',
};

/** Adds numbers typed one per line, with one reason for all. */
function AddNumbers() {
  const [numbers, setNumbers] = useState('');
  const [reason, setReason] = useState('');
  const add = useAddSuppressions();
  const entries = typedNumbers(numbers, reason.trim());
  return (
    <form
      aria-label="Add numbers"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          { entries },
          {
            onSuccess: (r) => {
              showToast(
                `Added ${formatNumber(r.added)} (${formatNumber(r.unchanged)} already listed); ${formatNumber(r.contacts_suppressed)} contacts will not be called.`,
                'success',
              );
              setNumbers('');
              setReason('');
            },
          },
        );
      }}
    >
      <h2 className="text-base font-semibold">Add numbers</h2>
      <Field label="Numbers" hint="One per line, e.g. +14155550123 or (415) 555-0123.">
        <textarea
          className={inputClass}
          rows={3}
          value={numbers}
          onChange={(e) => setNumbers(e.target.value)}
        />
      </Field>
      <Field label="Reason">
        <input
          className={inputClass}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {add.isError && (
        <p role="alert" className="text-sm text-red-800">
          {add.error.message}
        </p>
      )}
      <Button
        type="submit"
        variant="primary"
        disabled={add.isPending || entries.length === 0 || entries.length > SUPPRESSIONS_ADD_MAX}
      >
        Add {entries.length === 1 ? 'number' : `${formatNumber(entries.length)} numbers`}
      </Button>
    </form>
  );
}

/** A CSV file's numbers, sent 1,000 at a time. */
function UploadCsv() {
  const add = useAddSuppressions();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium">
        Upload a CSV file
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            const entries = await readSuppressionCsv(file);
            let added = 0;
            try {
              for (let i = 0; i < entries.length; i += SUPPRESSIONS_ADD_MAX) {
                const r = await add.mutateAsync({
                  entries: entries.slice(i, i + SUPPRESSIONS_ADD_MAX),
                });
                added += r.added;
              }
              setStatus(
                `Added ${formatNumber(added)} of ${formatNumber(entries.length)} numbers from ${file.name}.`,
              );
            } catch {
              setStatus(
                `Stopped after ${formatNumber(added)} numbers: ${add.error?.message ?? 'the server refused the file'}`,
              );
            }
            if (input.current) input.current.value = '';
          }}
        />
      </label>
      <p role="status" className="text-sm text-slate-700">
        {status}
      </p>
    </div>
  );
}

/** Every number of the list (or of the search), fetched page by page, as a CSV file. */
function DownloadCsv({ search }: { search: string }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const all: Suppression[] = [];
          let cursor: string | null = null;
          do {
            const page: SuppressionPageData = await queryClient.fetchQuery(
              suppressionQueries.page(search, cursor),
            );
            all.push(...page.suppressions);
            cursor = page.next_cursor;
          } while (cursor);
          downloadCsv(
            'suppression-list.csv',
            ['phone_number', 'reason', 'source', 'added_by', 'added_at'],
            all.map((e) => [e.phone_number, e.reason, e.source, e.added_by, e.added_at]),
          );
        } catch (error) {
          showToast(`Could not download the list: ${(error as Error).message}`);
        } finally {
          setBusy(false);
        }
      }}
    >
      Download CSV
    </Button>
  );
}

function RemoveButton({ entry }: { entry: Suppression }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const remove = useRemoveSuppression();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      title={`Call ${entry.phone_number} again?`}
      description="Its contacts lose their do-not-call flag; they stay where they are until called again. The removal and its reason are kept in the activity log."
      trigger={<Button aria-label={`Remove ${entry.phone_number}`}>Remove</Button>}
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate(
            { phone: entry.phone_number, reason: reason.trim() },
            {
              onSuccess: () => {
                showToast(`${entry.phone_number} may be called again.`, 'success');
                setOpen(false);
              },
            },
          );
        }}
      >
        <Field label="Why may it be called again?">
          <input
            className={inputClass}
            value={reason}
            maxLength={200}
            required
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        {remove.isError && (
          <p role="alert" className="text-sm text-red-800">
            {remove.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={() => setOpen(false)}>
            Keep it listed
          </Button>
          <Button type="submit" variant="danger" disabled={remove.isPending || !reason.trim()}>
            Remove from the list
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SuppressionTable({ search, canManage }: { search: string; canManage: boolean }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1)!;
  const page = useQuery(suppressionQueries.page(search, cursor));
  if (page.isPending) return <p className="text-slate-500">Loading the list…</p>;
  if (page.isError)
    return (
      <ErrorState
        title="Could not load the list"
        error={page.error}
        onRetry={() => page.refetch()}
      />
    );
  const { suppressions, total, next_cursor } = page.data;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Suppressed numbers</caption>
          <thead>
            <tr>
              {['Number', 'Reason', 'From', 'Added by', 'Added'].map((h) => (
                <th key={h} className={headClass}>
                  {h}
                </th>
              ))}
              {canManage && (
                <th className={headClass}>
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {suppressions.map((e) => (
              <tr key={e.phone_number} className="border-t border-slate-200">
                <td className={`${cellClass} font-mono text-xs`}>{e.phone_number}</td>
                <td className={`${cellClass} wrap-anywhere`}>{e.reason || '—'}</td>
                <td className={cellClass}>{SOURCES[e.source] ?? e.source}</td>
                <td className={`${cellClass} wrap-anywhere`}>{e.added_by}</td>
                <td className={cellClass}>
                  <time dateTime={e.added_at}>{formatDateTime(e.added_at)}</time>
                </td>
                {canManage && (
                  <td className={cellClass}>
                    <RemoveButton entry={e} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {suppressions.length === 0 && (
          <p className="p-4 text-sm text-slate-600">
            {search ? 'No number matches the search.' : 'No number is on the list.'}
          </p>
        )}
      </div>
      <div className="flex items-center gap-2 text-sm">
        <span>{formatNumber(total)} numbers</span>
        {cursors.length > 1 && (
          <Button onClick={() => setCursors(cursors.slice(0, -1))}>Previous page</Button>
        )}
        {next_cursor && (
          <Button onClick={() => setCursors([...cursors, next_cursor])}>Next page</Button>
        )}
      </div>
    </div>
  );
}

/** (ext) suppression: the org's do-not-call numbers, who added each and from where. */
export function SuppressionPage() {
  const offered = useExtension('suppression');
  const canManage = usePermission('campaigns:manage').allowed;
  const [search, setSearch] = useDebouncedParam('search');
  return (
    <div className="space-y-4">
      <PageHeading title={['Suppression list']}>Suppression list</PageHeading>
      {!offered ? (
        <p className="text-slate-700">This server does not keep a suppression list.</p>
      ) : (
        <>
          <p className="max-w-2xl text-sm text-slate-700">
            Numbers that are never called, in any campaign. A contact holding one is skipped and
            counted as suppressed; numbers are added here, from a file, or when a call’s evaluation
            says the person asked not to be called again.
          </p>
          {canManage && (
            <div className="grid gap-4 lg:grid-cols-2">
              <AddNumbers />
              <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
                <h2 className="text-base font-semibold">From a file</h2>
                <UploadCsv />
              </div>
            </div>
          )}
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm font-medium">
              Search
              <input
                type="search"
                value={search}
                maxLength={200}
                onChange={(e) => setSearch(e.target.value)}
                placeholder="Number, reason or who added it"
                className="mt-1 block w-72 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
              />
            </label>
            <DownloadCsv search={search.trim()} />
          </div>
          <SuppressionTable key={search.trim()} search={search.trim()} canManage={canManage} />
        </>
      )}
    </div>
  );
}
