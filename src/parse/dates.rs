//! Pass helper: dates in context.
//!
//! Every date the parser emits is ISO `YYYY-MM-DD` (see [`crate::vocab::date`] for the forms
//! read: Arabic, full-width, Chinese numerals, spaced `2022 年 6 月 30 日`). A date written
//! without a year (`7月3日`) takes the year of the nearest full date in the blocks above it, and
//! the caller records a `year_inferred` warning, because a notice written in January about
//! December may be wrong.

use crate::model::Block;
use crate::vocab::date;

/// The year of the nearest full date in the blocks before `at` (block `at` excluded).
pub(crate) fn year_before(blocks: &[Block], at: usize) -> Option<u32> {
    blocks.iter().take(at).rev().find_map(|b| {
        date::find_dates(&b.text)
            .into_iter()
            .rev()
            .find_map(|d| d.year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
