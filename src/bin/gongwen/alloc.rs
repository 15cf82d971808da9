//! The counting global allocator behind `--limit-memory`: the system allocator, plus a
//! per-thread count of the bytes allocated and not yet freed, which the library reads at its
//! memory checkpoints (`gongwen::set_memory_gauge`; why checkpoints and not a failing
//! allocator: `src/memory.rs`). The count is one thread-local add per allocation.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting.
pub struct Counting;

thread_local! {
    /// Bytes this thread allocated minus bytes it freed (negative when it frees what another
    /// thread allocated: only differences are used).
    static HELD: Cell<i64> = const { Cell::new(0) };
}

fn add(bytes: i64) {
    // A Copy thread-local with a const initialiser needs no destructor and never allocates, so
    // this is safe from inside the allocator, even while the thread ends.
    let _ = HELD.try_with(|held| held.set(held.get().wrapping_add(bytes)));
}

fn size(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The gauge registered with the library: what the calling thread holds.
pub fn held_by_this_thread() -> i64 {
    HELD.try_with(Cell::get).unwrap_or(0)
}

// SAFETY: every method hands the call to `System` unchanged and only counts on success.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            add(size(layout.size()));
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            add(size(layout.size()));
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, which is `System`'s.
        unsafe { System.dealloc(ptr, layout) };
        add(-size(layout.size()));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `dealloc`, and the caller's contract for `new_size`.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            add(size(new_size).wrapping_sub(size(layout.size())));
        }
        new
    }
}
