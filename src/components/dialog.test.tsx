import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';

describe('Dialog', () => {
  it('loads Radix when first opened: the trigger opens it, Escape closes it, focus returns', async () => {
    // A fresh module: the test setup has loaded Radix for every other test.
    vi.resetModules();
    const { Dialog } = await import('./dialog');
    function Confirm() {
      const [open, setOpen] = useState(false);
      return (
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title="Close this campaign?"
          trigger={<button type="button">Close</button>}
        >
          <button type="button">Keep it open</button>
        </Dialog>
      );
    }
    render(<Confirm />);
    const trigger = screen.getByRole('button', { name: 'Close' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Close this campaign?' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
  });
});
