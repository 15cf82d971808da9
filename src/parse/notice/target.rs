//! The inspected unit of an opening sentence: `…巡察组对<target>进行了巡察`,
//! `…巡视组进驻<target>开展了为期两个月的常规巡视`.
//!
//! A hand-written scanner instead of the regex
//! `组\s*(?:进驻|对)\s*(.{2,80}?)\s*(?:进行|开展|实施|展开)了?\s*(?:了|为期[^，,。]{1,12}的)?\s*(?:常规|专项|机动|提级)?\s*巡[视察]`,
//! whose lazy `.{2,80}?` over Unicode cost more to compile (≈ 0.4 ms) than a whole one-page
//! notice takes to parse. It returns what that regex's group 1 would: the leftmost `组` that
//! starts a match, then the greediest whitespace run after the verb, then the shortest target.

/// Longest target, in chars.
const MAX_TARGET_CHARS: usize = 80;
/// Shortest target, in chars.
const MIN_TARGET_CHARS: usize = 2;
/// Longest `为期…的` duration, in chars.
const MAX_DURATION_CHARS: usize = 12;

/// The raw target (aliases and trailing commas still in it).
pub(super) fn find(text: &str) -> Option<&str> {
    text.match_indices('组').find_map(|(at, group)| {
        let after_group = skip_ws(text, at + group.len());
        let verb_end = literal_end(text, after_group, "进驻")
            .or_else(|| literal_end(text, after_group, "对"))?;
        target_after(text, verb_end)
    })
}

/// The target starting at `from` (after `进驻`/`对`): leading whitespace goes to the pattern's
/// `\s*` first (greedy), then the shortest target followed by a valid verb phrase wins.
fn target_after(text: &str, from: usize) -> Option<&str> {
    let ws_end = skip_ws(text, from);
    let mut starts: Vec<usize> = text
        .get(from..ws_end)?
        .char_indices()
        .map(|(i, _)| from + i)
        .collect();
    starts.push(ws_end);
    starts.into_iter().rev().find_map(|start| {
        let rest = text.get(start..)?;
        rest.char_indices()
            .take_while(|&(_, c)| c != '\n')
            .take(MAX_TARGET_CHARS)
            .enumerate()
            .skip(MIN_TARGET_CHARS - 1)
            .map(|(_, (i, c))| start + i + c.len_utf8())
            .find(|&end| verb_phrase_follows(text, end))
            .and_then(|end| text.get(start..end))
    })
}

/// `\s*(?:进行|开展|实施|展开)了?\s*(?:了|为期[^，,。]{1,12}的)?\s*(?:常规|专项|机动|提级)?\s*巡[视察]`
/// matches at `at`. Every token after a `\s*` starts with a non-space, so each `\s*` takes the
/// whole run; the optional parts are tried both ways.
fn verb_phrase_follows(text: &str, at: usize) -> bool {
    let at = skip_ws(text, at);
    let Some(verb_end) = ["进行", "开展", "实施", "展开"]
        .iter()
        .find_map(|v| literal_end(text, at, v))
    else {
        return false;
    };
    let after_le = optional(vec![verb_end], |p| {
        literal_end(text, p, "了").into_iter().collect()
    });
    let after_duration = optional(ws_all(text, after_le), |p| {
        let mut out: Vec<usize> = literal_end(text, p, "了").into_iter().collect();
        out.extend(duration_ends(text, p));
        out
    });
    let after_kind = optional(ws_all(text, after_duration), |p| {
        ["常规", "专项", "机动", "提级"]
            .iter()
            .filter_map(|k| literal_end(text, p, k))
            .collect()
    });
    ws_all(text, after_kind).into_iter().any(|p| {
        literal_end(text, p, "巡").is_some_and(|q| {
            literal_end(text, q, "视").is_some() || literal_end(text, q, "察").is_some()
        })
    })
}

