import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { useExtension, useSessionPending } from '../../api/session';
import { configurationQueries } from '../../api/configurations';
import { Button } from '../../components/button';
import { sumUnshown, UnshownItems } from '../../components/unshown-items';
import { formatCount } from '../../lib/format';
import { CampaignFilters } from './campaign-filters';
import { BoardLiveness } from './board-liveness';
import { BoardTotals } from './board-totals';
import { CampaignTable } from './campaign-table';
import { NewCampaignButton, useNewCampaign } from './new-campaign-button';
import { readBoardSort, type BoardSort } from './sort-campaigns';
import { useCampaignFilters } from './use-campaign-filters';
import { useLiveBoard } from './use-live-board';
import { useFiringByCampaign } from '../../entities/alert/firing-alerts';
import { useLatestPauses } from '../../entities/campaign/paused-by';
import { PageHeading } from '../../components/page-heading';
import { useDeferredPending } from '../../lib/first-paint';

export function CampaignsPage() {
  const finishedOffered = useExtension('finished');
  // A server without the extension would ignore the filter and show every campaign as if filtered.
  const [filters, setFilters] = useCampaignFilters({ finishedOffered });
  const list = useInfiniteQuery(campaignQueries.list(filters));
  const configurations = useQuery(configurationQueries.list());
  // Kept the same between answers, so the board's memoized rows see no change where none was.
  const campaigns = useMemo(() => list.data?.pages.flatMap((p) => p.campaigns) ?? [], [list.data]);
  const filtered =
    filters.name !== '' || filters.status.length > 0 || filters.finished !== undefined;
  const configurationsById = useMemo(
    () => new Map((configurations.data ?? []).map((c) => [c.id, c])),
    [configurations.data],
  );
  const board = useLiveBoard(campaigns);
  const firing = useFiringByCampaign();
  // Who paused each paused campaign: one request for the page, asked once one is on screen.
  const pauses = useLatestPauses(campaigns.some((c) => c.status === 'paused'));
  const sessionPending = useSessionPending();
  // Rows wait for the session (it decides which columns show), the board's first numbers and
  // the configurations (names, and the calling windows the reason chips read): any of them
  // arriving later would widen a column under the reader's eyes.
  const rowsPending = useDeferredPending(
    list.isPending || sessionPending || board.firstAnswerPending || configurations.isPending,
  );
  const [params, setParams] = useSearchParams();
  const newCampaign = useNewCampaign();
  // The order lives in the URL with the filters (`?sort=progress&order=desc`).
  const sort = readBoardSort(params);
  const setSort = (next: BoardSort | null) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.delete('sort');
        out.delete('order');
        if (next) {
          out.set('sort', next.key);
          out.set('order', next.descending ? 'desc' : 'asc');
        }
        return out;
      },
      { replace: true },
    );

  return (
    <section className="space-y-5">
      {/* Top-aligned: the heading stays where the page sent it when the buttons wrap on a phone. */}
      <div className="flex items-start justify-between gap-4">
        <PageHeading title={['Campaigns']}>Campaigns</PageHeading>
        <div className="flex flex-wrap items-center justify-end gap-3">
          <Link to="/contacts" className="text-sm text-indigo-700 underline">
            Contacts without a campaign
          </Link>
          <NewCampaignButton onOpen={newCampaign.show} />
        </div>
      </div>
      {newCampaign.dialog}
      <CampaignFilters
        filters={filters}
        onChange={setFilters}
        finishedOffered={finishedOffered}
        finishedPending={sessionPending}
      />
      {/* Says what a filter change did, once the list has answered. */}
      <p role="status" className="sr-only">
        {list.isPending
          ? ''
          : filtered && campaigns.length === 0
            ? 'No campaigns match these filters.'
            : filtered
              ? `${formatCount(campaigns.length, 'campaign')} match these filters.`
              : ''}
      </p>
      <UnshownItems unshown={sumUnshown(list.data?.pages)} noun="campaign" />
      <CampaignTable
        campaigns={campaigns}
        loading={rowsPending}
        boardExpected={board.offered || sessionPending}
        configurations={configurationsById}
        board={board}
        sort={sort}
        onSort={setSort}
        firing={firing}
        pauses={pauses}
        answered={!list.isPending}
        failure={
          list.isError && !list.data
            ? {
                title: 'Could not load campaigns',
                error: list.error,
                onRetry: () => list.refetch(),
              }
            : null
        }
        empty={
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
            {filtered ? (
              <p className="text-slate-700">No campaigns match these filters.</p>
            ) : (
              <>
                <p className="font-medium">No campaigns yet</p>
                <p className="mt-1 text-sm text-slate-600">
                  Create your first campaign to start calling your contacts.
                </p>
                <div className="mt-4">
                  <NewCampaignButton label="Create your first campaign" onOpen={newCampaign.show} />
                </div>
              </>
            )}
          </div>
        }
        // Its line is kept while the session says whether there is a board at all.
        toolbar={(board.offered || sessionPending) && <BoardLiveness board={board} />}
        footer={
          // Shown with the rows it counts: below a skeleton it would be pushed down.
          list.data &&
          !rowsPending && (
            <div className="flex flex-wrap items-center gap-4 text-sm text-slate-600">
              <span>Showing {formatCount(campaigns.length, 'campaign')}</span>
              {board.shown && <BoardTotals campaigns={campaigns} byId={board.byId} />}
              {list.hasNextPage && (
                <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                  {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </Button>
              )}
              {list.isFetchNextPageError && (
                <span role="alert" className="text-red-800">
                  Could not load more: {list.error?.message}
                </span>
              )}
            </div>
          )
        }
      />
    </section>
  );
}
