//! Section-aware chunks of a [`Document`] for retrieval (RAG pipelines, embeddings, search).
//!
//! Resolves how a notice's body is cut into pieces of at most `max_chars` characters that a
//! retriever can hand back one at a time:
//!
//! - a chunk never spans two sections: every chunk carries the heading path it sits under
//!   (`["二、…", "（三）…"]`, the heading numbers and titles as written), so a chunk is
//!   self-explaining without its neighbours;
//! - headings and metadata fields are not chunk text (headings are the path, metadata is in
//!   `meta`); the body is every other block (paragraphs, list items, tables, closing lines,
//!   the title);
//! - a block that fits goes whole into one chunk; a longer block is cut between sentences
//!   (after `。！？；` or a line break), a sentence longer than `max_chars` between clauses
//!   (after `，`), and a clause longer than that at `max_chars` characters;
//! - with `overlap` > 0 a chunk starts with the last whole sentences (at most `overlap`
//!   characters) of the chunk before it in the same section.
//!
//! With `overlap` 0 every body character is in exactly one chunk; [`Chunk::blocks`],
//! [`Chunk::start`] and [`Chunk::end`] trace each chunk back to `Document::blocks`.

use serde::Serialize;

use crate::model::{BlockKind, Document, Section};

/// How to cut.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChunkOptions {
    /// Most characters of a chunk's `text`. Default: 800 (about 500 tokens of Chinese for
    /// common embedding models). Values below 1 count as 1.
    pub max_chars: usize,
    /// Characters of context repeated from the chunk before (whole sentences only). Default: 0.
    pub overlap: usize,
}

impl Default for ChunkOptions {
    fn default() -> Self {
        ChunkOptions {
            max_chars: 800,
            overlap: 0,
        }
    }
}

impl ChunkOptions {
    /// Options with the given size and overlap.
    pub fn new(max_chars: usize, overlap: usize) -> Self {
        ChunkOptions { max_chars, overlap }
    }
}

/// One piece of body text with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Chunk {
    /// 0-based position among the document's chunks.
    pub index: u32,
    /// The text: the pieces of each block, joined by `\n` where a block ends.
    pub text: String,
    /// The headings above the text, outermost first, as written (`二、…`, `（三）…`).
    pub headings: Vec<String>,
    /// Indices (into `Document::blocks`) of the blocks the text comes from, in order.
    pub blocks: Vec<u32>,
    /// Char offset in the first block's text where the chunk starts.
    pub start: u32,
    /// Char offset in the last block's text where the chunk ends (exclusive).
    pub end: u32,
    /// The pages the blocks sit on (PDF, OFD), ascending; empty for other formats.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<u32>,
}

/// A sentence (or clause, or hard cut) of one block: the smallest thing a chunk holds.
#[derive(Debug, Clone, Copy)]
struct Unit {
    block: usize,
    start: usize,
    end: usize,
}

impl Unit {
    fn chars(self) -> usize {
        self.end - self.start
    }
}

/// Cut `doc`'s body into chunks (see the module documentation).
pub fn chunks(doc: &Document, opts: &ChunkOptions) -> Vec<Chunk> {
    let max = opts.max_chars.max(1);
    let paths = heading_paths(doc);
    let mut out = Vec::new();
    for (path, blocks) in groups(doc, &paths) {
        let texts: Vec<Vec<char>> = blocks
            .iter()
            .map(|&b| doc.blocks[b].text.chars().collect())
            .collect();
        let units: Vec<Unit> = blocks
            .iter()
            .zip(&texts)
            .flat_map(|(&b, t)| block_units(b, t, max))
            .collect();
        for (first, last) in ranges(&units, max, opts.overlap) {
            out.push(make_chunk(doc, &units[first..last], path, out.len()));
        }
    }
    out
}

/// The heading path of every block that sits under a heading (`None` for headings themselves
/// and for blocks before the first heading, which get the empty path).
fn heading_paths(doc: &Document) -> Vec<Option<Vec<String>>> {
    let mut paths = vec![None; doc.blocks.len()];
    let mut stack = Vec::new();
    for section in &doc.sections {
        walk(section, &mut stack, &mut paths);
    }
    paths
}

fn walk(section: &Section, stack: &mut Vec<String>, paths: &mut [Option<Vec<String>>]) {
    let number = section.number.as_deref().unwrap_or("");
    stack.push(format!("{number}{}", section.title));
    for &b in &section.content {
        if let Some(slot) = paths.get_mut(b as usize) {
            *slot = Some(stack.clone());
        }
    }
    for child in &section.children {
        walk(child, stack, paths);
    }
    stack.pop();
}

/// Runs of consecutive body blocks with the same heading path.
fn groups<'a>(doc: &Document, paths: &'a [Option<Vec<String>>]) -> Vec<(&'a [String], Vec<usize>)> {
    let mut out: Vec<(&[String], Vec<usize>)> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if matches!(block.kind, BlockKind::Heading | BlockKind::MetaField) {
            continue;
        }
        let path: &[String] = paths[i].as_deref().unwrap_or(&[]);
        match out.last_mut() {
            Some((p, blocks)) if *p == path && blocks.last() == Some(&(i - 1)) => blocks.push(i),
            _ => out.push((path, vec![i])),
        }
    }
    out
}

