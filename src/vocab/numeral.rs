//! Numbers as notices write them: Arabic, Chinese (`三十六`, `二〇二二`, `两`), circled (`⑫`).

/// The Chinese digits 〇 to 九, in order (Word's `ideographDigital`, the digits of a year).
pub(crate) const CN_DIGITS: [char; 10] =
    ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The financial (大写) digits 零 to 玖, in order (Word's `chineseLegalSimplified`).
pub(crate) const CN_LEGAL_DIGITS: [char; 10] =
    ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// The place units 十, 百, 千.
pub(crate) const CN_UNITS: [char; 3] = ['十', '百', '千'];

/// The financial place units 拾, 佰, 仟.
pub(crate) const CN_LEGAL_UNITS: [char; 3] = ['拾', '佰', '仟'];

/// 万, the unit above 千.
pub(crate) const CN_WAN: char = '万';

/// Value of a Chinese numeral digit (`〇`/`○`/`零` to `九`, the financial forms, and `两`).
pub(crate) fn cn_digit(c: char) -> Option<u64> {
    // `○` (a circle) and `О` (Cyrillic O) stand in for `〇` in typed years; `两` is 2.
    let c = match c {
        '○' | 'О' => '〇',
        '两' => '二',
        other => other,
    };
    let at = CN_DIGITS
        .iter()
        .position(|&d| d == c)
        .or_else(|| CN_LEGAL_DIGITS.iter().position(|&d| d == c))?;
    u64::try_from(at).ok()
}

fn cn_unit(c: char) -> Option<u64> {
    let at = CN_UNITS
        .iter()
        .position(|&u| u == c)
        .or_else(|| CN_LEGAL_UNITS.iter().position(|&u| u == c))?;
    10u64.checked_pow(u32::try_from(at).ok()? + 1)
}

/// True for the characters a Chinese numeral is made of.
pub(crate) fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_unit(c).is_some() || c == CN_WAN
}

/// Parse a Chinese numeral (`十一` → 11, `三十六` → 36, `一百零八` → 108, `二〇二二` → 2022).
///
/// Digit-by-digit forms (no unit characters, as in years) read positionally.
pub(crate) fn chinese(s: &str) -> Option<u64> {
    if s.is_empty() || !s.chars().all(is_cn_numeral_char) {
        return None;
    }
    if !s.chars().any(|c| cn_unit(c).is_some() || c == CN_WAN) {
        return s
            .chars()
            .try_fold(0u64, |acc, c| Some(acc.checked_mul(10)? + cn_digit(c)?));
    }
    let mut total = 0u64;
    let mut section = 0u64;
    let mut digit: Option<u64> = None;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            digit = Some(d);
        } else if let Some(unit) = cn_unit(c) {
            // A bare 十 at the start means 一十.
            section = section.checked_add(digit.unwrap_or(1).checked_mul(unit)?)?;
            digit = None;
        } else {
            // 万
            section = section.checked_add(digit.take().unwrap_or(0))?;
            total = total.checked_add(section.max(1).checked_mul(10_000)?)?;
            section = 0;
        }
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// Parse ASCII digits, full-width digits, or a Chinese numeral.
pub(crate) fn number(s: &str) -> Option<u64> {
    let s = s.trim();
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return s.chars().try_fold(0u64, |acc, c| {
            let d = if c.is_ascii_digit() {
                c as u64 - '0' as u64
            } else {
                c as u64 - '０' as u64
            };
            acc.checked_mul(10)?.checked_add(d)
        });
    }
    chinese(s)
}

/// Value of a circled number `①`–`⑳`, `㉑`–`㉟`, `㊱`–`㊿`.
pub(crate) fn circled(c: char) -> Option<u64> {
    let u = c as u32;
    match u {
        0x2460..=0x2473 => Some(u64::from(u - 0x2460 + 1)),
        0x3251..=0x325F => Some(u64::from(u - 0x3251 + 21)),
        0x32B1..=0x32BF => Some(u64::from(u - 0x32B1 + 36)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases = [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("三十六", 36),
            ("一百零八", 108),
            ("两千", 2000),
            ("二〇二二", 2022),
            ("二○○八", 2008),
            ("一万二千", 12000),
            ("四十", 40),
        ];
        for (s, want) in cases {
            assert_eq!(chinese(s), Some(want), "{s}");
        }
        assert_eq!(chinese("十a"), None);
        assert_eq!(chinese(""), None);
    }

    #[test]
    fn any_number() {
        assert_eq!(number("407"), Some(407));
        assert_eq!(number("４０"), Some(40));
        assert_eq!(number("十二"), Some(12));
        assert_eq!(number("x"), None);
        assert_eq!(number("99999999999999999999999"), None);
    }

    #[test]
    fn digits_and_units() {
        let cases = [
            ('〇', Some(0)),
            ('○', Some(0)),
            ('零', Some(0)),
            ('一', Some(1)),
            ('壹', Some(1)),
            ('两', Some(2)),
            ('贰', Some(2)),
            ('九', Some(9)),
            ('玖', Some(9)),
            ('十', None),
            ('a', None),
        ];
        for (c, want) in cases {
            assert_eq!(cn_digit(c), want, "{c}");
        }
        assert_eq!(cn_unit('十'), Some(10));
        assert_eq!(cn_unit('佰'), Some(100));
        assert_eq!(cn_unit('千'), Some(1000));
        assert_eq!(chinese("壹佰零捌"), Some(108));
    }

    #[test]
    fn circled_numbers() {
        assert_eq!(circled('①'), Some(1));
        assert_eq!(circled('⑳'), Some(20));
        assert_eq!(circled('㉑'), Some(21));
        assert_eq!(circled('㊿'), Some(50));
        assert_eq!(circled('1'), None);
    }
}
