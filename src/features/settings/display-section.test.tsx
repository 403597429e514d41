import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { ZonedTime } from '../../components/zoned-time';
import { setThemeChoice } from '../../lib/theme';
import { browserZone, setViewerZone } from '../../lib/viewer-zone';
import { createTestQueryClient } from '../../test/render';
import { DisplaySection } from './display-section';

function renderDisplay() {
  return render(
    <QueryClientProvider client={createTestQueryClient()}>
      <DisplaySection />
      <p data-testid="elsewhere">
        <ZonedTime at="2026-12-04T03:30:00Z" style="date-time" />
      </p>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  setThemeChoice('system');
  setViewerZone(null);
});

describe('Display settings', () => {
  it('switches the theme at once and keeps the choice for the next visit', async () => {
    const user = userEvent.setup();
    renderDisplay();
    const section = screen.getByRole('region', { name: 'Display' });
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('headroom:theme')).toBe('dark');
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    // System is no choice: nothing kept, the system's theme (light where it says none).
    await user.click(screen.getByRole('radio', { name: 'System' }));
    expect(localStorage.getItem('headroom:theme')).toBeNull();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(section).toBeInTheDocument();
  });

  it("shows every time in the zone chosen, named, until the browser's zone is asked back", async () => {
    const user = userEvent.setup();
    renderDisplay();
    const zone = await screen.findByRole('combobox', { name: 'Your time zone' });
    expect(zone).toHaveValue(browserZone());
    await user.clear(zone);
    await user.type(zone, 'Tokyo{Enter}');
    expect(zone).toHaveValue('Asia/Tokyo');
    expect(localStorage.getItem('headroom:timezone')).toBe('Asia/Tokyo');
    const time = screen.getByTestId('elsewhere').querySelector('time')!;
    expect(time).toHaveTextContent('Dec 4, 12:30:00 GMT+9Asia/Tokyo');
    expect(time).toHaveAttribute('title', 'Asia/Tokyo');
    await user.click(
      screen.getByRole('button', { name: `Use this browser's zone (${browserZone()})` }),
    );
    expect(zone).toHaveValue(browserZone());
    expect(localStorage.getItem('headroom:timezone')).toBeNull();
    expect(time).toHaveAttribute('title', browserZone());
  });
});
