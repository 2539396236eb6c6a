export enum Plan {
  Free = 'free',
  Pro = 'pro',
}

export const PLANS = [Plan.Free, Plan.Pro] as const satisfies readonly Plan[];
export type PlanName = (typeof PLANS)[number];
