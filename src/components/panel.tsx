import { useId, type ReactNode } from 'react';

/** A titled card; its heading names the region, so it is found by role and name. */
export function Panel({
  title,
  size = 'base',
  className = '',
  children,
}: {
  title: string;
  size?: 'base' | 'lg';
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border border-slate-200 bg-white p-5 ${className}`}
    >
      <h2 id={id} className={`${size === 'lg' ? 'text-lg' : 'text-base'} font-semibold`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
