import { ApiError } from '../../../api/client';
import { UPSERT_MAX, type ContactInput, type UpsertResult } from '../../../../contract/schemas';
import type { ImportRow } from './import-rows';

export type FailedRow = { line: number; reason: string; raw: Record<string, string> };

export type ImportReport = {
  /** Rows the file holds, and how many of them are settled: saved, skipped or failed. */
  total: number;
  done: number;
  /** Summed from the server's answers, as the activity log records each request. */
  inserted: number;
  updated: number;
  /** Rows the server's answer lists as failed: the activity log's "failed". */
  failed: FailedRow[];
  /**
   * Rows no answer of the server counts, each with why: found bad or duplicate before sending,
   * refused by a request that wrote nothing (422), or left in doubt by a lost answer.
   */
  skipped: FailedRow[];
  warnings: string[];
  /** Rows not sent yet, in file order; none of them is saved. Resuming sends exactly these. */
  unsent: ImportRow[];
  /** Why the import stopped before the end, if it did. */
  stopped: string | null;
  cancelled: boolean;
};

type Send = (contacts: ContactInput[]) => Promise<UpsertResult>;

/** Before anything is sent: the rows the browser found bad are skipped, the others wait. */
export function startReport(rows: ImportRow[]): ImportReport {
  const skipped = rows.flatMap((r) =>
    r.problem ? [{ line: r.line, reason: r.problem, raw: r.raw }] : [],
  );
  return {
    total: rows.length,
    done: skipped.length,
    inserted: 0,
    updated: 0,
    failed: [],
    skipped,
    warnings: [],
    unsent: rows.filter((r) => r.input !== null),
    stopped: null,
    cancelled: false,
  };
}

/** "contacts[3]…" in a server message becomes the row's own line ("line 1,204…"). */
function pointAtLine(message: string, rows: ImportRow[], unit: string): string {
  return message.replace(/^contacts\[(\d+)\]\.?/, (match, index: string) => {
    const row = rows[Number(index)];
    return row ? `${unit} ${row.line}: ` : match;
  });
}

const failure = (row: ImportRow, reason: string): FailedRow => ({
  line: row.line,
  reason,
  raw: row.raw,
});

/**
 * Sends the report's unsent rows in chunks of at most 1,000 (the API's limit), one after
 * another, and adds the answers to it; resuming is calling it again with the report it returned.
 * A chunk the server refuses for its rows is split and the good part sent again, so every good
 * row lands and every bad one is reported; any other error stops the import. A cancel (the
 * signal) stops it between requests, never during one, so the outcome of every sent row is known.
 */
export async function runImport(
  from: ImportReport,
  send: Send,
  opts: { signal: AbortSignal; unit: string; onProgress: (report: ImportReport) => void },
): Promise<ImportReport> {
  const report: ImportReport = {
    ...from,
    failed: [...from.failed],
    skipped: [...from.skipped],
    warnings: [...from.warnings],
    stopped: null,
    cancelled: false,
  };
  const queue: ImportRow[][] = [];
  for (let start = 0; start < from.unsent.length; start += UPSERT_MAX) {
    queue.push(from.unsent.slice(start, start + UPSERT_MAX));
  }
  const publish = () => {
    report.unsent = queue.flat();
    opts.onProgress({ ...report, failed: [...report.failed], skipped: [...report.skipped] });
  };

  while (queue.length > 0) {
    if (opts.signal.aborted) {
      report.cancelled = true;
      break;
    }
    const part = queue.shift()!;
    try {
      const result = await send(part.map((r) => r.input!));
      report.inserted += result.inserted;
      report.updated += result.updated;
      for (const f of result.failed) {
        const row = part[f.index];
        if (row) report.failed.push(failure(row, f.reason));
      }
      for (const w of result.warnings) {
        report.warnings.push(
          typeof w === 'string'
            ? pointAtLine(w, part, opts.unit)
            : // A row's (ext) warning (its number suppressed, its zone unknown) says it in `message`.
              typeof w.message === 'string'
              ? pointAtLine(w.message, part, opts.unit)
              : JSON.stringify(w),
        );
      }
      report.done += part.length;
    } catch (error) {
      const retry = rowRejections(error, part, report);
      if (retry) queue.unshift(...retry);
      else {
        const resend = stop(report, error, part, opts.unit);
        if (resend.length > 0) queue.unshift(resend);
        break;
      }
    }
    publish();
  }
  report.failed.sort((a, b) => a.line - b.line);
  report.skipped.sort((a, b) => a.line - b.line);
  publish();
  return report;
}

/**
 * A 422 (or a 413, too big) refuses rows, and writes nothing. Rows the 422 names are skipped with its
 * reasons and the rest is sent again; when it names none, the part is halved until the refused
 * rows stand alone. Returns the parts to send instead, or null when the error is not about rows.
 */
function rowRejections(
  error: unknown,
  part: ImportRow[],
  report: ImportReport,
): ImportRow[][] | null {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 413)) return null;
  const reasons = new Map<number, string[]>();
  for (const issue of Array.isArray(error.detail) ? error.detail : []) {
    const [where, field, index, ...path] = issue.loc;
    if (where !== 'body' || field !== 'contacts' || !part[Number(index)]) continue;
    const reason = path.length ? `${path.join('.')}: ${issue.msg}` : issue.msg;
    reasons.set(Number(index), [...(reasons.get(Number(index)) ?? []), reason]);
  }
  if (reasons.size === 0 && part.length > 1) {
    const half = Math.ceil(part.length / 2);
    return [part.slice(0, half), part.slice(half)];
  }
  if (reasons.size === 0) reasons.set(0, [error.message]);
  for (const [index, why] of reasons) report.skipped.push(failure(part[index]!, why.join('; ')));
  report.done += reasons.size;
  const rest = part.filter((_, i) => !reasons.has(i));
  return rest.length > 0 ? [rest] : [];
}

/**
 * Says why the import stopped, and returns the rows of `part` to send on resume. A refusal
 * (400, 401, 403, 429…) wrote nothing, so all of them. A lost answer (no response, a 5xx, a
 * response that breaks the contract) may follow a write: rows with an id or external ID are
 * sent again, which updates them; the others are skipped, since sending them again could add
 * them twice.
 */
function stop(report: ImportReport, error: unknown, part: ImportRow[], unit: string): ImportRow[] {
  const message = error instanceof Error ? error.message : String(error);
  report.stopped = `The import stopped at ${unit} ${part[0]!.line}: ${message}`;
  const status = error instanceof ApiError ? error.status : 0;
  const refused = status >= 400 && status < 500;
  if (refused) return part;
  const resendable: ImportRow[] = [];
  for (const row of part) {
    if (row.input!.id || row.input!.external_id) resendable.push(row);
    else {
      const reason = `May have been saved: the server's answer was lost (${message}). It has no external ID to match it by, so check the campaign before importing it again.`;
      report.skipped.push(failure(row, reason));
      report.done += 1;
    }
  }
  return resendable;
}
