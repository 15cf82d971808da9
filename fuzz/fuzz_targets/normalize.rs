//! Fuzz the normalizer: no panic, idempotence and no ideograph added or lost on any UTF-8
//! input, with every rule on and with a set of rules switched off chosen by the input itself
//! (a hash of its bytes, so the whole input stays text and old corpora keep their meaning).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(text, &gongwen::NormalizeOptions::default());
    check(text, &options_from(data));
});

fn check(text: &str, options: &gongwen::NormalizeOptions) {
    let once = gongwen::normalize::text(text, options).into_owned();
    let twice = gongwen::normalize::text(&once, options);
    assert_eq!(once, twice, "normalize is not idempotent with {options:?}");
    assert_eq!(ideographs(&once), ideographs(text), "ideographs changed");
}

/// One flag per bit of a hash of the input.
fn options_from(data: &[u8]) -> gongwen::NormalizeOptions {
    let h = data
        .iter()
        .fold(0x9E37u32, |h, &b| h.rotate_left(5) ^ u32::from(b));
    let bit = |k: u32| h & (1 << k) != 0;
    let mut o = gongwen::NormalizeOptions::default();
    o.punctuation = bit(0);
    o.ascii_alnum = bit(1);
    o.whitespace = bit(2);
    o.quotes = bit(3);
    o.join_lines = bit(4);
    o.full_stops = bit(5);
    o.ellipses = bit(6);
    o.dashes = bit(7);
    o.title_marks = bit(8);
    o.split_decimals = bit(9);
    o
}

/// CJK Unified Ideographs (U+4E00–U+9FFF) and Extension A (U+3400–U+4DBF).
fn ideographs(s: &str) -> usize {
    s.chars()
        .filter(|&c| {
            ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
        })
        .count()
}
