import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from '../../src/stats/distributions.js';
import { lnGamma, regularizedBeta } from '../../src/stats/special.js';

describe('lnGamma', () => {
  it('matches exact values of the gamma function', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 14); // Γ(5) = 4!
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14); // Γ(1/2) = √π
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 10); // ln(100!), e.g. R lfactorial(100)
  });

  it('uses the reflection formula below 1/2: Γ(1/4) = 3.6256099082219083', () => {
    // Γ(1/4), the lemniscate-related constant (OEIS A068466).
    expect(Math.exp(lnGamma(0.25))).toBeCloseTo(3.6256099082219083, 13);
  });
});

describe('regularizedBeta', () => {
  it('matches closed forms: I_x(1,1) = x, I_x(a,1) = x^a, I_x(1,b) = 1-(1-x)^b, I_1/2(a,a) = 1/2', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.7, 4, 1)).toBeCloseTo(0.7 ** 4, 14);
    expect(regularizedBeta(0.2, 1, 6)).toBeCloseTo(1 - 0.8 ** 6, 14);
    expect(regularizedBeta(0.5, 37.5, 37.5)).toBeCloseTo(0.5, 13);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });

  it('gives the binomial tail: P(X <= 3) for X ~ Bin(10, 0.4) = I_0.6(7, 4)', () => {
    // Exact sum of C(10,k) 0.4^k 0.6^(10-k), k = 0..3: 0.3822806016.
    let exact = 0;
    const choose = [1, 10, 45, 120];
    for (let k = 0; k <= 3; k++) exact += (choose[k] as number) * 0.4 ** k * 0.6 ** (10 - k);
    expect(regularizedBeta(0.6, 7, 4)).toBeCloseTo(exact, 14);
    expect(exact).toBeCloseTo(0.3822806016, 10);
  });
});

describe('normalQuantile (AS 241)', () => {
  // Standard normal table values; full digits as printed by R's qnorm().
  it.each([
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056], // the far tail branch (r > 5)
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 14);
  });

  it('is antisymmetric and rejects p outside (0, 1)', () => {
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('studentTQuantile', () => {
  // Printed t tables (3 decimals) and, for full precision, R's qt().
  it.each([
    [0.975, 10, 2.228138851986274], // the table value 2.228
    [0.975, 5, 2.5705818356363146], // 2.571
    [0.975, 9, 2.262157162798205], // 2.262
    [0.975, 30, 2.0422724563012378], // 2.042
    [0.975, 120, 1.9799304050824402], // 1.980
    [0.95, 10, 1.8124611228116756], // 1.812
    [0.995, 10, 3.16927267261695], // 3.169
    [0.8, 9, 0.8834038596855346], // 0.883
  ])('t(%d, df=%d) = %d', (p, df, t) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 11);
  });

  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    // df = 1: t = tan(π (p - 1/2)); df = 2: t = (2p - 1) / sqrt(2 p (1 - p)).
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 11);
    }
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 9); // table: 12.706
  });

  it('tends to the normal quantile as df grows', () => {
    expect(studentTQuantile(0.975, 100_000)).toBeCloseTo(1.9599877075346095, 8); // R qt(.975, 1e5)
  });

  it('is antisymmetric, 0 at the median, and rejects df < 1', () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 11);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(() => studentTQuantile(0.9, 0.5)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('inverts the quantile and matches the Cauchy CDF at df = 1', () => {
    expect(studentTCdf(2.228138851986274, 10)).toBeCloseTo(0.975, 13);
    expect(studentTCdf(-2.228138851986274, 10)).toBeCloseTo(0.025, 13);
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(1.5, 1)).toBeCloseTo(0.5 + Math.atan(1.5) / Math.PI, 13);
  });
});

describe('normalCdf', () => {
  it('matches table values and inverts normalQuantile to 1.5e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.6448536269514722)).toBeCloseTo(0.05, 6);
    for (const p of [0.001, 0.2, 0.5, 0.9, 0.999]) expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1.5e-7);
  });
});
