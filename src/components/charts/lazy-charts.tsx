import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';

// recharts is heavy to load and to draw: a chart loads when it comes on screen, never with
// the first page, and one below the fold (a phone's Overview) costs nothing until scrolled to.
const HeadroomChartImpl = lazy(() => import('./headroom-chart'));
const OutcomesChartImpl = lazy(() => import('./outcomes-chart'));
const ThroughputChartImpl = lazy(() => import('./throughput-chart'));
const PlanChartImpl = lazy(() => import('./plan-chart'));

function Placeholder({ height }: { height: number }) {
  return <div className="animate-pulse rounded bg-slate-100" style={{ height }} />;
}

/** Renders `children` once the placeholder is on screen; its height is kept meanwhile. */
function WhenOnScreen({ height, children }: { height: number; children: ReactNode }) {
  const [shown, setShown] = useState(() => typeof IntersectionObserver === 'undefined');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown || !ref.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown(true);
    });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [shown]);
  if (!shown) {
    return (
      <div ref={ref}>
        <Placeholder height={height} />
      </div>
    );
  }
  return <Suspense fallback={<Placeholder height={height} />}>{children}</Suspense>;
}

export function HeadroomChart(props: ComponentProps<typeof HeadroomChartImpl>) {
  return (
    <WhenOnScreen height={220}>
      <HeadroomChartImpl {...props} />
    </WhenOnScreen>
  );
}

export function OutcomesChart(props: ComponentProps<typeof OutcomesChartImpl>) {
  return (
    <WhenOnScreen height={160}>
      <OutcomesChartImpl {...props} />
    </WhenOnScreen>
  );
}

export function ThroughputChart(props: ComponentProps<typeof ThroughputChartImpl>) {
  return (
    <WhenOnScreen height={220}>
      <ThroughputChartImpl {...props} />
    </WhenOnScreen>
  );
}

export function PlanChart(props: ComponentProps<typeof PlanChartImpl>) {
  return (
    <WhenOnScreen height={220}>
      <PlanChartImpl {...props} />
    </WhenOnScreen>
  );
}
