const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Axis labels for a time series: the clock for a day or less, the weekday too beyond it;
 * seconds only for the visit's 5-second polls.
 */
export function timeTick(spanSeconds: number, withSeconds = false): (at: number) => string {
  return (at) => {
    const d = new Date(at);
    const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`;
    return spanSeconds > 86_400 ? `${DAYS[d.getDay()]} ${clock}` : clock;
  };
}
