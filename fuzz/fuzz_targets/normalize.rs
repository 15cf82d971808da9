//! Fuzz the normalizer: no panic, and idempotence on any UTF-8 input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = gongwen::NormalizeOptions::default();
    let once = gongwen::normalize::text(text, &options).into_owned();
    let twice = gongwen::normalize::text(&once, &options);
    assert_eq!(once, twice, "normalize is not idempotent");
});
