type CheckStatus = 'pass' | 'fail';

/** draft-inadarei-api-health-check: one entry per dependency. */
export type ReadinessReport = {
  readonly status: CheckStatus;
  readonly checks: Record<string, { status: CheckStatus; observedValue?: number; observedUnit?: string; output?: string }[]>;
};

export type Health = {
  /** Checks every dependency with a short timeout; never rejects. */
  readiness(): Promise<ReadinessReport>;
  /** True from the first shutdown signal on: load balancers must stop sending traffic. */
  isDraining(): boolean;
};