/// The units of one block: the whole block when it fits, else sentences, clauses, hard cuts.
fn block_units(block: usize, text: &[char], max: usize) -> Vec<Unit> {
    let whole = Unit {
        block,
        start: 0,
        end: text.len(),
    };
    if whole.chars() <= max {
        return vec![whole];
    }
    let mut out = Vec::new();
    for sentence in split_after(text, whole, is_sentence_end) {
        if sentence.chars() <= max {
            out.push(sentence);
            continue;
        }
        for clause in split_after(text, sentence, is_clause_end) {
            out.extend(hard_cuts(clause, max));
        }
    }
    out
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// Closing quotes and brackets stay with the sentence they close (`……。”`).
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》')
}

/// Split `unit` after every character that `is_end` accepts (and the closers after it).
fn split_after(text: &[char], unit: Unit, is_end: fn(char) -> bool) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut start = unit.start;
    let mut i = unit.start;
    while i < unit.end {
        if is_end(text[i]) {
            i += 1;
            while i < unit.end && (is_closer(text[i]) || is_end(text[i])) {
                i += 1;
            }
            out.push(Unit {
                start,
                end: i,
                ..unit
            });
            start = i;
        } else {
            i += 1;
        }
    }
    if start < unit.end {
        out.push(Unit { start, ..unit });
    }
    out
}

fn hard_cuts(unit: Unit, max: usize) -> Vec<Unit> {
    (unit.start..unit.end)
        .step_by(max)
        .map(|start| Unit {
            start,
            end: (start + max).min(unit.end),
            ..unit
        })
        .collect()
}

/// Length of the text of `units` joined as a chunk (a `\n` where the block changes).
fn joined_len(units: &[Unit]) -> usize {
    let breaks = units
        .windows(2)
        .filter(|w| w[0].block != w[1].block)
        .count();
    units.iter().map(|u| u.chars()).sum::<usize>() + breaks
}

/// The unit ranges `[first, last)` of the chunks of one group.
fn ranges(units: &[Unit], max: usize, overlap: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut next = 0; // the first unit not yet in any chunk
    while next < units.len() {
        let mut last = next + 1;
        while last < units.len() && fits(units, first, last, max) {
            last += 1;
        }
        out.push((first, last));
        next = last;
        first = overlap_start(units, last, overlap, max);
    }
    out
}

/// Whether unit `last` can join the chunk `[first, last)`: it must fit, and a block that would
/// be cut although it fits whole into a chunk of its own starts a new chunk instead.
fn fits(units: &[Unit], first: usize, last: usize, max: usize) -> bool {
    if joined_len(&units[first..=last]) > max {
        return false;
    }
    let unit = units[last];
    let starts_block = units[last - 1].block != unit.block;
    if !starts_block {
        return true;
    }
    let block_end = units[last..]
        .iter()
        .position(|u| u.block != unit.block)
        .map_or(units.len(), |p| last + p);
    joined_len(&units[first..block_end]) <= max || joined_len(&units[last..block_end]) > max
}

/// Where the chunk after `[…, last)` starts: back over whole units worth at most `overlap`
/// characters, leaving room for the next unit.
fn overlap_start(units: &[Unit], last: usize, overlap: usize, max: usize) -> usize {
    if overlap == 0 || last >= units.len() {
        return last;
    }
    let mut first = last;
    while first > 0 && joined_len(&units[first - 1..last]) <= overlap {
        first -= 1;
    }
    while first < last && joined_len(&units[first..=last]) > max {
        first += 1;
    }
    first
}

