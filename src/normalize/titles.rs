//! Rule `title_marks`: typed angle brackets become the title marks (书名号) `《》` and `〈〉`.
//!
//! | before | after |
//! |---|---|
//! | `印发<<通知>>的` | `印发《通知》的` |
//! | `<<关于<办法>的通知>>` | `《关于〈办法〉的通知》` |
//! | `《关于<办法>的通知》` | `《关于〈办法〉的通知》` (GB/T 15834: a title inside a title) |
//! | `a<<2` `x<<1>>y` `《标题<br>》` | unchanged (no closing `>>`; no Chinese inside) |
//!
//! A `<<` is matched with the next `>>` on its line (at most [`TITLE_LIMIT`] characters on), with
//! single `<…>` pairs balanced in between; the pair becomes `《…》` when an ideograph is inside.
//! Inside `《…》` (typed or converted) a `<…>` pair with an ideograph inside becomes `〈…〉`.
//! Anything unbalanced (`<<` inside the title, a stray `>`, an unclosed `<`) leaves the whole
//! title as it is.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::class;
use super::cursor::LineCursor;
use super::patch::Patch;

/// How far (in characters) a title is looked for after its opening mark. Bounds the work per
/// mark; official titles stay far below it.
pub(crate) const TITLE_LIMIT: usize = 200;

/// Convert `<<…>>` around Chinese and `<…>` inside titles; borrows when there is none.
pub fn title_marks(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    if memchr::memchr(b'<', bytes).is_none() {
        return Cow::Borrowed(s);
    }
    // Where titles may open, in order: `<<`, and `《` (there is a `<` to convert somewhere).
    static ANGLES: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("<<"));
    static GUILLEMET: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("《"));
    let mut opens: Vec<usize> = ANGLES.find_iter(bytes).collect();
    let angles = opens.len();
    opens.extend(GUILLEMET.find_iter(bytes));
    if angles > 0 && opens.len() > angles {
        opens.sort_unstable();
    }
    let mut patch = Patch::new(s);
    let mut lines = LineCursor::new(s);
    let mut done = 0;
    for open in opens {
        if open < done {
            continue;
        }
        let (base, line) = lines.line(open);
        if let Some(end) = convert_title(line, open - base, base, &mut patch) {
            done = base + end;
        }
    }
    patch.finish()
}

/// Which mark closes the title being matched.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Close {
    /// `>>`, for a typed `<<`.
    Angles,
    /// `》`, for a `《`.
    Guillemet,
}

/// A matched title: where its closing mark starts, and the replacements inside it.
struct Title {
    close_at: usize,
    inner: Vec<(usize, char)>,
}

/// Convert the title opening at byte `i` of `line`, if it is one; returns where it ends.
fn convert_title(line: &str, i: usize, base: usize, patch: &mut Patch<'_>) -> Option<usize> {
    let rest = line.get(i..)?;
    let (close, len) = if rest.starts_with("<<") && !line.get(..i)?.ends_with('<') {
        (Close::Angles, 2)
    } else if rest.starts_with('《') {
        (Close::Guillemet, '《'.len_utf8())
    } else {
        return None;
    };
    let title = match_title(line, i + len, close)?;
    let mut edits = title.inner;
    if close == Close::Angles {
        edits.push((i, '《'));
        edits.push((title.close_at, '》'));
    }
    edits.sort_unstable_by_key(|&(at, _)| at);
    for (at, mark) in edits {
        let width = if matches!(mark, '《' | '》') { 2 } else { 1 };
        let mut buf = [0u8; 4];
        patch.replace(base + at, base + at + width, mark.encode_utf8(&mut buf));
    }
    let close_len = if close == Close::Angles {
        2
    } else {
        '》'.len_utf8()
    };
    Some(title.close_at + close_len)
}

/// Match the title whose text starts at byte `from` (see the module docs).
fn match_title(line: &str, from: usize, close: Close) -> Option<Title> {
    let text = line.get(from..)?;
    let mut open: Vec<(usize, u32)> = Vec::new(); // (byte of `<`, ideographs before it)
    let mut inner = Vec::new();
    let mut ideographs = 0u32;
    let mut chars = text.char_indices().peekable();
    let mut seen = 0;
    while let Some((k, c)) = chars.next() {
        seen += 1;
        if seen > TITLE_LIMIT {
            return None;
        }
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '<' if next == Some('<') => return None,
            '<' => open.push((from + k, ideographs)),
            '>' => match open.pop() {
                Some((o, before)) => {
                    if ideographs > before {
                        inner.push((o, '〈'));
                        inner.push((from + k, '〉'));
                    }
                }
                None if close == Close::Angles && next == Some('>') && ideographs > 0 => {
                    return Some(Title {
                        close_at: from + k,
                        inner,
                    });
                }
                None => return None,
            },
            '《' => return None,
            '》' if close == Close::Guillemet && open.is_empty() => {
                return Some(Title {
                    close_at: from + k,
                    inner,
                });
            }
            '》' => return None,
            _ if class::is_ideograph(c) => ideographs += 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("印发<<通知>>的", "印发《通知》的"),
            ("<<关于<办法>的通知>>", "《关于〈办法〉的通知》"),
            ("《关于<办法>的通知》", "《关于〈办法〉的通知》"),
            ("a<<2", "a<<2"),
            ("x<<1>>y", "x<<1>>y"),
            ("《标题<br>》", "《标题<br>》"),
            ("<<<中>>>", "《〈中〉》"),
            ("<<中<<文>>", "<<中《文》"),
            ("《中<文》", "《中<文》"),
        ] {
            assert_eq!(title_marks(input), want, "{input}");
        }
    }

    #[test]
    fn borrows_without_titles() {
        assert!(matches!(title_marks("a < b > c"), Cow::Borrowed(_)));
    }
}
