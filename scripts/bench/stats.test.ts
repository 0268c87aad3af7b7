import { describe, expect, it } from "vitest";
import { kolmogorovSmirnov, median, percentile } from "./stats";

describe("benchmark statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(median(samples)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
  });

  it("finds no difference between one sample and itself, and a clear one between separated samples", () => {
    const a = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000);
    expect(kolmogorovSmirnov(a, a)).toEqual({ d: 0, p: 1 });
    const shifted = a.map((value) => value + 1000);
    const result = kolmogorovSmirnov(a, shifted);
    expect(result.d).toBe(1);
    expect(result.p).toBeLessThan(1e-10);
  });

  it("matches a textbook value: D = 0.1 for n = m = 1000 gives p ≈ 6.7e-5", () => {
    // 1000 evenly spread values against the same values shifted by 10% of the range.
    const a = Array.from({ length: 1000 }, (_, i) => i);
    const b = a.map((value) => value + 100);
    const { d, p } = kolmogorovSmirnov(a, b);
    expect(d).toBeCloseTo(0.1, 5);
    expect(p).toBeGreaterThan(4e-5);
    expect(p).toBeLessThan(1e-4);
  });
});
