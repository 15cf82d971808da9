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
    // The PDF seeds (samples, fixtures) run to 24 pages of thousands of glyphs, and a form
    // fan-out fixture runs 2 000 000 operations: under ASAN one execution took 0.6-1.3 s and
    // 23 s, and read_pdf fuzzed at 4-25 executions a second. Page 7 of a seed reaches no code
    // page 6 did not (running headers and page numbers need 3 pages), and the operation cap
    // is under test as much at 200 000 (2026-12-05, docs/robustness.md).
    options.read.limits.pages = 6;
    options.read.limits.ops_per_page = 200_000;
    if let Ok(doc) = gongwen::convert(data, &options) {
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Json);
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Markdown);
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Text);
    }
}

/// The spreadsheet reader runs calamine inside a panic guard by design (a calamine bug on a
/// damaged workbook becomes a `malformed` error for that file). libFuzzer's panic hook aborts
/// on every panic, caught or not, which would stop the run at the first such input. The
/// library's quiet hook says nothing for a panic inside one of its guards (which then unwinds
/// to the guard) and hands every other panic to libFuzzer's hook, which aborts: a panic in
/// gongwen's own code, even one `gongwen batch` would turn into an `internal` record, is still
/// a finding.
/// Every target whose input can reach a workbook reader needs it: read_sheet, and convert and
/// batch_inputs, which sniff (their smoke run hit the calamine short-record panic, caught).
#[allow(dead_code)] // the targets pinned to one other format never reach calamine
pub fn let_guarded_panics_unwind() {
    gongwen::quiet_guarded_panics();
}
