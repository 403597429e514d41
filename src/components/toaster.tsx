import { useEffect } from 'react';
import { createStore, useStore } from '../lib/store';

type Tone = 'warning' | 'success';
type Toast = { id: number; message: string; tone: Tone };

const toasts = createStore<Toast[]>([]);
let nextId = 1;

/**
 * The app's one polite status region: failed refreshes and the results of actions (paused,
 * deleted) are shown and announced here, once; polls that change nothing say nothing.
 */
export function showToast(message: string, tone: Tone = 'warning'): void {
  // The same failure repeating every poll is shown once.
  if (toasts.get().some((t) => t.message === message)) return;
  toasts.set([...toasts.get().slice(-2), { id: nextId++, message, tone }]);
}

function dismiss(id: number) {
  toasts.set(toasts.get().filter((t) => t.id !== id));
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), 8000);
    return () => clearTimeout(timer);
  }, [toast.id]);
  return (
    <div
      className={`flex items-start gap-3 rounded-md border bg-white px-4 py-3 text-sm shadow-lg ${toast.tone === 'success' ? 'border-emerald-400' : 'border-amber-300'}`}
    >
      <span className="flex-1">{toast.message}</span>
      <button
        type="button"
        className="text-slate-500 hover:text-slate-900"
        aria-label="Dismiss notification"
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

export function Toaster() {
  const current = useStore(toasts);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-auto fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2"
    >
      {current.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
