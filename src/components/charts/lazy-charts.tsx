import { lazy, Suspense, type ComponentProps } from 'react';

// recharts is heavy: it loads with the first chart on screen, never with the first page.
const BucketsChartImpl = lazy(() => import('./buckets-chart'));
const HeadroomChartImpl = lazy(() => import('./headroom-chart'));
const OutcomesChartImpl = lazy(() => import('./outcomes-chart'));

const fallback = (height: number) => (
  <div className="animate-pulse rounded bg-slate-100" style={{ height }} />
);

export function BucketsChart(props: ComponentProps<typeof BucketsChartImpl>) {
  return (
    <Suspense fallback={fallback(180)}>
      <BucketsChartImpl {...props} />
    </Suspense>
  );
}

export function HeadroomChart(props: ComponentProps<typeof HeadroomChartImpl>) {
  return (
    <Suspense fallback={fallback(200)}>
      <HeadroomChartImpl {...props} />
    </Suspense>
  );
}

export function OutcomesChart(props: ComponentProps<typeof OutcomesChartImpl>) {
  return (
    <Suspense fallback={fallback(160)}>
      <OutcomesChartImpl {...props} />
    </Suspense>
  );
}
