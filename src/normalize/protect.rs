//! Spans the punctuation and quote rules must not touch: URLs.
//!
//! A URL starts at a scheme (`http://`, `https://`, `ftp://`, any `letters://`) or at `www.`
//! and runs over printable ASCII (no spaces, no `<>"`, never into Chinese). Trailing
//! punctuation is sentence punctuation, not URL (`见http://x.cn,欢迎` ends before the comma),
//! like GitHub's autolinks: `.,:;!?'` at the end are dropped, and a final `)` when the URL
//! holds more `)` than `(`.
//!
//! E-mail addresses need no span: their characters (`A-Za-z0-9._%+-@`) contain none of the
//! marks the rules convert. Numbers, dates, times and phone numbers are handled by the
//! digit exception of the punctuation rule; Latin runs by its context test.

/// Byte spans of the URLs in `line`, sorted and disjoint.
pub(crate) fn url_spans(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    if !may_hold_url(line.as_bytes()) {
        return spans;
    }
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = if bytes.get(i..i + 3) == Some(b"://") {
            // Back up over the scheme letters.
            let mut s = i;
            while s > 0 && bytes.get(s - 1).is_some_and(|b| b.is_ascii_alphabetic()) {
                s -= 1;
            }
            (s < i).then_some(s)
        } else if bytes
            .get(i..i + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
            && !(i > 0
                && bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'/')))
        {
            Some(i)
        } else {
            None
        };
        let Some(start) = start else {
            i += 1;
            continue;
        };
        let mut end = i;
        while bytes.get(end).is_some_and(|b| url_byte(*b)) {
            // In a URL `%` always starts an escape (`%2C`); a `%` without two hex digits is a
            // percent sign after it (`…?c=1%`), and must end it — the whitespace rule glues
            // `1 %` into `1%`, and the URL must not grow when it does (idempotence).
            if bytes.get(end) == Some(&b'%')
                && !bytes
                    .get(end + 1..end + 3)
                    .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
            {
                break;
            }
            end += 1;
        }
        end = trim_tail(bytes, start, end);
        if end > i {
            // Keep the spans sorted and disjoint, so `inside` can binary-search.
            match spans.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => spans.push((start, end)),
            }
        }
        i = end.max(i + 1);
    }
    spans
}

/// One cheap pass: is there a `://` or a `www.` (any case) at all?
fn may_hold_url(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b':', b'.', bytes).any(|i| match bytes.get(i) {
        Some(b':') => bytes.get(i + 1..i + 3) == Some(b"//"),
        _ => {
            i >= 3
                && bytes
                    .get(i - 3..i)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
        }
    })
}

/// Bytes a URL may contain: printable ASCII except space and `<>"`, and not the ASCII quote
/// `'` either (it closes quoted URLs far more often than it appears in one).
fn url_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !matches!(b, b'<' | b'>' | b'"' | b'\'')
}

fn trim_tail(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start {
        let Some(&last) = bytes.get(end - 1) else {
            break;
        };
        let drop = match last {
            b'.' | b',' | b':' | b';' | b'!' | b'?' => true,
            b')' => bytes.get(start..end).is_some_and(|s| {
                let count = |p| s.iter().filter(|&&b| b == p).count();
                count(b')') > count(b'(')
            }),
            _ => false,
        };
        if !drop {
            break;
        }
        end -= 1;
    }
    end
}

/// Is byte offset `at` inside one of `spans` (sorted and disjoint, as [`url_spans`] returns
/// them)? A binary search: a line of many URLs and many marks stays `n log n`.
pub(crate) fn inside(spans: &[(usize, usize)], at: usize) -> bool {
    let after = spans.partition_point(|&(s, _)| s <= at);
    after
        .checked_sub(1)
        .and_then(|k| spans.get(k))
        .is_some_and(|&(_, e)| at < e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        for (line, want) in [
            (
                "见http://x.gov.cn/a,b?c=1。",
                vec!["http://x.gov.cn/a,b?c=1"],
            ),
            ("网址:https://a.cn,欢迎", vec!["https://a.cn"]),
            ("(www.gov.cn)", vec!["www.gov.cn"]),
            ("see (http://a.cn/x_(y)) ok", vec!["http://a.cn/x_(y)"]),
            ("无网址:10:00", vec![]),
            ("://x", vec![]),
            ("http://a ,http://b ,", vec!["http://a", "http://b"]),
            ("http://a/?q=%2C1%(中", vec!["http://a/?q=%2C1"]),
        ] {
            let got: Vec<&str> = url_spans(line).iter().map(|&(s, e)| &line[s..e]).collect();
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn inside_searches_sorted_spans() {
        let spans = [(2, 5), (8, 9)];
        let hits: Vec<usize> = (0..11).filter(|&i| inside(&spans, i)).collect();
        assert_eq!(hits, [2, 3, 4, 8]);
    }
}
