//! The per-document memory budget ([`Limits::memory`](crate::Limits::memory), the binary's
//! `--limit-memory`).
//!
//! # Why a gauge and checkpoints, not a failing allocator
//!
//! The other limits bound what an input may declare (pages, pixels, cells, inflated bytes);
//! this one bounds what a conversion actually holds, whatever the cause. The program counts
//! its heap: the `gongwen` binary's global allocator keeps, per thread, the bytes allocated and
//! not yet freed, and registers a reader of that count with [`set_memory_gauge`]. [`convert`]
//! and [`extract`] remember the count when a document starts; the readers compare the growth
//! against the budget at checkpoints (between 64 KiB chunks of HTML fed to the DOM builder,
//! after every page and every 4 096 content-stream operations of a PDF, every 4 096 XML events of
//! a DOCX body, and after reading and normalizing), and a document past its budget stops there with
//! [`Error::LimitExceeded`](crate::Error::LimitExceeded) (`memory`): an error for that input,
//! and a batch goes on with the next one.
//!
//! The allocator itself cannot fail the document: Rust aborts the whole process when an
//! allocation returns null, and a global allocator must not unwind. A process-wide
//! `setrlimit(RLIMIT_AS)` has the same problem (the first refused allocation aborts every
//! document in flight) and counts address space, not memory (thread stacks and the
//! allocator's reserved arenas make it several times the resident set). So the budget is
//! checked where stopping is safe, and a document can pass it by what it allocates between two
//! checkpoints (one 64 KiB HTML chunk grows the DOM by about 2.5 MB; a PDF page's fonts and
//! images are bounded by `stream_bytes` and `image_pixels`) or inside a third-party parser
//! that has no checkpoint (lopdf loading the file, bounded by `input_bytes` and
//! `pdf_objects`; calamine, bounded by `sheet_cells`).
//!
//! The count is per thread, so it follows a conversion, which runs on one thread; the OCR
//! engine's network threads are not counted. Memory a document leaves behind for the whole
//! process (the OCR models, loaded on the first scan) is counted against the document that
//! loaded it. Without a registered gauge (a program using the library with its own allocator)
//! the limit cannot be measured and [`convert`] refuses a finite one with `InvalidInput`
//! rather than pretend to hold it.
//!
//! [`convert`]: crate::convert
//! [`extract`]: crate::extract

use std::cell::Cell;
use std::sync::OnceLock;

use crate::{Error, Limit, Result};

/// The program's reader of "bytes this thread holds" (allocated minus freed).
static GAUGE: OnceLock<fn() -> i64> = OnceLock::new();

thread_local! {
    /// The document being converted on this thread: (gauge when it started, budget).
    static SCOPE: Cell<Option<(i64, u64)>> = const { Cell::new(None) };
}

/// Register the program's memory gauge: a function returning the bytes the calling thread has
/// allocated and not freed (it may go negative when a thread frees what another allocated;
/// only differences are used). Only the first registration counts.
///
/// The `gongwen` binary registers its counting allocator's; a library user who wants
/// [`Limits::memory`](crate::Limits::memory) must install such an allocator too.
pub fn set_memory_gauge(bytes_held_by_this_thread: fn() -> i64) {
    let _ = GAUGE.set(bytes_held_by_this_thread);
}

/// Whether a memory gauge is registered (a finite [`Limits::memory`](crate::Limits::memory)
/// can be enforced).
pub fn memory_gauge_registered() -> bool {
    GAUGE.get().is_some()
}

/// The budget of the document converted on this thread; ends with the conversion (a nested
/// conversion keeps the outer document's start and budget).
pub(crate) struct Scope {
    outer: Option<(i64, u64)>,
}

impl Scope {
    /// Start counting a document against `budget` bytes (`u64::MAX`: no budget).
    pub(crate) fn enter(budget: u64) -> Result<Scope> {
        let outer = SCOPE.with(Cell::get);
        if budget != u64::MAX && outer.is_none() {
            let Some(gauge) = GAUGE.get() else {
                return Err(Error::Io(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "a memory limit was set, but this program's allocator does not count memory \
                     (see gongwen::set_memory_gauge)",
                )));
            };
            SCOPE.with(|s| s.set(Some((gauge(), budget))));
        }
        Ok(Scope { outer })
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        if self.outer.is_none() {
            SCOPE.with(|s| s.set(None));
        }
    }
}

/// A checkpoint: `Err` when the document converted on this thread holds more than its budget.
pub(crate) fn check() -> Result<()> {
    let Some((start, budget)) = SCOPE.with(Cell::get) else {
        return Ok(());
    };
    let Some(gauge) = GAUGE.get() else {
        return Ok(());
    };
    let held = u64::try_from(gauge().saturating_sub(start)).unwrap_or(0);
    if held > budget {
        return Err(Error::limit(Limit::Memory, budget));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static FAKE: Cell<i64> = const { Cell::new(0) };
    }

    fn fake() -> i64 {
        FAKE.with(Cell::get)
    }

    #[test]
    fn a_document_past_its_budget_fails_at_the_next_checkpoint() {
        // No other unit test registers a gauge; the scope is this test's thread only, so other
        // tests' threads never consult the fake.
        set_memory_gauge(fake);
        assert!(memory_gauge_registered());
        FAKE.with(|f| f.set(5_000));
        let scope = Scope::enter(1_000).expect("a gauge is registered");
        assert!(check().is_ok());
        FAKE.with(|f| f.set(6_000));
        assert!(check().is_ok(), "exactly at the budget");
        FAKE.with(|f| f.set(6_001));
        match check() {
            Err(Error::LimitExceeded { what, limit }) => {
                assert_eq!((what, limit), (Limit::Memory, 1_000));
            }
            other => panic!("expected the memory limit, got {other:?}"),
        }
        let inner = Scope::enter(10).expect("nested");
        assert!(
            check().is_err(),
            "a nested conversion keeps the outer budget"
        );
        drop(inner);
        drop(scope);
        assert!(check().is_ok(), "no document, no budget");
    }
}
