//! Does a reader's body text read like the output of a failed OCR? The per-page judgment the
//! PDF and OFD readers share (a scan with an invisible, error-ridden text layer), built on the
//! character statistics of [`crate::vocab::hanzi`].

use crate::model::{Block, Code, Diagnostic};
use crate::vocab::hanzi::TextStats;

/// The pages whose body text reads like the output of a failed OCR (an invisible text layer
/// over a scan, full of misread characters and stray marks; see [`TextStats`]), leaving out
/// the pages in `doubted` (already reported for their fonts). One `unreliable_text` warning
/// names them all.
pub(crate) fn failed_ocr_pages(
    blocks: &[Block],
    doubted: &[u32],
    warnings: &mut Vec<Diagnostic>,
) -> Vec<u32> {
    let mut by_page: Vec<(u32, String)> = Vec::new();
    for b in blocks {
        let Some(page) = b.origin.page else { continue };
        match by_page.last_mut() {
            Some((p, text)) if *p == page => {
                text.push('\n');
                text.push_str(&b.text);
            }
            _ => by_page.push((page, b.text.clone())),
        }
    }
    let mut garbage: Vec<u32> = by_page
        .iter()
        .filter(|(page, text)| {
            !doubted.contains(page)
                && TextStats::of(text).is_some_and(|s| s.looks_like_failed_ocr())
        })
        .map(|(page, _)| *page)
        .collect();
    garbage.sort_unstable();
    garbage.dedup();
    if !garbage.is_empty() {
        warnings.push(Diagnostic::new(
            Code::UnreliableText,
            format!(
                "page(s) {}: the text layer reads like a failed OCR (rare and misread characters, \
                 broken word pairs, stray Latin letters and marks); the text is not what the page shows",
                crate::read::pdf::list(&garbage)
            ),
        ));
    }
    garbage
}
