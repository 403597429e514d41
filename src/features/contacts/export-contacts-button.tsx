import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Campaign, ContactBucket } from '../../../contract/schemas';
import type { ContactFilters } from '../../../contract/extensions';
import { hasContactFilters } from '../../lib/contact-filters';
import { Button } from '../../components/button';
import { formatCount, formatNumber } from '../../lib/format';

type Progress = { done: number; total: number };

export function ExportContactsButton({
  campaign,
  status,
  filters,
}: {
  campaign: Campaign;
  status: ContactBucket | null;
  filters: ContactFilters;
}) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Progress | null>(null);
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
      // The CSV code loads only when someone exports.
      const { exportContacts } = await import('./export-contacts');
      const outcome = await exportContacts(queryClient, campaign, status, filters, {
        signal: controller.current.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      if (outcome !== 'cancelled') {
        const which = hasContactFilters(filters) ? ' matching the filters' : '';
        setDone(`Exported ${formatCount(outcome.count, 'contact')}${which} to ${outcome.file}.`);
      }
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
            Exporting {formatNumber(progress.done)} of {formatNumber(progress.total)}…
          </span>
          <Button onClick={() => controller.current?.abort()}>Cancel export</Button>
        </>
      ) : (
        <Button onClick={() => void start()}>
          {hasContactFilters(filters) ? 'Export filtered CSV' : 'Export CSV'}
        </Button>
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
