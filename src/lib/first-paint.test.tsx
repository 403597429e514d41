import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComponentType } from 'react';
import { render, screen } from '@testing-library/react';
import { lazyPage, PageSuspense, useDeferredPending } from './first-paint';

type Global = { IS_REACT_ACT_ENVIRONMENT?: boolean };

/** Lets React's scheduler (setImmediate here) run its tasks, a few at most. */
async function settle(done: () => boolean) {
  for (let task = 0; task < 50 && !done(); task++)
    await new Promise((resolve) => setImmediate(resolve));
}

describe('PageSuspense', () => {
  // React commits at once inside act(), so this test renders as a browser does, outside it.
  // Timers are frozen: React holds a boundary's own reveal on a timer, and that must not be
  // what shows the page.
  beforeEach(() => {
    (globalThis as Global).IS_REACT_ACT_ENVIRONMENT = false;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    (globalThis as Global).IS_REACT_ACT_ENVIRONMENT = true;
  });

  it('shows a page as soon as its code arrives, without the hold React puts on a reveal', async () => {
    let arrive = () => {};
    const code = new Promise<ComponentType>((resolve) => {
      arrive = () => resolve(() => <h1>Campaigns</h1>);
    });
    const Page = lazyPage(() => code);
    render(
      <PageSuspense fallback={<p>Loading…</p>}>
        <Page />
      </PageSuspense>,
    );
    await settle(() => screen.queryByText('Loading…') !== null);
    expect(screen.getByText('Loading…')).toBeInTheDocument();

    arrive();
    const page = () => screen.queryByRole('heading', { name: 'Campaigns' });
    await settle(() => page() !== null);
    expect(page()).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});

function Page({ pending, seen }: { pending: boolean; seen: boolean[] }) {
  const shownPending = useDeferredPending(pending);
  seen.push(shownPending);
  return <p>{shownPending ? 'Loading…' : 'Content'}</p>;
}

describe('useDeferredPending', () => {
  it('keeps the loading state through the render in which the data arrives', async () => {
    const seen: boolean[] = [];
    const { rerender } = render(<Page pending seen={seen} />);
    rerender(<Page pending={false} seen={seen} />);
    expect(await screen.findByText('Content')).toBeInTheDocument();
    // The urgent render still says pending; the content comes from the background pass.
    expect(seen).toEqual([true, true, false]);
  });

  it('shows the loading state at once when the data is wanted again', () => {
    const seen: boolean[] = [];
    const { rerender } = render(<Page pending={false} seen={seen} />);
    rerender(<Page pending seen={seen} />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(seen[1]).toBe(true);
  });
});
