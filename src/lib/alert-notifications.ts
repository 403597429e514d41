// Browser notifications for new firing alerts: only after the person asked for them (a
// button calls Notification.requestPermission), remembered in this browser.
const KEY = 'headroom.alert-notifications';
/** Asked for on this page, whether or not storage kept it. */
let askedHere = false;

export const notificationsSupported = () => typeof Notification !== 'undefined';

export function notificationsWanted(): boolean {
  if (!notificationsSupported() || Notification.permission !== 'granted') return false;
  if (askedHere) return true;
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Asks the browser, and remembers a yes; the answer: granted, denied or default. */
export async function askForNotifications(): Promise<NotificationPermission> {
  const answer = await Notification.requestPermission();
  askedHere = answer === 'granted';
  try {
    if (answer === 'granted') localStorage.setItem(KEY, 'on');
  } catch {
    // Storage blocked: notifications last as long as this page.
  }
  return answer;
}

export function stopNotifications(): void {
  askedHere = false;
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
