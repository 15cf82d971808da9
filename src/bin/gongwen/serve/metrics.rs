//! Prometheus metrics written by hand: a few atomic counters and one histogram, rendered in
//! the text exposition format (version 0.0.4). No metrics crate: the set is small and fixed.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The endpoints counted, in output order; anything else is `other`.
pub(crate) const ENDPOINTS: [&str; 7] = [
    "page",
    "convert",
    "normalize",
    "healthz",
    "version",
    "metrics",
    "other",
];

/// Error codes counted: the library's, then the server's own; anything else is `other`.
const CODES: [&str; 18] = [
    "io",
    "empty",
    "unknown_format",
    "unsupported_format",
    "encrypted",
    "malformed",
    "limit_exceeded",
    "ocr",
    "timeout",
    "bad_request",
    "unauthorized",
    "not_found",
    "method_not_allowed",
    "unsupported_media_type",
    "request_timeout",
    "queue_full",
    "internal",
    "other",
];

/// Upper bounds of the conversion-time buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

#[derive(Default)]
pub(crate) struct Metrics {
    requests: [AtomicU64; ENDPOINTS.len()],
    failures: [AtomicU64; CODES.len()],
    in_flight: AtomicU64,
    /// Cumulative counts per bucket, plus `+Inf` last.
    buckets: [AtomicU64; BUCKETS.len() + 1],
    /// Total conversion time in microseconds.
    seconds_sum_us: AtomicU64,
}

impl Metrics {
    pub(crate) fn request(&self, endpoint: &str) {
        let i = position(&ENDPOINTS, endpoint);
        self.requests[i].fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn failure(&self, code: &str) {
        self.failures[position(&CODES, code)].fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn enter(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn leave(&self) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
    }

    pub(crate) fn conversion(&self, took: Duration) {
        let secs = took.as_secs_f64();
        for (bucket, bound) in self.buckets.iter().zip(BUCKETS) {
            if secs <= bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.buckets[BUCKETS.len()].fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        self.seconds_sum_us.fetch_add(micros, Ordering::Relaxed);
    }

    /// The exposition text; `waiting` and `running` come from the pool.
    pub(crate) fn render(&self, waiting: u64, running: u64) -> String {
        let mut out = String::with_capacity(4096);
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        head(
            &mut out,
            "gongwen_requests_total",
            "counter",
            "HTTP requests received, by endpoint.",
        );
        for (name, n) in ENDPOINTS.iter().zip(&self.requests) {
            let _ = writeln!(
                out,
                "gongwen_requests_total{{endpoint=\"{name}\"}} {}",
                get(n)
            );
        }
        head(
            &mut out,
            "gongwen_failures_total",
            "counter",
            "Failed requests and failed files of multi-file requests, by error code.",
        );
        for (code, n) in CODES.iter().zip(&self.failures) {
            let _ = writeln!(out, "gongwen_failures_total{{code=\"{code}\"}} {}", get(n));
        }
        head(
            &mut out,
            "gongwen_in_flight_requests",
            "gauge",
            "Requests being handled now.",
        );
        let _ = writeln!(out, "gongwen_in_flight_requests {}", get(&self.in_flight));
        head(
            &mut out,
            "gongwen_conversions_running",
            "gauge",
            "Conversions running on a worker now.",
        );
        let _ = writeln!(out, "gongwen_conversions_running {running}");
        head(
            &mut out,
            "gongwen_conversions_waiting",
            "gauge",
            "Conversions queued for a worker now.",
        );
        let _ = writeln!(out, "gongwen_conversions_waiting {waiting}");
        head(
            &mut out,
            "gongwen_conversion_seconds",
            "histogram",
            "Time a worker spent on one conversion or normalization.",
        );
        for (bound, n) in BUCKETS.iter().zip(&self.buckets) {
            let _ = writeln!(
                out,
                "gongwen_conversion_seconds_bucket{{le=\"{bound}\"}} {}",
                get(n)
            );
        }
        let count = get(&self.buckets[BUCKETS.len()]);
        let _ = writeln!(
            out,
            "gongwen_conversion_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let sum = get(&self.seconds_sum_us) as f64 / 1e6;
        let _ = writeln!(out, "gongwen_conversion_seconds_sum {sum}");
        let _ = writeln!(out, "gongwen_conversion_seconds_count {count}");
        out
    }
}

fn head(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

/// Index of `name` in `list`, or of its last entry (`other`).
fn position(list: &[&str], name: &str) -> usize {
    list.iter()
        .position(|n| *n == name)
        .unwrap_or(list.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_unknown_codes_are_other() {
        let m = Metrics::default();
        m.conversion(Duration::from_millis(20));
        m.conversion(Duration::from_secs(60));
        m.failure("no_such_code");
        let text = m.render(0, 0);
        assert!(
            text.contains("gongwen_conversion_seconds_bucket{le=\"0.01\"} 0"),
            "{text}"
        );
        assert!(
            text.contains("gongwen_conversion_seconds_bucket{le=\"0.025\"} 1"),
            "{text}"
        );
        assert!(
            text.contains("gongwen_conversion_seconds_bucket{le=\"30\"} 1"),
            "{text}"
        );
        assert!(
            text.contains("gongwen_conversion_seconds_bucket{le=\"+Inf\"} 2"),
            "{text}"
        );
        assert!(
            text.contains("gongwen_conversion_seconds_count 2"),
            "{text}"
        );
        assert!(
            text.contains("gongwen_failures_total{code=\"other\"} 1"),
            "{text}"
        );
    }
}
