//! Small text helpers shared by the notice pass: sentence and clause bounds, char offsets.

/// Ends a sentence.
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Ends a clause (a sentence end, or a comma, semicolon or colon in either width).
pub(super) fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// Byte bounds `[start, end)` of the run around `[from, to)` delimited by `stop` characters
/// (the delimiters themselves excluded).
pub(super) fn bounds(text: &str, from: usize, to: usize, stop: fn(char) -> bool) -> (usize, usize) {
    let start = text
        .get(..from)
        .and_then(|s| s.char_indices().rev().find(|&(_, c)| stop(c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text
        .get(to..)
        .and_then(|s| s.char_indices().find(|&(_, c)| stop(c)))
        .map_or(text.len(), |(i, _)| to + i);
    (start, end)
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

/// Char offset of byte offset `byte` in `text` (clamped to the text).
pub(super) fn char_offset(text: &str, byte: usize) -> u32 {
    let prefix = text.get(..byte.min(text.len())).unwrap_or(text);
    u32::try_from(prefix.chars().count()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(char_offset(t, at), 20);
    }
}
