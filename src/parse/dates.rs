//! Pass helper: dates in context.
//!
//! Every date the parser emits is ISO `YYYY-MM-DD` (see [`super::date`] for the forms read:
//! Arabic, full-width, Chinese numerals, spaced `2022 年 6 月 30 日`). A date written without
//! a year (`7月3日`, `至6月8日`) takes the year of the nearest full date before it in the text
//! — the same sentence first, then the blocks above — and the caller records a
//! `year_inferred` warning, because a notice written in January about December may be wrong.

use crate::model::{Block, Code, Diagnostic};
use crate::vocab::date::{self, DateMatch};

/// The year of the nearest full date in the blocks before `at` (block `at` excluded).
pub(crate) fn year_before(blocks: &[Block], at: usize) -> Option<u32> {
    blocks.iter().take(at).rev().find_map(|b| {
        date::find_dates(&b.text)
            .into_iter()
            .rev()
            .find_map(|d| d.year)
    })
}

/// ISO form of `m`, found at byte offset `m.start` of block `at`'s text. A missing year comes
/// from the nearest full date before it and adds a `year_inferred` warning.
pub(crate) fn iso_in_context(
    blocks: &[Block],
    at: usize,
    m: &DateMatch,
    warnings: &mut Vec<Diagnostic>,
) -> Option<String> {
    if m.year.is_some() {
        return m.iso(None);
    }
    let block = blocks.get(at)?;
    let same = block.text.get(..m.start).and_then(|before| {
        date::find_dates(before)
            .into_iter()
            .rev()
            .find_map(|d| d.year)
    });
    let year = same.or_else(|| year_before(blocks, at))?;
    let iso = m.iso(Some(year))?;
    let written = block.text.get(m.start..m.end).unwrap_or("");
    warnings.push(
        Diagnostic::new(
            Code::YearInferred,
            format!("date {written} has no year; {year} taken from the text before it"),
        )
        .at(block.origin.clone()),
    );
    Some(iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(lines: &[&str], at: usize, nth: usize) -> (Option<String>, usize) {
        let blocks: Vec<Block> = lines.iter().map(|l| Block::paragraph(*l)).collect();
        let m = date::find_dates(&blocks[at].text)[nth];
        let mut w = Vec::new();
        let iso = iso_in_context(&blocks, at, &m, &mut w);
        (iso, w.len())
    }

    #[test]
    fn years_from_context() {
        let seed002 = "按照区委的统一部署，2022年3月1日至4月30日，区委第四巡察组开展了巡察。6月7日，巡察组反馈了巡察意见";
        assert_eq!(resolve(&[seed002], 0, 1), (Some("2022-04-30".into()), 1));
        assert_eq!(resolve(&[seed002], 0, 2), (Some("2022-06-07".into()), 1));
        assert_eq!(resolve(&[seed002], 0, 0), (Some("2022-03-01".into()), 0));
        let lines = [
            "2023年7月7日至9月7日，巡视组进驻。",
            "10月28日，反馈了巡视意见。",
        ];
        assert_eq!(resolve(&lines, 1, 0), (Some("2023-10-28".into()), 1));
        assert_eq!(resolve(&["截至6月24日，已整改。"], 0, 0), (None, 0));
    }

    #[test]
    fn chinese_numeral_dates() {
        let cases = [
            ("二〇二二年六月三十日", "2022-06-30"),
            ("二○二三年七月十四日", "2023-07-14"),
            ("二〇〇八年十月一日", "2008-10-01"),
            ("二零二一年十一月二十二日", "2021-11-22"),
            ("2022 年 6 月 30 日", "2022-06-30"),
            ("２０２２年６月３０日", "2022-06-30"),
        ];
        for (text, want) in cases {
            assert_eq!(
                date::parse_date(text).and_then(|d| d.iso(None)).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }
}
