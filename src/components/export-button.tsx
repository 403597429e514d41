import { useEffect, useRef, useState } from 'react';
import { Button } from './button';
import { formatNumber } from '../lib/format';

export type ExportOutcome = { file: string; message: string } | 'cancelled';
export type ExportRun = (opts: {
  signal: AbortSignal;
  /** Rows fetched so far, and of how many when the server says (a cursor list does not). */
  onProgress: (done: number, total: number | null) => void;
}) => Promise<ExportOutcome>;

/**
 * One way to export a list as a file: a page at a time with progress, a Cancel button while it
 * runs, and what happened said where the button is. `run` loads its own code when called.
 */
export function ExportButton({ label, run }: { label: string; run: ExportRun }) {
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function start() {
    controller.current = new AbortController();
    setError(null);
    setDone(null);
    setProgress({ done: 0, total: 0 });
    try {
      const outcome = await run({
        signal: controller.current.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      if (outcome !== 'cancelled') setDone(outcome.message);
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {progress ? (
        <>
          <span className="text-sm tabular-nums" role="status">
            Exporting {formatNumber(progress.done)}
            {progress.total === null ? '' : ` of ${formatNumber(progress.total)}`}…
          </span>
          <Button onClick={() => controller.current?.abort()}>Cancel export</Button>
        </>
      ) : (
        <Button onClick={() => void start()}>{label}</Button>
      )}
      {done && (
        <p role="status" className="text-sm text-slate-700">
          {done}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
