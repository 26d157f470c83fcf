import { vars } from '../config/vars';
import { schedulingConfigShape } from '../scheduling/schedulingConfig';

// Configuration keys of services/plans (and services/scheduling, whose keys ride along here):
// spread into the one schema in services/config/config.ts.
// Every key here is also listed, with a comment, in .env.example.
export const plansConfigShape = {
  /** Path of a JSON repayment-plan policy (see services/plans/defaultPolicy.json). Unset: the bundled default. */
  PLAN_POLICY_PATH: vars.optionalString(),
  ...schedulingConfigShape,
};
