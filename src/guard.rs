//! Panics caught on purpose, and a panic hook that keeps them quiet.
//!
//! A few third-party parsers are run under `catch_unwind` because they can panic on hostile
//! bytes (calamine on a damaged workbook, lopdf's loader and stream filters, the image
//! decoders); each such panic becomes a clear `malformed` error for that one file. The Rust
//! runtime still prints the panic's message (`thread '…' panicked at …`) on stderr before the
//! unwind reaches the guard, so a user saw a scary backtrace hint above gongwen's own clear
//! error. [`quiet_guarded_panics`] installs a hook that stays silent while such a guard is
//! running on the panicking thread and hands every other panic to the hook before it, so a
//! real bug (a panic outside these guards, one that `gongwen batch` turns into an `internal`
//! record) is still printed in full.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    /// How many guards are running on this thread (they nest: a PDF page image inside a PDF).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Run `f`, catching a panic: `Err` with the panic's payload. While `f` runs, a panic on this
/// thread is expected, and the hook of [`quiet_guarded_panics`] does not print it.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    /// Leaves the guard however `f` ends.
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        }
    }
    DEPTH.with(|d| d.set(d.get().saturating_add(1)));
    let _leave = Leave;
    catch_unwind(AssertUnwindSafe(f))
}

/// Whether the current thread is inside one of the library's panic guards, where a panic
/// becomes a `malformed` error for the input being read.
pub fn in_guard() -> bool {
    DEPTH.with(|d| d.get() > 0)
}

/// Install a panic hook that prints nothing for a panic the library catches on purpose (one
/// inside a third-party parser, which becomes a `malformed` error naming the input) and hands
/// every other panic to the hook installed before it. Call it once at the start of a program
/// (the `gongwen` binary and the Python module do); calling it again does nothing.
///
/// Without it the error is the same, but stderr also shows Rust's `panicked at` message for a
/// panic that was handled.
pub fn quiet_guarded_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !in_guard() {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guard_catches_and_its_depth_unwinds_with_it() {
        assert!(!in_guard());
        let inner = catch(|| {
            assert!(in_guard());
            catch(|| panic!("expected")).is_err()
        });
        assert_eq!(inner.ok(), Some(true));
        assert!(!in_guard());
        assert!(catch(|| -> u8 { panic!("expected") }).is_err());
        assert!(!in_guard(), "a panic leaves the guard too");
    }
}
