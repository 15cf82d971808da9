//! Warnings in plain words, for a person rather than a program: [`Code::plain_words`] says what
//! one code means, [`plain_summary`] turns a document's warnings into one short line per code,
//! counting repeats and naming pages. The command line prints these lines to stderr; a server or
//! a binding can show the same ones.

use super::{Code, Diagnostic, EncodingEvidence, Source};

/// Most page numbers or ranges named in one line; the rest become `…`.
const SHOWN_PAGES: usize = 8;

impl Code {
    /// What the code means, in a few plain words (no trailing period).
    pub fn plain_words(self) -> &'static str {
        match self {
            Code::UndecodableBytes => "bytes that could not be decoded were replaced by �",
            Code::CharsetOverruled => "the declared charset was wrong and was overruled",
            Code::CharsetGuessed => "no charset declared: the encoding was guessed",
            Code::NoMainContent => "no main content found: the whole page was used",
            Code::ChromeRemoved => "site menus and footers removed",
            Code::PageNumbersRemoved => "page numbers removed",
            Code::RunningHeadersRemoved => "running headers and footers removed",
            Code::NoTextLayer => "no text layer (a scan): OCR is needed",
            Code::UnreliableText => "unreliable text: a font's character map looks wrong",
            Code::DamagedFile => "the file is damaged: part of it may be missing",
            Code::LimitReached => "a resource limit stopped part of the reading",
            Code::NumberingGap => "heading numbers skip",
            Code::YearInferred => "a date without a year: the year was inferred",
            Code::BadDate => "a date could not be read",
            Code::NoTitle => "no title found",
            Code::NoSignature => "no signature (署名/成文日期) found",
            Code::FooterChromeDropped => "footer chrome dropped",
            Code::MultipleDocuments => "the file holds several documents: only the first was read",
        }
    }
}

/// One plain line per code among the doubts in `warnings` (reported cleanups such as
/// `chrome_removed` are left out), in the order the codes first appear. `source` supplies the
/// page count and the encoding, so a line can say "(a scan)" or name the guessed encoding.
///
/// ```
/// use gongwen::model::{plain_summary, Code, Diagnostic, Source};
/// let mut source = Source::default();
/// source.pages = Some(14);
/// let warnings = [Diagnostic::new(Code::NoTextLayer, "page(s) 1-14 are images without a text layer")];
/// assert_eq!(plain_summary(&warnings, &source), ["no text layer on pages 1–14 (a scan): OCR is needed"]);
/// ```
pub fn plain_summary(warnings: &[Diagnostic], source: &Source) -> Vec<String> {
    let mut codes: Vec<Code> = Vec::new();
    for w in warnings {
        if !w.code.is_informational() && !codes.contains(&w.code) {
            codes.push(w.code);
        }
    }
    codes
        .into_iter()
        .map(|code| {
            let group: Vec<&Diagnostic> = warnings.iter().filter(|w| w.code == code).collect();
            line(code, &group, source)
        })
        .collect()
}

/// The line for one code and its warnings.
fn line(code: Code, group: &[&Diagnostic], source: &Source) -> String {
    let pages = pages_of(group);
    match code {
        Code::NoTextLayer => no_text_layer(&pages, group, source),
        Code::CharsetGuessed | Code::CharsetOverruled => {
            let name = source.encoding.as_ref().map(|e| e.name.as_str());
            match (code, name) {
                (Code::CharsetGuessed, Some(name)) => {
                    format!(
                        "no charset declared: the encoding was guessed ({name}); check the text"
                    )
                }
                (_, Some(name)) => format!("the declared charset was wrong: decoded as {name}"),
                _ => code.plain_words().to_string(),
            }
        }
        Code::UnreliableText => {
            // The PDF reader's failed-OCR verdict says so in its message; the others are fonts.
            let why = if group.iter().all(|w| w.message.contains("failed OCR")) {
                "the text layer reads like a failed OCR"
            } else {
                "a font's character map looks wrong"
            };
            format!(
                "unreliable text{}{}: {why}, the text may not match the page",
                repeats(group.len()),
                on_pages(&pages)
            )
        }
        _ => format!(
            "{}{}{}",
            code.plain_words(),
            repeats(group.len()),
            on_pages(&pages)
        ),
    }
}

/// `no text layer on pages 1–14 (a scan): OCR is needed`.
fn no_text_layer(pages: &[u32], group: &[&Diagnostic], source: &Source) -> String {
    let total = source.pages.unwrap_or(0);
    // OFD says "no page has text" without a list: every page is an image.
    let every = group.iter().any(|w| w.message.starts_with("no page"))
        || (total > 0 && pages.len() as u32 == total);
    let scan = if every { " (a scan)" } else { "" };
    let where_ = match (every, pages.is_empty(), total) {
        (true, _, 1) => " on its page".to_string(),
        (true, _, n) if n > 1 => format!(" on pages 1–{n}"),
        (_, false, _) => on_pages(pages),
        _ => String::new(),
    };
    format!("no text layer{where_}{scan}: OCR is needed")
}

