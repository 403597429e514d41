// Replaced by the campaign page issue (#5).
export function CampaignPage() {
  return <h1 className="text-2xl font-semibold">Campaign</h1>;
}
