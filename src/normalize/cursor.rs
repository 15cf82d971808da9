//! The line around a byte offset, for rules that search the whole text for their (rare)
//! triggers instead of walking it line by line: most text holds none, and a walk costs a search
//! per line whether a line holds one or not.

/// The line holding an offset, found by searching only the text between the previous offset
/// and this one, so that a pass over increasing offsets stays linear.
pub(crate) struct LineCursor<'a> {
    s: &'a str,
    /// The current line: its start and end (the offset of its `\n`, or the text's length).
    line: Option<(usize, usize)>,
}

impl<'a> LineCursor<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        LineCursor { s, line: None }
    }

    /// The line holding byte `at`: its start offset and its text (without the `\n`). Offsets
    /// must not decrease from call to call (an earlier one gets the current line).
    pub(crate) fn line(&mut self, at: usize) -> (usize, &'a str) {
        let (start, end) = match self.line {
            Some((start, end)) if at <= end => (start, end),
            previous => {
                let from = previous.map_or(0, |(_, end)| end);
                let at = at.min(self.s.len());
                let start = self
                    .s
                    .get(from..at)
                    .and_then(|h| h.rfind('\n'))
                    .map_or(from, |i| from + i + 1);
                let end = self
                    .s
                    .get(at..)
                    .and_then(|t| t.find('\n'))
                    .map_or(self.s.len(), |i| at + i);
                self.line = Some((start, end));
                (start, end)
            }
        };
        (start, self.s.get(start..end).unwrap_or(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_in_order() {
        let s = "ab\ncd\n\nef";
        let mut c = LineCursor::new(s);
        assert_eq!(c.line(1), (0, "ab"));
        assert_eq!(c.line(2), (0, "ab"));
        assert_eq!(c.line(4), (3, "cd"));
        assert_eq!(c.line(6), (6, ""));
        assert_eq!(c.line(8), (7, "ef"));
        assert_eq!(c.line(9), (7, "ef"));
    }
}