fn make_chunk(doc: &Document, units: &[Unit], path: &[String], index: usize) -> Chunk {
    let mut text = String::new();
    let mut blocks: Vec<u32> = Vec::new();
    let mut pages: Vec<u32> = Vec::new();
    for unit in units {
        let block = &doc.blocks[unit.block];
        let b = to_u32(unit.block);
        if blocks.last() != Some(&b) {
            if !blocks.is_empty() {
                text.push('\n');
            }
            blocks.push(b);
            pages.extend(block.origin.page);
        }
        text.extend(block.text.chars().skip(unit.start).take(unit.chars()));
    }
    pages.sort_unstable();
    pages.dedup();
    Chunk {
        index: to_u32(index),
        text,
        headings: path.to_vec(),
        blocks,
        start: units.first().map_or(0, |u| to_u32(u.start)),
        end: units.last().map_or(0, |u| to_u32(u.end)),
        pages,
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Options};

    fn convert(text: &str) -> Document {
        let mut options = Options::default();
        options.read.format = Some(Format::Text);
        crate::convert(text.as_bytes(), &options).unwrap()
    }

    /// Every char of every body block, as (block, offset), in the order the chunks cover them.
    fn covered(chunks: &[Chunk], doc: &Document) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        for c in chunks {
            for (k, &b) in c.blocks.iter().enumerate() {
                let len = doc.blocks[b as usize].text.chars().count();
                let from = if k == 0 { c.start as usize } else { 0 };
                let to = if k + 1 == c.blocks.len() {
                    c.end as usize
                } else {
                    len
                };
                out.extend((from..to).map(|i| (b, i)));
            }
        }
        out
    }

    fn body(doc: &Document) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            if !matches!(b.kind, BlockKind::Heading | BlockKind::MetaField) {
                out.extend((0..b.text.chars().count()).map(|k| (i as u32, k)));
            }
        }
        out
    }

    fn check_partition(doc: &Document, max: usize) {
        let chunks = chunks(doc, &ChunkOptions::new(max, 0));
        assert_eq!(covered(&chunks, doc), body(doc), "max {max}");
        for c in &chunks {
            let pieces: Vec<String> = covered(std::slice::from_ref(c), doc)
                .chunk_by(|a, b| a.0 == b.0)
                .map(|run| {
                    let text = &doc.blocks[run[0].0 as usize].text;
                    text.chars().skip(run[0].1).take(run.len()).collect()
                })
                .collect();
            assert_eq!(c.text, pieces.join("\n"));
        }
    }

    #[test]
    fn every_body_char_in_exactly_one_chunk_on_the_seeds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            crate::testutil::missing("../shared/seeds");
            return;
        };
        let mut seen = 0;
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.display().to_string();
            let doc = convert(&std::fs::read_to_string(&path).unwrap());
            seen += 1;
            for max in [1, 7, 60, 300, 5000] {
                check_partition(&doc, max);
            }
            assert!(!chunks(&doc, &ChunkOptions::default()).is_empty(), "{name}");
        }
        assert!(seen >= 5, "the five seeds");
    }

    #[test]
    fn every_body_char_in_exactly_one_chunk_on_the_samples() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        for name in ["001.html", "003.docx", "003-stsong.pdf", "000.ofd"] {
            let bytes = std::fs::read(dir.join(name)).unwrap();
            let doc = crate::convert(&bytes, &Options::default()).unwrap();
            check_partition(&doc, 120);
            let chunks = chunks(&doc, &ChunkOptions::new(120, 0));
            assert!(chunks.iter().any(|c| !c.headings.is_empty()), "{name}");
            if name.ends_with(".pdf") {
                assert!(chunks.iter().all(|c| !c.pages.is_empty()), "{name}");
            }
        }
    }

    #[test]
    fn max_chars_respected_except_an_overlong_unit() {
        let text = "关于巡察整改进展情况的通报\n一、总体情况\n第一句话比较短。第二句话也不长，但是有逗号。\
                    第三句很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长，没有句号的从句也很长很长很长很长很长很长很长\n";
        let doc = convert(text);
        for max in [5, 10, 20, 40] {
            for c in chunks(&doc, &ChunkOptions::new(max, 0)) {
                assert!(c.text.chars().count() <= max, "{max}: {}", c.text);
            }
        }
        // At 40 a sentence that fits is never cut.
        let texts: Vec<String> = chunks(&doc, &ChunkOptions::new(40, 0))
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert!(texts.iter().any(|t| t.contains("第一句话比较短。")));
        assert!(texts.iter().any(|t| t.ends_with("但是有逗号。")));
    }

    #[test]
    fn heading_paths_follow_the_hierarchy() {
        let text = "关于巡察整改进展情况的通报\n\n开头一段。\n\n一、总体情况\n\n总体一段。\n\n\
                    二、整改落实情况\n\n（一）关于学习不深入的问题\n\n整改一段。\n\n（二）关于制度不健全的问题\n\n\
                    整改二段。\n\n三、下一步工作\n\n下一步一段。\n";
        let doc = convert(text);
        let got: Vec<(Vec<String>, String)> = chunks(&doc, &ChunkOptions::default())
            .into_iter()
            .map(|c| (c.headings, c.text))
            .collect();
        let want = |path: &[&str], text: &str| {
            (
                path.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                text.to_string(),
            )
        };
        assert!(
            got.contains(&want(&["一、总体情况"], "总体一段。")),
            "{got:?}"
        );
        assert!(got.contains(&want(
            &["二、整改落实情况", "（一）关于学习不深入的问题"],
            "整改一段。"
        )));
        assert!(got.contains(&want(
            &["二、整改落实情况", "（二）关于制度不健全的问题"],
            "整改二段。"
        )));
        assert!(got.contains(&want(&["三、下一步工作"], "下一步一段。")));
    }

    #[test]
    fn overlap_repeats_whole_sentences() {
        let text = "一、情况\n\n甲句一。乙句二。丙句三。丁句四。戊句五。\n";
        let doc = convert(text);
        let chunks = chunks(&doc, &ChunkOptions::new(10, 5));
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "甲句一。乙句二。",
                "乙句二。丙句三。",
                "丙句三。丁句四。",
                "丁句四。戊句五。"
            ]
        );
    }
}
