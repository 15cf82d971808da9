//! Fuzz the html reader through the whole pipeline, forcing the format so that every input
//! reaches the reader instead of stopping at format sniffing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = gongwen::Options::default();
    options.read.format = Some(gongwen::Format::Html);
    // Small limits keep each execution fast; the limits themselves are under test too.
    options.read.limits.input_bytes = 4 << 20;
    options.read.limits.zip_total_bytes = 64 << 20;
    options.read.limits.stream_bytes = 16 << 20;
    if let Ok(doc) = gongwen::convert(data, &options) {
        // Walk the whole output, as a consumer would.
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Json);
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Markdown);
    }
});
