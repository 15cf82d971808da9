//! What every reader target does: convert with small limits and walk the whole output.

/// Convert `data` (as `format`, or sniffed when `None`) and render the result as a consumer would.
pub fn convert_and_walk(data: &[u8], format: Option<gongwen::Format>) {
    let mut options = gongwen::Options::default();
    options.read.format = format;
    // Small limits keep each execution fast; the limits themselves are under test too.
    options.read.limits.input_bytes = 4 << 20;
    options.read.limits.zip_total_bytes = 64 << 20;
    options.read.limits.stream_bytes = 16 << 20;
    if let Ok(doc) = gongwen::convert(data, &options) {
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Json);
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Markdown);
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Text);
    }
}
