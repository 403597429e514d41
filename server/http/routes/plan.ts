import { planQuerySchema } from '../../../contract/extensions.ts';
import { mustFindCampaign } from '../../domain/campaigns.ts';
import { campaignPlan, orgPlan, planDeadline } from '../../domain/plan.ts';
import type { Handlers } from '../operations.ts';
import { query } from '../validate.ts';

export const planHandlers = {
  /** (ext) A campaign's plan: finish time at every line count, and the lines a deadline needs. */
  getCampaignPlan: (c) => {
    const { db, auth } = c.var;
    const now = c.var.now();
    const deadline = planDeadline(query(c, planQuerySchema).deadline, now);
    const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id')!);
    return c.json(campaignPlan(db, auth.orgId, campaign.id, now, deadline));
  },
  /** (ext) The plans of every active campaign of the org, in one answer. */
  getOrgPlan: (c) => c.json(orgPlan(c.var.db, c.var.auth.orgId, c.var.now())),
} satisfies Partial<Handlers>;
