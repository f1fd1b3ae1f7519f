/** Small statistics for the benchmarks: medians and nearest-rank percentiles. */

/** The p-th percentile (0–100), nearest-rank: the smallest sample with at least p% at or below it. */
export function percentile(samples, p) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * xs.length));
  return xs[rank - 1];
}

/** The median (mean of the two middle samples for an even count). */
export function median(samples) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/** Times `fn` `iterations` times after `warmup` untimed runs; returns every sample in ms. */
export function timeSync(fn, { warmup, iterations }) {
  for (let i = 0; i < warmup; i++) fn(i);
  const out = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn(warmup + i);
    out.push(performance.now() - t0);
  }
  return out;
}
