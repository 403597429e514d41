import { ConcurrencySection } from './concurrency-section';
import { ConnectionSection } from './connection-section';

export function SettingsPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <ConcurrencySection />
      <ConnectionSection />
    </div>
  );
}
