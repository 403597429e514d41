import { Hono } from 'hono';
import { planQuerySchema } from '../../../contract/extensions.ts';
import type { AppEnv } from '../auth.ts';
import { mustFindCampaign } from '../../domain/campaigns.ts';
import { campaignPlan, orgPlan, planDeadline } from '../../domain/plan.ts';
import { query } from '../validate.ts';

/** (ext) A campaign's plan: finish time at every line count, and the lines a deadline needs. */
export const campaignPlanRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { db, auth } = c.var;
  const now = c.var.now();
  const deadline = planDeadline(query(c, planQuerySchema).deadline, now);
  const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id')!);
  return c.json(campaignPlan(db, auth.orgId, campaign.id, now, deadline));
});

/** (ext) The plans of every active campaign of the org, in one answer. */
export const orgPlanRoutes = new Hono<AppEnv>().get('/', (c) =>
  c.json(orgPlan(c.var.db, c.var.auth.orgId, c.var.now())),
);