/// ` (3 times)` for a code reported more than once, nothing for once.
fn repeats(n: usize) -> String {
    if n > 1 {
        format!(" ({n} times)")
    } else {
        String::new()
    }
}

/// ` on page 3`, ` on pages 2, 5–7`, or nothing.
fn on_pages(pages: &[u32]) -> String {
    match pages {
        [] => String::new(),
        [one] => format!(" on page {one}"),
        _ => format!(" on pages {}", ranges(pages)),
    }
}

/// `2, 5–7, 9` from sorted, deduplicated page numbers; long lists end with `…`.
fn ranges(pages: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&start) = pages.get(i) {
        let mut end = start;
        while pages.get(i + 1) == Some(&end.saturating_add(1)) {
            end += 1;
            i += 1;
        }
        i += 1;
        if parts.len() == SHOWN_PAGES {
            parts.push("…".to_string());
            break;
        }
        parts.push(if end > start {
            format!("{start}–{end}")
        } else {
            start.to_string()
        });
    }
    parts.join(", ")
}

/// The pages a group of warnings concerns: their origins' pages, and the `page(s) 1, 3-5`
/// lists the PDF reader writes at the head of its messages.
fn pages_of(group: &[&Diagnostic]) -> Vec<u32> {
    let mut pages: Vec<u32> = Vec::new();
    for w in group {
        pages.extend(w.origin.as_ref().and_then(|o| o.page));
        if let Some(list) = w.message.strip_prefix("page(s) ") {
            pages.extend(listed_pages(list));
        }
    }
    pages.sort_unstable();
    pages.dedup();
    pages
}

/// Page numbers from the head of `1, 3-5, 9 are …` (or `…: …`), ranges expanded; a list that
/// does not parse gives what parsed before it.
fn listed_pages(text: &str) -> Vec<u32> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == ' ' || c == '-'))
        .unwrap_or(text.len());
    let mut pages = Vec::new();
    for item in text.get(..end).unwrap_or("").split(',') {
        let item = item.trim();
        let (a, b) = item.split_once('-').unwrap_or((item, item));
        let (Ok(a), Ok(b)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>()) else {
            continue;
        };
        // Page lists are bounded by the page limit; the cap only guards odd messages.
        pages.extend((a..=b).take(100_000));
    }
    pages
}

/// How the encoding was found, in plain words (`guessed from the bytes`), for summaries.
pub(crate) fn evidence_words(evidence: EncodingEvidence) -> &'static str {
    match evidence {
        EncodingEvidence::Bom => "byte-order mark",
        EncodingEvidence::HttpHeader => "HTTP header",
        EncodingEvidence::MetaCharset => "declared in the page",
        EncodingEvidence::DeclarationOverruled => "declaration overruled by the bytes",
        EncodingEvidence::ValidUtf8 => "the bytes are valid UTF-8",
        EncodingEvidence::Guessed => "guessed from the bytes",
        EncodingEvidence::Forced => "forced",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn source(pages: u32) -> Source {
        Source {
            pages: Some(pages),
            ..Default::default()
        }
    }

    #[test]
    fn a_partly_scanned_pdf_names_its_pages() {
        let w = [Diagnostic::new(
            Code::NoTextLayer,
            "page(s) 2, 4-6 are images without a text layer (OCR is needed)",
        )];
        assert_eq!(
            plain_summary(&w, &source(9)),
            ["no text layer on pages 2, 4–6: OCR is needed"]
        );
    }

    #[test]
    fn repeats_are_counted_and_cleanups_left_out() {
        let w = [
            Diagnostic::new(Code::ChromeRemoved, "x"),
            Diagnostic::new(Code::UnreliableText, "page(s) 2: font F1 …"),
            Diagnostic::new(Code::UnreliableText, "page(s) 5, 7: font F2 …"),
            Diagnostic::new(Code::NumberingGap, "a").at(Origin::on_page(3, 1)),
            Diagnostic::new(Code::NumberingGap, "b").at(Origin::on_page(3, 9)),
        ];
        assert_eq!(
            plain_summary(&w, &source(9)),
            [
                "unreliable text (2 times) on pages 2, 5, 7: a font's character map looks wrong, the text may not match the page",
                "heading numbers skip (2 times) on page 3",
            ]
        );
    }

    #[test]
    fn long_page_lists_are_cut() {
        let pages: Vec<u32> = (1..40).step_by(2).collect();
        assert_eq!(ranges(&pages), "1, 3, 5, 7, 9, 11, 13, 15, …");
    }

    #[test]
    fn every_code_has_words() {
        assert!(!Code::MultipleDocuments.plain_words().is_empty());
        assert!(plain_summary(&[Diagnostic::new(Code::ChromeRemoved, "x")], &source(1)).is_empty());
    }
}
