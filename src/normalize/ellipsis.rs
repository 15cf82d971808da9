//! Rule `ellipses`: dot runs in Chinese text become the ellipsis `……` (GB/T 15834: two U+2026,
//! six dots in two characters).
//!
//! | before | after |
//! |---|---|
//! | `等等...今后` | `等等……今后` |
//! | `情况如下......` | `情况如下……` |
//! | `相关部门。。。` | `相关部门……` |
//! | `wait... what` `1..2` | unchanged (Latin context; two dots are no ellipsis) |
//! | `http://x.cn/a...b` | unchanged (URL) |
//!
//! A run of three or more ASCII `.` is converted when it is in Chinese context (the context
//! scan of [`super::punct`]: the first decisive character on either side is Chinese; other dots
//! and ellipses are skipped like spaces). A run of three or more `。` is always converted: it
//! is Chinese by itself.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::class::{self, Side};
use super::cursor::LineCursor;
use super::patch::Patch;
use super::protect;

/// The ellipsis written (U+2026 twice).
pub(crate) const ELLIPSIS: &str = "……";

/// Replace dot runs in Chinese text by `……`; borrows when there is none.
pub fn ellipses(s: &str) -> Cow<'_, str> {
    let mut patch = Patch::new(s);
    let mut lines = LineCursor::new(s);
    let mut urls: (usize, Option<Vec<(usize, usize)>>) = (usize::MAX, None);
    let mut done = 0;
    for first in run_starts(s) {
        if first < done {
            continue;
        }
        let (base, line) = lines.line(first);
        let start = first - base;
        let Some(dot) = line.get(start..).and_then(|t| t.chars().next()) else {
            continue;
        };
        let (run, end) = run_of(line, start, dot);
        done = base + end;
        if run < 3 {
            continue;
        }
        let convert = dot == '。' || {
            if urls.0 != base {
                urls = (base, None);
            }
            let spans = urls.1.get_or_insert_with(|| protect::url_spans(line));
            !protect::inside(spans, start) && chinese_around(line, start, end)
        };
        if convert {
            patch.replace(base + start, base + end, ELLIPSIS);
        }
    }
    patch.finish()
}

/// Where runs may start, in order: each `...`, and each `。` followed by `。` or a space
/// (`。 。。` is a run too). A run starts at the leftmost of these.
fn run_starts(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    static DOTS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("..."));
    static STOP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("。"));
    let mut starts: Vec<usize> = DOTS.find_iter(bytes).collect();
    let stop = "。".as_bytes();
    let more = STOP.find_iter(bytes).filter(|&i| {
        let next = bytes.get(i + stop.len()..).unwrap_or(&[]);
        next.starts_with(b" ") || next.starts_with(stop)
    });
    let before = starts.len();
    starts.extend(more);
    if before > 0 && starts.len() > before {
        starts.sort_unstable();
    }
    starts
}

/// The number of `dot`s in the run starting at byte `start`, and where it ends. A run of `。`
/// may hold spaces (`。 。。`): the whitespace rule removes them beside CJK punctuation, and
/// the run must be one before that as after (idempotence); ASCII dots stay apart (`. . .`).
fn run_of(line: &str, start: usize, dot: char) -> (usize, usize) {
    let mut run = 0;
    let mut end = start;
    let mut at = start;
    for c in line.get(start..).unwrap_or("").chars() {
        if c == dot {
            run += 1;
            end = at + c.len_utf8();
        } else if !(dot == '。' && c == ' ') {
            break;
        }
        at += c.len_utf8();
    }
    (run, end)
}

/// The context test of [`super::punct`], with dots and ellipses skipped like spaces: a run
/// this rule shortens (`....` → `……`) must not bring a character into another run's reach on
/// a second pass (idempotence).
fn chinese_around(line: &str, start: usize, end: usize) -> bool {
    let left = line.get(..start).unwrap_or("").chars().rev();
    let right = line.get(end..).unwrap_or("").chars();
    scan(left) == Side::Chinese || scan(right) == Side::Chinese
}

/// The context scan of the other marks, passing over the dots and ellipses themselves.
fn scan(chars: impl Iterator<Item = char>) -> Side {
    class::scan_skipping(chars, |c| c == '.' || c == '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("等等...今后", "等等……今后"),
            ("情况如下......", "情况如下……"),
            ("相关部门。。。", "相关部门……"),
            ("wait... what", "wait... what"),
            ("1..2", "1..2"),
            ("见http://x.cn/a...b", "见http://x.cn/a...b"),
            ("完成。。", "完成。。"),
            ("等....", "等……"),
            ("年。 。。", "年……"),
        ] {
            assert_eq!(ellipses(input), want, "{input}");
        }
    }
}
