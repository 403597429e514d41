import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeContact, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';

const campaign = makeCampaign();
const contact = makeContact(campaign.id, {
  external_id: 'lead-7',
  status: 'completed',
  attempts: [
    {
      id: 'a1',
      contact_id: 'x',
      phone_number: '+14155550123',
      conversation_id: 'conv-1',
      started_at: '2026-11-22T10:00:00Z',
      ended_at: '2026-11-22T10:01:00Z',
      status: 'completed',
      result: null,
    },
  ],
});
const turn = (role: string, text: string, start: number, end: number) => ({
  role,
  text,
  at: new Date(Date.parse('2026-11-22T10:00:00Z') + start * 1000).toISOString(),
  start_seconds: start,
  end_seconds: end,
});
const conversation = {
  id: 'conv-1',
  started_at: '2026-11-22T10:00:00Z',
  ended_at: '2026-11-22T10:01:00Z',
  recording: { duration_seconds: 60, channels: 2 },
  transcript: [
    turn('agent', 'Hi Ada, this is Riley.', 10, 13),
    turn('contact', 'Oh hi, what is this about?', 20, 22),
    turn('agent', 'Thanks for your time, goodbye!', 50, 52),
  ],
  evaluations: [],
};

/** The demo's servers: a contact with one answered call, its conversation and its links. */
function serve(extensions = ['session', 'conversations', 'recordings']) {
  const links: string[] = [];
  let n = 0;
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id)),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts/:contactId`, () => HttpResponse.json(contact)),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
    http.get(`${API}/conversations/conv-1`, () => HttpResponse.json(conversation)),
    http.post(`${API}/campaign/conversations/conv-1/recording-link`, ({ request }) => {
      links.push(request.headers.get('Authorization') ?? '');
      n++;
      return HttpResponse.json({
        url: `${API}/campaign/recordings/conv-1?expires=${n}&signature=${'ab'.repeat(32)}`,
        expires_at: new Date(Date.now() + 600_000).toISOString(),
      });
    }),
  );
  return links;
}

let play: ReturnType<typeof vi.fn>;
beforeEach(() => {
  // jsdom has no media playback: play and pause only say so, as a browser's events would.
  play = vi.fn(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(play as never);
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (
    this: HTMLMediaElement,
  ) {
    this.dispatchEvent(new Event('pause'));
  });
});
afterEach(() => vi.restoreAllMocks());

async function openConversation() {
  const user = userEvent.setup();
  renderRoute(`/campaigns/${campaign.id}/contacts/${contact.id}`);
  await user.click(
    await screen.findByRole('button', { name: 'Open conversation' }, { timeout: 5000 }),
  );
  const dialog = within(await screen.findByRole('dialog', { name: 'Conversation' }));
  return { user, dialog, player: within(await dialog.findByRole('region', { name: 'Recording' })) };
}

const audioOf = () => document.querySelector('audio')!;
/** The media element reports playback at `t` seconds. */
function playAt(t: number) {
  const audio = audioOf();
  Object.defineProperty(audio, 'currentTime', { value: t, writable: true, configurable: true });
  fireEvent.timeUpdate(audio);
}

describe('Recording player', () => {
  it('plays from a signed link fetched on Play, follows the transcript and seeks by turn', async () => {
    const links = serve();
    const { user, player } = await openConversation();
    const turns = () => player.getAllByRole('button', { name: /^(agent|contact) / });
    // Nothing is asked for before Play.
    expect(links).toHaveLength(0);
    expect(audioOf()).not.toHaveAttribute('src');
    expect(player.getByRole('slider', { name: 'Position' })).toHaveAttribute(
      'aria-valuetext',
      '0:00 of 1:00',
    );

    await user.click(player.getByRole('button', { name: 'Play' }));
    expect(links).toEqual(['Bearer ak_test_manage']);
    const src = audioOf().getAttribute('src')!;
    expect(src).toMatch(/\/campaign\/recordings\/conv-1\?expires=1&signature=/);
    expect(src).not.toContain('ak_test');
    fireEvent.loadedMetadata(audioOf());
    expect(play).toHaveBeenCalled();
    expect(await player.findByRole('button', { name: 'Pause' })).toBeInTheDocument();

    // The current turn follows playback.
    playAt(11);
    expect(turns()[0]).toHaveAttribute('aria-current', 'true');
    playAt(25);
    expect(turns()[1]).toHaveAttribute('aria-current', 'true');
    expect(turns()[0]).not.toHaveAttribute('aria-current');
    expect(player.getByText('0:25 / 1:00')).toBeInTheDocument();

    // A click, or Enter, on a turn seeks there.
    await user.click(turns()[2]!);
    expect(audioOf().currentTime).toBe(50);
    expect(turns()[2]).toHaveAttribute('aria-current', 'true');
    turns()[0]!.focus();
    await user.keyboard('{Enter}');
    expect(audioOf().currentTime).toBe(10);

    await user.click(player.getByRole('button', { name: 'Forward 10 s' }));
    expect(audioOf().currentTime).toBe(20);
    await user.click(player.getByRole('button', { name: 'Back 10 s' }));
    await user.click(player.getByRole('button', { name: 'Back 10 s' }));
    expect(audioOf().currentTime).toBe(0);

    await user.selectOptions(player.getByRole('combobox', { name: 'Speed' }), '2×');
    expect(audioOf().playbackRate).toBe(2);
    await user.click(player.getByRole('button', { name: 'Pause' }));
    expect(player.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    // Still the one link: it is good for ten minutes.
    expect(links).toHaveLength(1);
  });

  it('asks for a new link when the media request fails (expired), and resumes where it was', async () => {
    const links = serve();
    const { user, player } = await openConversation();
    await user.click(player.getByRole('button', { name: 'Play' }));
    fireEvent.loadedMetadata(audioOf());
    playAt(30);
    fireEvent.error(audioOf());
    await vi.waitFor(() => expect(links).toHaveLength(2));
    await vi.waitFor(() => expect(audioOf().getAttribute('src')).toContain('expires=2'));
    fireEvent.loadedMetadata(audioOf());
    expect(audioOf().currentTime).toBe(30);
  });

  it('shows the plain transcript where the server offers no recordings', async () => {
    const links = serve(['session', 'conversations']);
    const user = userEvent.setup();
    renderRoute(`/campaigns/${campaign.id}/contacts/${contact.id}`);
    await user.click(
      await screen.findByRole('button', { name: 'Open conversation' }, { timeout: 5000 }),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'Conversation' }));
    expect(await dialog.findByRole('list', { name: 'Transcript' })).toBeInTheDocument();
    expect(dialog.queryByRole('region', { name: 'Recording' })).not.toBeInTheDocument();
    expect(dialog.queryByRole('button', { name: 'Play' })).not.toBeInTheDocument();
    expect(links).toHaveLength(0);
  });
});
