//! `gongwen serve`: the library behind HTTP, and a page where a person drops a file and reads
//! the notice.
//!
//! The server resolves three things the library does not: transport (hyper's HTTP/1.1 with
//! header and body read deadlines, so a stalled client holds a connection, never a worker),
//! admission (a bounded pool and queue in [`pool`], answering 503 instead of piling up work),
//! and the mapping of library errors to HTTP statuses ([`error`]). Conversions themselves are the
//! library's `convert` and `render`; the server never opens a path a client names. See
//! docs/server.md.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

mod api;
mod error;
mod listen;
mod metrics;
mod pool;

/// Arguments of `gongwen serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on. Anything other than loopback exposes the service: put it behind a
    /// reverse proxy (see docs/server.md).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Conversions running at once (default: the number of cores).
    #[arg(long, short = 'j', default_value_t = 0)]
    jobs: usize,
    /// Conversions allowed to wait for a worker; past that a request answers 503.
    #[arg(long, default_value_t = 64)]
    queue: usize,
    /// Seconds one conversion may take, waiting included; past that it answers 504.
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    timeout: f64,
    /// Seconds a client may take to send the request headers, and again the body; a client
    /// that stops sending is dropped after that.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    read_timeout: f64,
    /// Require `Authorization: Bearer <TOKEN>` on /v1/* and /metrics. Also read from the
    /// GONGWEN_TOKEN environment variable, which keeps it out of `ps`.
    #[arg(long)]
    token: Option<String>,
    #[command(flatten)]
    limits: crate::limits::LimitFlags,
}

/// Settings shared by every request, built once from the arguments.
pub(crate) struct Settings {
    pub limits: gongwen::Limits,
    pub read_timeout: Duration,
    pub token: Option<String>,
}

/// Everything a handler needs.
pub(crate) struct AppState {
    pub settings: Settings,
    pub pool: pool::Pool,
    pub metrics: metrics::Metrics,
}

pub fn run(args: &ServeArgs) -> anyhow::Result<u8> {
    let jobs = match args.jobs {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    let timeout = seconds("--timeout", args.timeout)?;
    let read_timeout = seconds("--read-timeout", args.read_timeout)?;
    let mut limits = gongwen::Limits::default();
    args.limits.apply(&mut limits);
    let state = Arc::new(AppState {
        settings: Settings {
            limits,
            read_timeout,
            token: args
                .token
                .clone()
                .or_else(|| std::env::var("GONGWEN_TOKEN").ok())
                .filter(|t| !t.is_empty()),
        },
        pool: pool::Pool::new(jobs, args.queue, timeout),
        metrics: metrics::Metrics::default(),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Conversions run on the blocking pool; the async workers only move bytes.
        .worker_threads(jobs.clamp(1, 4))
        .thread_name("gongwen-serve")
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(listen::serve(args.listen, state, read_timeout, timeout))?;
    // A conversion abandoned at its deadline may still run on a blocking thread; do not wait
    // for it after every answer has gone out.
    runtime.shutdown_timeout(Duration::from_secs(1));
    Ok(crate::EXIT_OK)
}

/// A positive duration from a flag given in seconds.
fn seconds(flag: &str, secs: f64) -> anyhow::Result<Duration> {
    match Duration::try_from_secs_f64(secs) {
        Ok(d) if !d.is_zero() => Ok(d),
        _ => anyhow::bail!("{flag} must be a positive number of seconds, got {secs}"),
    }
}
