import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { DataTable, type ColumnDef, type SortingState } from './data-table';
import { expandColumn } from './expand-column';

type Item = { id: string; name: string; calls: number };

const a: Item = { id: 'a', name: 'Alpha', calls: 3 };
const b: Item = { id: 'b', name: 'Beta', calls: 1 };
const c: Item = { id: 'c', name: 'Gamma', calls: 2 };

const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('tr')!;

describe('DataTable', () => {
  it('renders again only the rows whose item changed, keeping the focus in a row through a poll', async () => {
    const renders: string[] = [];
    // Made anew for new numbers (a poll's), as a feature's useMemo does.
    const makeColumns = (): ColumnDef<Item>[] => [
      {
        id: 'name',
        header: 'Name',
        cell: ({ row }) => {
          renders.push(row.original.id);
          return row.original.name;
        },
      },
      {
        id: 'open',
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => <button type="button">Open {row.original.id}</button>,
      },
    ];
    const columns = makeColumns();
    const table = (data: Item[], note: string, cols = columns) => (
      <>
        <p>{note}</p>
        <DataTable caption="Items" columns={cols} data={data} getRowId={(i) => i.id} />
      </>
    );
    const { rerender } = render(table([a, b, c], 'first'));
    expect(renders).toEqual(['a', 'b', 'c']);
    screen.getByRole('button', { name: 'Open b' }).focus();

    // The parent renders for something else: no row does.
    rerender(table([a, b, c], 'second'));
    expect(screen.getByText('second')).toBeInTheDocument();
    expect(renders).toEqual(['a', 'b', 'c']);

    // A poll: a new array, one item changed (the others keep their identity).
    rerender(table([a, { ...b, name: 'Beta 2' }, c], 'third'));
    expect(screen.getByRole('cell', { name: 'Beta 2' })).toBeInTheDocument();
    expect(renders).toEqual(['a', 'b', 'c', 'b']);
    expect(screen.getByRole('button', { name: 'Open b' })).toHaveFocus();

    // New columns render every row again, in place: cells are not remounted.
    rerender(table([a, { ...b, name: 'Beta 2' }, c], 'fourth', makeColumns()));
    expect(renders).toEqual(['a', 'b', 'c', 'b', 'a', 'b', 'c']);
    expect(screen.getByRole('button', { name: 'Open b' })).toHaveFocus();
  });

  it('sorts from sortable headers only: first direction, the other, none, with aria-sort', async () => {
    const changes: SortingState[] = [];
    const columns: ColumnDef<Item>[] = [
      { id: 'name', header: 'Name', cell: ({ row }) => row.original.name },
      {
        id: 'calls',
        header: 'Calls',
        enableSorting: true,
        sortDescFirst: true,
        cell: ({ row }) => row.original.calls,
      },
    ];
    function Sorted() {
      const [sorting, setSorting] = useState<SortingState>([]);
      const data = sorting[0]
        ? [a, b, c].sort((x, y) => (x.calls - y.calls) * (sorting[0]!.desc ? -1 : 1))
        : [a, b, c];
      return (
        <DataTable
          caption="Items"
          columns={columns}
          data={data}
          getRowId={(i) => i.id}
          sorting={sorting}
          onSortingChange={(next) => {
            changes.push(next);
            setSorting(next);
          }}
        />
      );
    }
    render(<Sorted />);
    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    const header = screen.getByRole('columnheader', { name: 'Calls' });
    expect(within(screen.getByRole('columnheader', { name: 'Name' })).queryByRole('button')).toBe(
      null,
    );
    expect(header).not.toHaveAttribute('aria-sort');

    await userEvent.click(screen.getByRole('button', { name: 'Calls' }));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['Alpha', 'Gamma', 'Beta']);
    await userEvent.click(screen.getByRole('button', { name: 'Calls' }));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(names()).toEqual(['Beta', 'Gamma', 'Alpha']);
    await userEvent.click(screen.getByRole('button', { name: 'Calls' }));
    expect(header).not.toHaveAttribute('aria-sort');
    expect(names()).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(changes).toEqual([[{ id: 'calls', desc: true }], [{ id: 'calls', desc: false }], []]);
  });

  it('shows skeleton rows while loading, the empty state once answered, and a failure with Retry', async () => {
    const columns: ColumnDef<Item>[] = [
      { id: 'name', header: 'Name', cell: ({ row }) => row.original.name },
    ];
    const onRetry = vi.fn();
    const table = (props: Partial<Parameters<typeof DataTable<Item>>[0]>) => (
      <DataTable
        caption="Items"
        columns={columns}
        data={[]}
        getRowId={(i) => i.id}
        empty={<p>Nothing here yet.</p>}
        {...props}
      />
    );
    const { rerender } = render(table({ loading: true, answered: false }));
    expect(screen.getByRole('table', { name: 'Items' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText('Nothing here yet.')).not.toBeInTheDocument();

    rerender(table({}));
    expect(screen.getByText('Nothing here yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    // A page past the end still counts the rows: the table stays, with its pages.
    rerender(table({ pagination: { page: 3, size: 50, total: 60, onPage: () => {} } }));
    expect(screen.getByRole('table', { name: 'Items' })).toBeInTheDocument();

    rerender(
      table({ failure: { title: 'Could not load items', error: new Error('Boom'), onRetry } }),
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load items');
    expect(alert).toHaveTextContent('Boom');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('pages by offset, saying which rows of how many show, and offers page sizes', async () => {
    const onPage = vi.fn();
    const onSize = vi.fn();
    const columns: ColumnDef<Item>[] = [
      { id: 'name', header: 'Name', cell: ({ row }) => row.original.name },
    ];
    const table = (page: number) => (
      <DataTable
        caption="Items"
        columns={columns}
        data={[a]}
        getRowId={(i) => i.id}
        pagination={{ page, size: 50, total: 120, onPage, sizes: [50, 100], onSize }}
      />
    );
    const { rerender } = render(table(2));
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(nav).getByText('Showing 51–100 of 120')).toBeInTheDocument();
    await userEvent.click(within(nav).getByRole('button', { name: 'Previous' }));
    await userEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    expect(onPage.mock.calls).toEqual([[1], [3]]);
    await userEvent.selectOptions(within(nav).getByRole('combobox', { name: 'Page size' }), '100');
    expect(onSize).toHaveBeenCalledWith(100);

    rerender(table(3));
    expect(within(nav).getByText('Showing 101–120 of 120')).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Next' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    expect(onPage).toHaveBeenCalledTimes(2);
  });

  it('expands a row to its details under it, or every row at once, across new answers', async () => {
    const columns: ColumnDef<Item>[] = [
      expandColumn((i) => `calls of ${i.name}`),
      { id: 'name', header: 'Name', cell: ({ row }) => row.original.name },
    ];
    const details = (i: Item) => <p>{`${i.name} made ${i.calls} calls`}</p>;
    const table = (data: Item[]) => (
      <DataTable
        caption="Items"
        columns={columns}
        data={data}
        getRowId={(i) => i.id}
        renderDetails={details}
      />
    );
    const { rerender } = render(table([a, b]));
    await userEvent.click(screen.getByRole('button', { name: 'Show calls of Beta' }));
    expect(screen.getByRole('button', { name: 'Hide calls of Beta' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    // The details row follows its row.
    expect(rowOf('Beta').nextElementSibling).toHaveTextContent('Beta made 1 calls');
    expect(screen.queryByText('Alpha made 3 calls')).not.toBeInTheDocument();

    // A new answer keeps it open.
    rerender(table([a, { ...b, calls: 4 }]));
    expect(screen.getByText('Beta made 4 calls')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Expand all rows' }));
    expect(screen.getByText('Alpha made 3 calls')).toBeInTheDocument();
    // "Expand all" holds for rows that arrive later (another page).
    rerender(table([c]));
    expect(screen.getByText('Gamma made 2 calls')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Collapse all rows' }));
    expect(screen.queryByText('Gamma made 2 calls')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expand all rows' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );

    // Closing a row after "Expand all" leaves the others shown open, not the next page's.
    rerender(table([a, b]));
    await userEvent.click(screen.getByRole('button', { name: 'Expand all rows' }));
    await userEvent.click(screen.getByRole('button', { name: 'Hide calls of Alpha' }));
    expect(screen.queryByText('Alpha made 3 calls')).not.toBeInTheDocument();
    expect(screen.getByText('Beta made 1 calls')).toBeInTheDocument();
    rerender(table([c]));
    expect(screen.queryByText('Gamma made 2 calls')).not.toBeInTheDocument();
  });
});
