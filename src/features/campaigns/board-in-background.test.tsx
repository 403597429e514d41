import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { BatchStats } from '../../../contract/extensions';
import type { Configuration } from '../../../contract/schemas';
import { recordCommits, statesOf } from '../../test/commits';
import { makeCampaign, makeStats } from '../../test/fixtures';
import { CampaignTable } from './campaign-table';
import type { LiveBoard } from './use-live-board';

const campaign = makeCampaign({ status: 'active' });
const campaigns = [campaign];
const configurations = new Map<string, Configuration>();

function board(answerRate: number): LiveBoard {
  const stats: BatchStats = {
    ...makeStats(campaign.id),
    answer_rate: answerRate,
    finishes_at: null,
  };
  return {
    offered: true,
    shown: true,
    firstAnswerPending: false,
    byId: new Map([[campaign.id, stats]]),
    query: {} as LiveBoard['query'],
    visible: true,
    live: true,
  };
}

describe('the live board', () => {
  it("renders a poll's numbers in a background pass, after a commit that keeps the last ones", async () => {
    let answer = 41.5;
    const shown = () =>
      screen.queryByText('77.7%') ? '77.7' : screen.queryByText('41.5%') ? '41.5' : 'none';
    const { seen, Recorder } = recordCommits(() => `answer ${answer}, shows ${shown()}`);
    const table = () => (
      <MemoryRouter>
        <Recorder>
          <CampaignTable
            campaigns={campaigns}
            loading={false}
            boardExpected
            configurations={configurations}
            board={board(answer)}
            sort={null}
            onSort={() => {}}
          />
        </Recorder>
      </MemoryRouter>
    );
    const { rerender } = render(table());
    answer = 77.7;
    rerender(table());
    expect(await screen.findByText('77.7%')).toBeInTheDocument();
    expect(statesOf(seen)).toEqual([
      'answer 41.5, shows 41.5',
      'answer 77.7, shows 41.5',
      'answer 77.7, shows 77.7',
    ]);
  });
});
