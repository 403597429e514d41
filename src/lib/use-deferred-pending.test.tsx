import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDeferredPending } from './use-deferred-pending';

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
