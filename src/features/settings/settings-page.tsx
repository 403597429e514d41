import { Outlet } from 'react-router';
import { ConcurrencySection } from './concurrency-section';
import { ConnectionSection } from './connection-section';
import { PageHeading } from '../../components/page-heading';

export function SettingsPage() {
  return (
    <div className="space-y-6">
      <PageHeading title={['Settings']}>Settings</PageHeading>
      <ConcurrencySection />
      <ConnectionSection />
      {/* The org's activity log (app/routes.tsx), from its own feature. */}
      <Outlet />
    </div>
  );
}
