//! Timing for the bench examples of several crates (`cargo xtask bench`). Each example takes
//! this file in with `#[path]`: examples of different crates cannot share a module otherwise,
//! and these few lines are not worth a crate of their own.
#![allow(dead_code, reason = "each example uses the part it needs")]

use std::time::Instant;

/// The value at fraction `p` (0.5 = median, 1.0 = max) of sorted timings.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Milliseconds of `f` on each input, sorted; warming up is the caller's choice.
pub fn sorted_ms<T>(inputs: impl IntoIterator<Item = T>, mut f: impl FnMut(T)) -> Vec<f64> {
    let mut times: Vec<f64> = inputs
        .into_iter()
        .map(|input| {
            let start = Instant::now();
            f(input);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times
}

/// p50 and p95 in milliseconds of `rounds` calls, after one warm-up call.
pub fn p50_p95(rounds: usize, mut f: impl FnMut()) -> (f64, f64) {
    f();
    let times = sorted_ms(0..rounds, |_| f());
    (percentile(&times, 0.5), percentile(&times, 0.95))
}
