//! What every reader target does: convert with small limits and walk the whole output.

/// Convert `data` (as `format`, or sniffed when `None`) and render the result as a consumer would.
#[allow(dead_code)] // batch_inputs feeds whole batches instead
pub fn convert_and_walk(data: &[u8], format: Option<gongwen::Format>) {
    let mut options = gongwen::Options::default();
    options.read.format = format;
    // Small limits keep each execution fast; the limits themselves are under test too.
    options.read.limits.input_bytes = 4 << 20;
    options.read.limits.zip_total_bytes = 64 << 20;
    options.read.limits.stream_bytes = 16 << 20;
    // A sheet's grid is its bounding box: one stray cell far to the right makes it wide. At the
    // default 4 000 000 cells a unit takes seconds, minutes under ASAN (a libFuzzer timeout, not
    // a bug); the cap itself is what is under test.
    options.read.limits.sheet_cells = 100_000;
    if let Ok(doc) = gongwen::convert(data, &options) {
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Json);
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Markdown);
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Text);
    }
}

/// The spreadsheet reader runs calamine inside `catch_unwind` by design (a calamine bug on a
/// damaged workbook becomes a `malformed` error for that file). libFuzzer's panic hook aborts
/// on every panic, caught or not, which would stop the run at the first such input; this
/// hook lets a caught panic unwind. An uncaught panic still aborts: libfuzzer-sys checks the
/// target's own `catch_unwind`.
/// Every target whose input can reach a workbook reader needs it: read_sheet, and convert and
/// batch_inputs, which sniff (their smoke run hit the calamine short-record panic, caught).
#[allow(dead_code)] // the targets pinned to one other format never reach calamine
pub fn let_guarded_panics_unwind() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
