//! Fuzz the Word 97 `.doc` reader (compound file, FIB, piece table, property pages, list
//! tables) through the whole pipeline, forcing the format so that every input reaches the
//! reader instead of stopping at format sniffing.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::convert_and_walk(
    data,
    Some(gongwen::Format::Doc)
));
