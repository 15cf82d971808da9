//! Fuzz `convert` with format sniffing, as a user's batch would see arbitrary files.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::let_guarded_panics_unwind();
    common::convert_and_walk(data, None)
});
