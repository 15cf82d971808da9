//! Small text helpers shared by the notice pass: sentence and clause bounds, char offsets.

/// Ends a sentence.
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Ends a clause (a sentence end, or a comma, semicolon or colon in either width).
pub(super) fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// How far (in bytes) a sentence or clause is searched for on each side. Real sentences are far
/// shorter; the bound keeps a block without punctuation linear instead of quadratic.
const WINDOW: usize = 3000;

/// Byte bounds `[start, end)` of the run around `[from, to)` delimited by `stop` characters
/// (the delimiters themselves excluded), at most [`WINDOW`] bytes each way.
pub(super) fn bounds(text: &str, from: usize, to: usize, stop: fn(char) -> bool) -> (usize, usize) {
    bounds_within(text, from, to, stop, WINDOW)
}

/// [`bounds`] with a given window.
pub(super) fn bounds_within(
    text: &str,
    from: usize,
    to: usize,
    stop: fn(char) -> bool,
    window: usize,
) -> (usize, usize) {
    let lo = boundary_at_or_after(text, from.saturating_sub(window));
    let hi = boundary_at_or_before(text, to.saturating_add(window).min(text.len()));
    let start = text
        .get(lo..from)
        .and_then(|s| s.char_indices().rev().find(|&(_, c)| stop(c)))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let end = text
        .get(to..hi)
        .and_then(|s| s.char_indices().find(|&(_, c)| stop(c)))
        .map_or(hi, |(i, _)| to + i);
    (start, end)
}

fn boundary_at_or_after(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn boundary_at_or_before(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The sentence around `[from, to)`, trimmed, with its final punctuation kept.
pub(super) fn sentence(text: &str, from: usize, to: usize) -> String {
    let (start, end) = bounds(text, from, to, is_sentence_end);
    let end_with_mark = text
        .get(end..)
        .and_then(|s| s.chars().next())
        .map_or(end, |c| end + c.len_utf8());
    text.get(start..end_with_mark)
        .unwrap_or("")
        .trim()
        .to_string()
}

/// Char offsets of increasing byte offsets in one text, counted incrementally so that many
/// lookups stay linear.
pub(super) struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The char offset of `byte` (which must not go backwards; an earlier one restarts).
    pub(super) fn at(&mut self, byte: usize) -> u32 {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let seg = self.text.get(self.byte..byte).unwrap_or("");
        self.chars += seg.chars().count();
        self.byte += seg.len();
        u32::try_from(self.chars).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_bound_the_search() {
        let long = "字".repeat(5000);
        let (s, e) = bounds(&long, 7500, 7503, is_clause_end);
        assert!(s > 0 && e < long.len() && long.is_char_boundary(s) && long.is_char_boundary(e));
    }

    #[test]
    fn sentences_and_clauses() {
        let t = "一句。目前,巡视反馈的40个问题,已完成36个;其余在改。尾";
        let at = t.find("36").unwrap();
        assert_eq!(
            sentence(t, at, at + 2),
            "目前,巡视反馈的40个问题,已完成36个;其余在改。"
        );
        let (s, e) = bounds(t, at, at + 2, is_clause_end);
        assert_eq!(&t[s..e], "已完成36个");
        let mut cursor = CharCursor::new(t);
        assert_eq!(cursor.at(3), 1);
        assert_eq!(cursor.at(at), 20);
        assert_eq!(cursor.at(at + 2), 22);
    }
}
