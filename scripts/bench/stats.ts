/** Small, dependency-free statistics for the benchmarks. Samples are in milliseconds. */

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export const median = (samples: number[]) => percentile(samples, 50);

/**
 * Two-sample Kolmogorov–Smirnov test: D is the largest gap between the two empirical distributions; the p-value is
 * the chance of a gap at least that large if both samples came from one distribution (asymptotic Kolmogorov
 * distribution with the small-sample correction from Numerical Recipes, 14.3).
 */
export function kolmogorovSmirnov(a: number[], b: number[]): { d: number; p: number } {
  const x = [...a].sort((m, n) => m - n);
  const y = [...b].sort((m, n) => m - n);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const value = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && (x[i] as number) <= value) i += 1;
    while (j < y.length && (y[j] as number) <= value) j += 1;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const effective = Math.sqrt((x.length * y.length) / (x.length + y.length));
  const lambda = (effective + 0.12 + 0.11 / effective) * d;
  return { d, p: kolmogorovQ(lambda) };
}

function kolmogorovQ(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k += 1) {
    const term = 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}
