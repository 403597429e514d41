import { Profiler, type ReactNode } from 'react';

/**
 * Records `describe()` at every commit of the wrapped tree: what the screen showed as each
 * render landed. An answer arrives in a synchronous render (TanStack Query's store); a test can
 * then check that its heavy content waited for a background pass.
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
