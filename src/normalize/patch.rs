//! A copy-on-write editor: rules describe replacements in input order; the output string is
//! allocated only when the first one arrives, so unchanged text stays borrowed.

use std::borrow::Cow;

/// Ordered, non-overlapping replacements over one source string.
pub(crate) struct Patch<'a> {
    src: &'a str,
    out: Option<String>,
    done: usize,
}

impl<'a> Patch<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Patch {
            src,
            out: None,
            done: 0,
        }
    }

    /// Replace `src[start..end]` by `with`. Calls must come in increasing, non-overlapping
    /// order; a call that breaks the order is ignored (never a panic), and so is one that
    /// replaces text by the same text.
    pub(crate) fn replace(&mut self, start: usize, end: usize, with: &str) {
        if start < self.done || end < start {
            return;
        }
        // A replacement by the same text is no edit: the source stays borrowed.
        if self.src.get(start..end) == Some(with) {
            return;
        }
        let Some(kept) = self.src.get(self.done..start) else {
            return;
        };
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.src.len() + 16));
        out.push_str(kept);
        out.push_str(with);
        self.done = end;
    }

    pub(crate) fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.src),
            Some(mut out) => {
                out.push_str(self.src.get(self.done..).unwrap_or(""));
                Cow::Owned(out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_without_edits_and_applies_in_order() {
        assert!(matches!(Patch::new("abc").finish(), Cow::Borrowed("abc")));
        let mut p = Patch::new("a,b,c");
        p.replace(1, 2, "，");
        p.replace(0, 1, "x"); // out of order: ignored
        p.replace(3, 4, "");
        assert_eq!(p.finish(), "a，bc");
    }
}
