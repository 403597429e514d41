import type { ComponentProps, MouseEvent } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'danger-secondary' | 'ghost';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-indigo-700 text-white hover:bg-indigo-800 aria-disabled:bg-indigo-300',
  secondary:
    'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 aria-disabled:text-slate-500',
  danger: 'bg-red-700 text-white hover:bg-red-800 aria-disabled:bg-red-300',
  // A permanent action beside everyday ones: outlined, so it does not read as the main one.
  'danger-secondary':
    'border border-red-300 bg-white text-red-800 hover:bg-red-50 aria-disabled:border-slate-300 aria-disabled:text-slate-500',
  ghost: 'text-slate-700 hover:bg-slate-100 aria-disabled:text-slate-500',
};

/**
 * A button that is never `disabled` in the DOM: unavailable, it is `aria-disabled` and ignores
 * clicks, so focus stays on it when a poll or a save turns it off under the user, and a
 * keyboard or screen reader user can still reach it and hear why (`aria-describedby`).
 */
export function Button({
  variant = 'secondary',
  className = '',
  type = 'button',
  disabled = false,
  onClick,
  ...props
}: ComponentProps<'button'> & { variant?: Variant }) {
  return (
    <button
      type={type}
      aria-disabled={disabled || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium max-sm:min-h-11 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        // preventDefault also stops a submit and a Radix trigger composed around it.
        if (disabled) event.preventDefault();
        else onClick?.(event);
      }}
      {...props}
    />
  );
}
