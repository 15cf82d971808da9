//! The thread pool that `convert` runs in, rebuilt after `fork`.
//!
//! The PDF reader's object loading (lopdf) parallelises with rayon, in the pool of the calling
//! thread, or rayon's global pool outside any. A process forked (`multiprocessing`'s `fork`
//! start method) after a conversion inherits the global pool's bookkeeping but not its
//! threads, and its first PDF waits forever. So every conversion runs inside a pool owned by
//! this module and tagged with the process id: a forked child sees another id and builds its
//! own. (`batch` needs nothing: `gongwen::batch::run` builds a pool per run.)

use std::sync::{Arc, Mutex, PoisonError};

use rayon::ThreadPool;

static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// Run `f` inside this process's pool (on the calling thread when no pool can be built).
pub fn install<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    match current() {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

fn current() -> Option<Arc<ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, pool)) = slot.as_ref() {
        if *owner == pid {
            return Some(Arc::clone(pool));
        }
    }
    // A pool inherited through fork has no threads in this process: forget it (dropping it
    // would signal threads that do not exist here).
    if let Some(stale) = slot.take() {
        std::mem::forget(stale);
    }
    let pool = Arc::new(rayon::ThreadPoolBuilder::new().build().ok()?);
    *slot = Some((pid, Arc::clone(&pool)));
    Some(pool)
}
