//! Fuzz `convert` with format sniffing, as a user's batch would see arbitrary files.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = gongwen::Options::default();
    options.read.limits.input_bytes = 4 << 20;
    options.read.limits.zip_total_bytes = 64 << 20;
    options.read.limits.stream_bytes = 16 << 20;
    if let Ok(doc) = gongwen::convert(data, &options) {
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Text);
    }
});
