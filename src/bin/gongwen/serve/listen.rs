//! The accept loop: HTTP/1.1 connections with a header-read deadline, and a graceful shutdown
//! that stops accepting on SIGTERM or Ctrl-C and lets in-flight requests finish.
//!
//! axum's own `serve` has no header-read timeout, so the loop is written here on hyper's
//! connection builder: a client that opens a connection and sends nothing (or half a header)
//! is dropped after `--read-timeout`, and the body deadline is enforced by the handlers.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

use super::AppState;

/// Listen on `addr` until a shutdown signal, then wait for in-flight requests.
pub(crate) async fn serve(
    addr: SocketAddr,
    state: Arc<AppState>,
    read_timeout: Duration,
    timeout: Duration,
) -> anyhow::Result<()> {
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr().context("no local address")?;
    // Tests and scripts read this line to learn the port of `--listen 127.0.0.1:0`.
    eprintln!("gongwen serve: listening on http://{local}");
    let app = super::api::router(state);
    let graceful = GracefulShutdown::new();
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(read_timeout)
        .keep_alive(true);
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _peer)) => stream,
                    Err(e) => {
                        // Out of file descriptors and the like: back off instead of spinning.
                        eprintln!("gongwen serve: accept failed: {e}");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let service = TowerToHyperService::new(app.clone());
                let connection = builder.serve_connection(TokioIo::new(stream), service);
                let watched = graceful.watch(connection);
                tokio::spawn(async move {
                    // A client that disconnects or times out is not the server's error.
                    let _ = watched.await;
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    eprintln!("gongwen serve: shutting down, finishing requests in flight");
    // In-flight work is bounded by the conversion timeout and the read deadline.
    let grace = timeout + read_timeout + Duration::from_secs(5);
    if tokio::time::timeout(grace, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!("gongwen serve: some connections did not close in {grace:?}; exiting");
    }
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
