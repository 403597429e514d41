// Replaced by the configurations issue (#7).
export function ConfigurationsPage() {
  return <h1 className="text-2xl font-semibold">Configurations</h1>;
}
