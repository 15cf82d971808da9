//! Explain: a short summary of what was found in one input, for a person checking a file
//! (`gongwen convert --explain FILE`): format and encoding evidence, pages, title, parts,
//! body and section counts, and the warnings in plain words. Not meant to be parsed.

use std::io::{self, Write};

use crate::model::{evidence_words, plain_summary, BlockKind, Document, Section};

/// Render what was found in `doc`, one fact per line.
pub fn explain(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let src = &doc.source;
    if let Some(path) = &src.path {
        writeln!(out, "file:      {path}")?;
    }
    let format = src.format.map_or("unknown", |f| f.name());
    let compressed = src
        .compression
        .as_deref()
        .map(|c| format!(", {c}-compressed"))
        .unwrap_or_default();
    let version = src
        .version
        .as_deref()
        .map(|v| format!(" {v}"))
        .unwrap_or_default();
    writeln!(
        out,
        "format:    {format}{version}, {} bytes{compressed}",
        src.bytes
    )?;
    if let Some(enc) = &src.encoding {
        let declared = match &enc.declared {
            Some(d) if !d.eq_ignore_ascii_case(&enc.name) => format!("; declared {d}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "encoding:  {} ({}{declared})",
            enc.name,
            evidence_words(enc.evidence)
        )?;
    }
    if let Some(pages) = src.pages {
        writeln!(out, "pages:     {pages}")?;
    }
    if let Some(producer) = src.producer.as_deref().or(src.creator.as_deref()) {
        writeln!(out, "producer:  {producer}")?;
    }
    writeln!(
        out,
        "title:     {}",
        doc.meta.title.as_deref().unwrap_or("(none found)")
    )?;
    let parts = parts(doc);
    if !parts.is_empty() {
        writeln!(out, "parts:     {}", parts.join("; "))?;
    }
    writeln!(out, "body:      {}", body(doc))?;
    writeln!(out, "sections:  {}", sections(&doc.sections))?;
    if let Some(sig) = &doc.signature {
        let who = sig.issuers.join(" ");
        let date = sig.date.as_deref().unwrap_or("no date");
        writeln!(
            out,
            "signature: {} ({date})",
            if who.is_empty() { "no issuer" } else { &who }
        )?;
    }
    if !doc.attachments.is_empty() {
        writeln!(out, "attached:  {} attachment(s)", doc.attachments.len())?;
    }
    if doc.notice.is_some() {
        writeln!(out, "notice:    inspection (巡视/巡察) facts extracted")?;
    }
    warnings(doc, out)
}

/// The GB/T 9704 parts present, as `label value`.
fn parts(doc: &Document) -> Vec<String> {
    let p = &doc.parts;
    let mut out = Vec::new();
    let mut add = |label: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.push(format!("{label} {v}"));
        }
    };
    add("发文机关标志", p.issuer_mark.as_deref());
    add("发文字号", p.doc_number.as_ref().map(|d| d.text.as_str()));
    add("密级", p.secrecy.as_deref());
    add("紧急程度", p.urgency.as_deref());
    add("主送", p.addressee.as_deref());
    add("抄送", p.cc.as_deref());
    add("印发", p.printed_by.as_deref());
    if !p.signers.is_empty() {
        out.push(format!("签发人 {}", p.signers.join("、")));
    }
    out
}

/// `42 blocks: 30 paragraphs, 8 headings, 1 table`.
fn body(doc: &Document) -> String {
    let kinds = [
        (BlockKind::Paragraph, "paragraph"),
        (BlockKind::Heading, "heading"),
        (BlockKind::ListItem, "list item"),
        (BlockKind::Table, "table"),
        (BlockKind::Closing, "closing line"),
    ];
    let counts: Vec<String> = kinds
        .iter()
        .filter_map(|&(kind, name)| {
            let n = doc.blocks.iter().filter(|b| b.kind == kind).count();
            (n > 0).then(|| format!("{n} {name}{}", if n == 1 { "" } else { "s" }))
        })
        .collect();
    let n = doc.blocks.len();
    let blocks = format!("{n} block{}", if n == 1 { "" } else { "s" });
    if counts.is_empty() {
        blocks
    } else {
        format!("{blocks}: {}", counts.join(", "))
    }
}

/// `3 at level 1, 7 at level 2`, or `none`.
fn sections(sections: &[Section]) -> String {
    let mut per_level: Vec<usize> = Vec::new();
    let mut stack: Vec<&Section> = sections.iter().collect();
    while let Some(s) = stack.pop() {
        let level = usize::from(s.level.max(1));
        if per_level.len() < level {
            per_level.resize(level, 0);
        }
        if let Some(n) = per_level.get_mut(level - 1) {
            *n += 1;
        }
        stack.extend(s.children.iter());
    }
    let shown: Vec<String> = per_level
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, n)| format!("{n} at level {}", i + 1))
        .collect();
    if shown.is_empty() {
        "none".to_string()
    } else {
        shown.join(", ")
    }
}

/// The doubts in plain words, then the cleanups by name.
fn warnings(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let doubts = plain_summary(&doc.warnings, &doc.source);
    if doubts.is_empty() {
        writeln!(out, "doubts:    none")?;
    }
    for (i, line) in doubts.iter().enumerate() {
        let label = if i == 0 { "doubts:   " } else { "          " };
        writeln!(out, "{label} {line}")?;
    }
    let mut cleanups: Vec<&str> = Vec::new();
    for w in doc.warnings.iter().filter(|w| w.code.is_informational()) {
        let words = w.code.plain_words();
        if !cleanups.contains(&words) {
            cleanups.push(words);
        }
    }
    if !cleanups.is_empty() {
        writeln!(out, "cleanups:  {}", cleanups.join("; "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Code, Diagnostic, Format};

    #[test]
    fn names_format_title_counts_and_doubts() {
        let mut doc = Document::new();
        doc.source.format = Some(Format::Pdf);
        doc.source.pages = Some(2);
        doc.source.bytes = 1234;
        doc.meta.title = Some("关于某事的通报".into());
        doc.blocks = vec![Block::paragraph("甲"), Block::paragraph("乙")];
        doc.warnings = vec![
            Diagnostic::new(Code::NoTitle, "x"),
            Diagnostic::new(Code::PageNumbersRemoved, "y"),
        ];
        let mut out = Vec::new();
        explain(&doc, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("format:    pdf, 1234 bytes\n"), "{text}");
        assert!(text.contains("pages:     2\n"), "{text}");
        assert!(text.contains("title:     关于某事的通报\n"), "{text}");
        assert!(
            text.contains("body:      2 blocks: 2 paragraphs\n"),
            "{text}"
        );
        assert!(text.contains("sections:  none\n"), "{text}");
        assert!(text.contains("doubts:    no title found\n"), "{text}");
        assert!(text.contains("cleanups:  page numbers removed\n"), "{text}");
    }
}
