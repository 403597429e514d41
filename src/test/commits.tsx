import { Profiler, type ReactNode } from 'react';

/**
 * Records `describe()` at every commit of the wrapped tree: what the screen showed as each
 * render landed. An answer arrives in a synchronous render (TanStack Query's store); a test can
 * then check that its heavy content waited for a background pass. That order is the feature
 * (a poll or a chart never blocks input), so these tests check it; how many commits React
 * takes for each state is React's business, hence `statesOf`.
 */
export function recordCommits(describe: () => string) {
  const seen: string[] = [];
  const Recorder = ({ children }: { children: ReactNode }) => (
    <Profiler id="recorded" onRender={() => seen.push(describe())}>
      {children}
    </Profiler>
  );
  return { seen, Recorder };
}

/** The states the screen went through, in order: a state committed twice in a row counts once. */
export const statesOf = (seen: string[]) => seen.filter((state, i) => state !== seen[i - 1]);