/// `为期[^，,。]{1,12}的` at `at`: every end position.
fn duration_ends(text: &str, at: usize) -> Vec<usize> {
    let Some(from) = literal_end(text, at, "为期") else {
        return Vec::new();
    };
    let Some(rest) = text.get(from..) else {
        return Vec::new();
    };
    let mut ends = Vec::new();
    let body = rest
        .char_indices()
        .take_while(|&(_, c)| !matches!(c, '，' | ',' | '。'))
        .take(MAX_DURATION_CHARS);
    for (i, c) in body {
        let next = from + i + c.len_utf8();
        if literal_end(text, next, "的").is_some() {
            ends.push(next + '的'.len_utf8());
        }
    }
    ends
}

/// Positions `positions` plus wherever `step` leads from each (an optional part).
fn optional(positions: Vec<usize>, step: impl Fn(usize) -> Vec<usize>) -> Vec<usize> {
    let mut out = positions.clone();
    for p in positions {
        out.extend(step(p));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Each position with its whitespace run skipped.
fn ws_all(text: &str, positions: Vec<usize>) -> Vec<usize> {
    positions.into_iter().map(|p| skip_ws(text, p)).collect()
}

/// End of `lit` when `text` has it at `at`.
fn literal_end(text: &str, at: usize, lit: &str) -> Option<usize> {
    text.get(at..)?.starts_with(lit).then_some(at + lit.len())
}

/// `at` moved past a whitespace run (`\s*`).
fn skip_ws(text: &str, at: usize) -> usize {
    text.get(at..).map_or(at, |rest| {
        at + rest
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(rest.len(), |(i, _)| i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_targets() {
        let cases = [
            (
                "区委第三巡察组对区空港委党组进行了巡察",
                Some("区空港委党组"),
            ),
            (
                "巡视组进驻 某某局 开展了为期两个月的常规巡视",
                Some("某某局"),
            ),
            ("巡察组对区卫健局开展巡察“回头看”", Some("区卫健局")),
            ("巡察组对本单位党组织开展了专项巡察", Some("本单位党组织")),
            ("巡察组对甲进行了巡察", None),
            ("巡察组对某局，进行。巡察", None),
            ("小组对某单位进行检查", None),
        ];
        for (text, want) in cases {
            assert_eq!(find(text), want, "{text}");
        }
    }
}

#[cfg(test)]
mod same_as_regex {
    use crate::parse::scan::lazy_regex;

    lazy_regex! {
        static TARGET = r"组\s*(?:进驻|对)\s*(.{2,80}?)\s*(?:进行|开展|实施|展开)了?\s*(?:了|为期[^，,。]{1,12}的)?\s*(?:常规|专项|机动|提级)?\s*巡[视察]";
    }

    fn by_regex(text: &str) -> Option<&str> {
        TARGET
            .as_ref()?
            .captures(text)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str())
    }

    /// The scanner answers what the regex it replaced answers, on every shared line and on
    /// crafted edge cases (spaces, durations, line breaks, 80-char limit).
    #[test]
    fn agrees_with_the_regex() {
        let mut texts = crate::testutil::shared_lines();
        let long = "很".repeat(79);
        for extra in [
            "巡察组对  某局 进行 了 为期一个月的 专项 巡察",
            "巡察组对\n某局进行巡察",
            "巡察组对某\n局进行巡察",
            "组对AB进行了了巡视组对CD开展巡察",
            "巡察组进驻某局开展为期，两月的巡察",
            "巡察组对某局实施为期一二三四五六七八九十一二三的巡察",
            "巡察组对某局实施为期一二三四五六七八九十一二的巡察",
            &format!("巡察组对{long}进行巡察"),
            &format!("巡察组对{long}很很进行巡察"),
        ] {
            texts.push(extra.to_string());
        }
        let mut checked = 0;
        for text in &texts {
            assert_eq!(super::find(text), by_regex(text), "{text}");
            checked += usize::from(text.contains('组'));
        }
        assert!(checked > 5, "only {checked} lines with 组");
    }
}
