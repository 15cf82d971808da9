//! The conversion pool: at most `workers` conversions run at once on tokio's blocking threads,
//! at most `queue` more wait for one, and each has a deadline.
//!
//! Admission is a semaphore of `workers + queue` tickets taken without waiting: when none is
//! left the request answers 503 at once instead of piling up. Rust cannot stop a running
//! thread, so a conversion past its deadline answers 504 but keeps its worker and ticket until
//! the library's own limits end it; the pool therefore never runs more than `workers`
//! conversions, however many time out.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

/// Why a job gave no result.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum PoolError {
    /// Every worker is busy and the queue is full.
    QueueFull,
    /// The deadline passed, waiting included.
    Timeout(Duration),
    /// The job panicked (a bug); the server goes on.
    Panicked,
}

pub(crate) struct Pool {
    workers: Arc<Semaphore>,
    tickets: Arc<Semaphore>,
    timeout: Duration,
    waiting: Arc<AtomicU64>,
    running: Arc<AtomicU64>,
}

impl Pool {
    pub(crate) fn new(workers: usize, queue: usize, timeout: Duration) -> Self {
        let workers = workers.max(1);
        Pool {
            workers: Arc::new(Semaphore::new(workers)),
            tickets: Arc::new(Semaphore::new(workers.saturating_add(queue))),
            timeout,
            waiting: Arc::default(),
            running: Arc::default(),
        }
    }

    /// Jobs waiting for a worker, and jobs running (for /metrics).
    pub(crate) fn load(&self) -> (u64, u64) {
        (
            self.waiting.load(Ordering::Relaxed),
            self.running.load(Ordering::Relaxed),
        )
    }

    /// Run `job` on a worker thread, within the queue bound and the deadline.
    pub(crate) async fn run<T, F>(&self, job: F) -> Result<T, PoolError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let ticket = Arc::clone(&self.tickets)
            .try_acquire_owned()
            .map_err(|_| PoolError::QueueFull)?;
        let work = async {
            let waiting = Gauge::up(&self.waiting);
            let worker = Arc::clone(&self.workers)
                .acquire_owned()
                .await
                .map_err(|_| PoolError::QueueFull)?;
            drop(waiting);
            let running = Gauge::up(&self.running);
            let handle = tokio::task::spawn_blocking(move || {
                // Both permits live as long as the thread works, even past the deadline.
                let _held = (worker, ticket, running);
                catch_unwind(AssertUnwindSafe(job))
            });
            match handle.await {
                Ok(Ok(value)) => Ok(value),
                Ok(Err(_)) | Err(_) => Err(PoolError::Panicked),
            }
        };
        tokio::time::timeout(self.timeout, work)
            .await
            .unwrap_or(Err(PoolError::Timeout(self.timeout)))
    }
}

/// A counter raised while the value lives.
struct Gauge(Arc<AtomicU64>);

impl Gauge {
    fn up(counter: &Arc<AtomicU64>) -> Self {
        counter.fetch_add(1, Ordering::Relaxed);
        Gauge(Arc::clone(counter))
    }
}

impl Drop for Gauge {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn a_job_returns_its_value() {
        let pool = Pool::new(1, 0, Duration::from_secs(5));
        assert_eq!(block_on(pool.run(|| 6 * 7)), Ok(42));
    }

    #[test]
    fn a_panicking_job_is_an_error_and_the_pool_keeps_working() {
        let pool = Pool::new(1, 0, Duration::from_secs(5));
        block_on(async {
            let panicked: Result<(), _> = pool.run(|| panic!("a bug in a reader")).await;
            assert_eq!(panicked, Err(PoolError::Panicked));
            // The worker and ticket came back: the next job runs.
            assert_eq!(pool.run(|| "next").await, Ok("next"));
            assert_eq!(pool.load(), (0, 0));
        });
    }

    #[test]
    fn a_slow_job_times_out_and_keeps_its_worker_until_done() {
        let pool = Pool::new(1, 1, Duration::from_millis(50));
        block_on(async {
            let (release, wait) = std::sync::mpsc::channel::<()>();
            let slow = pool.run(move || wait.recv().is_ok()).await;
            assert!(matches!(slow, Err(PoolError::Timeout(_))));
            // The slow job still holds the only worker, so the next one times out waiting.
            assert!(matches!(pool.run(|| ()).await, Err(PoolError::Timeout(_))));
            release.send(()).unwrap();
        });
    }

    #[test]
    fn admission_past_workers_and_queue_is_refused_at_once() {
        let pool = Arc::new(Pool::new(1, 1, Duration::from_secs(5)));
        block_on(async {
            let (release, wait) = std::sync::mpsc::channel::<()>();
            let busy = tokio::spawn({
                let pool = Arc::clone(&pool);
                async move { pool.run(move || wait.recv().is_ok()).await }
            });
            while pool.load().1 == 0 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            let queued = tokio::spawn({
                let pool = Arc::clone(&pool);
                async move { pool.run(|| "queued").await }
            });
            while pool.load().0 == 0 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            assert_eq!(pool.run(|| "third").await, Err(PoolError::QueueFull));
            release.send(()).unwrap();
            assert_eq!(busy.await.unwrap(), Ok(true));
            assert_eq!(queued.await.unwrap(), Ok("queued"));
        });
    }
}
