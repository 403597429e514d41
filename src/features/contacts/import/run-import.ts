import { ApiError } from '../../../api/client';
import { UPSERT_MAX, type ContactInput, type UpsertResult } from '../../../../contract/schemas';
import type { ImportRow } from './import-rows';

export type FailedRow = { line: number; reason: string; raw: Record<string, string> };

export type ImportReport = {
  /** Rows the file holds, and how many of them reached the server and were answered. */
  total: number;
  done: number;
  inserted: number;
  updated: number;
  failed: FailedRow[];
  warnings: string[];
  /** Why the import stopped before the end, if it did. */
  stopped: string | null;
  cancelled: boolean;
};

type Send = (contacts: ContactInput[], signal: AbortSignal) => Promise<UpsertResult>;

/** "contacts[3]…" in a server message becomes the row's own line ("line 1,204…"). */
function pointAtLine(message: string, rows: ImportRow[], unit: string): string {
  return message.replace(/^contacts\[(\d+)\]\.?/, (match, index: string) => {
    const row = rows[Number(index)];
    return row ? `${unit} ${row.line}: ` : match;
  });
}

/**
 * Sends the rows in chunks of at most 1,000 (the API's limit), one after another, and sums
 * the answers. A rejected chunk (422) names its offending rows and stops the import before
 * the next chunk, keeping what already landed; so does any other error or a cancel.
 */
export async function runImport(
  rows: ImportRow[],
  send: Send,
  opts: { signal: AbortSignal; unit: string; onProgress: (report: ImportReport) => void },
): Promise<ImportReport> {
  const report: ImportReport = {
    total: rows.length,
    done: 0,
    inserted: 0,
    updated: 0,
    failed: [],
    warnings: [],
    stopped: null,
    cancelled: false,
  };
  const publish = () => opts.onProgress({ ...report, failed: [...report.failed] });
  for (const row of rows) {
    if (row.problem) report.failed.push({ line: row.line, reason: row.problem, raw: row.raw });
  }
  const sendable = rows.filter((r) => r.input !== null);
  report.done = rows.length - sendable.length;
  publish();

  for (let start = 0; start < sendable.length; start += UPSERT_MAX) {
    if (opts.signal.aborted) {
      report.cancelled = true;
      break;
    }
    const chunk = sendable.slice(start, start + UPSERT_MAX);
    try {
      const result = await send(
        chunk.map((r) => r.input!),
        opts.signal,
      );
      report.inserted += result.inserted;
      report.updated += result.updated;
      for (const f of result.failed) {
        const row = chunk[f.index];
        if (row) report.failed.push({ line: row.line, reason: f.reason, raw: row.raw });
      }
      for (const w of result.warnings) {
        report.warnings.push(
          typeof w === 'string' ? pointAtLine(w, chunk, opts.unit) : JSON.stringify(w),
        );
      }
      report.done += chunk.length;
      publish();
    } catch (error) {
      if (opts.signal.aborted) {
        report.cancelled = true;
        break;
      }
      stopOnError(report, error, chunk, opts.unit);
      break;
    }
  }
  report.failed.sort((a, b) => a.line - b.line);
  publish();
  return report;
}

function stopOnError(report: ImportReport, error: unknown, chunk: ImportRow[], unit: string) {
  const first = chunk[0]!.line;
  const last = chunk[chunk.length - 1]!.line;
  if (error instanceof ApiError && error.status === 422 && Array.isArray(error.detail)) {
    const lines: number[] = [];
    for (const issue of error.detail) {
      const [where, field, index, ...rest] = issue.loc;
      const row = where === 'body' && field === 'contacts' ? chunk[Number(index)] : undefined;
      if (!row) continue;
      lines.push(row.line);
      const path = rest.length ? `${rest.join('.')}: ` : '';
      report.failed.push({ line: row.line, reason: `${path}${issue.msg}`, raw: row.raw });
    }
    const named = lines.length ? ` (${unit} ${[...new Set(lines)].join(', ')})` : '';
    report.stopped = `The server rejected ${unit}s ${first}–${last}${named}, so nothing of that batch was saved and the import stopped there. Fix the rows and import the file again: rows already imported are updated, not duplicated.`;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  report.stopped = `The import stopped at ${unit} ${first}: ${message}`;
}
