//! Numbers as notices write them: Arabic, Chinese (`三十六`, `二〇二二`, `两`), circled (`⑫`).

/// Value of a Chinese numeral digit (`〇`/`○`/`零` to `九`, and `两`).
pub(crate) fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '○' | '零' | 'О' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// True for the characters a Chinese numeral is made of.
pub(crate) fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_unit(c).is_some() || c == '万'
}

/// Parse a Chinese numeral (`十一` → 11, `三十六` → 36, `一百零八` → 108, `二〇二二` → 2022).
///
/// Digit-by-digit forms (no unit characters, as in years) read positionally.
pub(crate) fn chinese(s: &str) -> Option<u64> {
    if s.is_empty() || !s.chars().all(is_cn_numeral_char) {
        return None;
    }
    if !s.chars().any(|c| cn_unit(c).is_some() || c == '万') {
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
    fn circled_numbers() {
        assert_eq!(circled('①'), Some(1));
        assert_eq!(circled('⑳'), Some(20));
        assert_eq!(circled('㉑'), Some(21));
        assert_eq!(circled('㊿'), Some(50));
        assert_eq!(circled('1'), None);
    }
}
