//! Character-set detection and decoding shared by the text and HTML readers.
//!
//! Order of evidence: byte-order mark, then a declaration (the caller's), then valid UTF-8, then
//! a statistical guess (chardetng, which knows GBK/GB18030, Big5, Shift_JIS …). GB2312 and GBK
//! labels are decoded as GB18030, as WHATWG does. Undecodable bytes become U+FFFD and are counted.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::model::{EncodingEvidence, EncodingInfo};

/// Decoded text and how it was decoded.
pub(crate) struct Decoded {
    pub text: String,
    pub info: EncodingInfo,
}

/// The encoding named by a BOM, and the BOM's length.
pub(crate) fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// Look up a charset label; GB2312/GBK map to GB18030.
#[allow(dead_code)] // used by the HTML reader
pub(crate) fn for_label(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(
        label
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .as_bytes(),
    )?;
    Some(widen(enc))
}

/// GBK and GB2312 documents often contain GB18030-only characters; GB18030 is a superset.
fn widen(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::GBK {
        GB18030
    } else {
        enc
    }
}

/// Guess the encoding of undeclared bytes.
pub(crate) fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    widen(det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow))
}

/// Decode with a known encoding, counting replacements.
pub(crate) fn decode_with(
    bytes: &[u8],
    enc: &'static Encoding,
    evidence: EncodingEvidence,
    declared: Option<String>,
) -> Decoded {
    let (text, replaced) = decode_counting(bytes, enc);
    Decoded {
        text,
        info: EncodingInfo {
            name: enc.name().to_string(),
            evidence,
            declared,
            replaced,
        },
    }
}

/// Decode text with no declaration: BOM, valid UTF-8, else a guess.
pub(crate) fn decode_undeclared(bytes: &[u8]) -> Decoded {
    if let Some((enc, len)) = bom(bytes) {
        return decode_with(&bytes[len..], enc, EncodingEvidence::Bom, None);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return decode_with(bytes, enc, EncodingEvidence::Guessed, None);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return decode_with(bytes, UTF_8, EncodingEvidence::ValidUtf8, None);
    }
    decode_with(bytes, guess(bytes), EncodingEvidence::Guessed, None)
}

/// UTF-16 text without a BOM shows NULs in every other byte for ASCII characters.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    if head.len() < 8 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    if odd * 10 >= half * 6 && even == 0 {
        Some(UTF_16LE)
    } else if even * 10 >= half * 6 && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decode and count U+FFFD replacements introduced by the decoder.
fn decode_counting(bytes: &[u8], enc: &'static Encoding) -> (String, u64) {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if !had_errors {
        return (text.into_owned(), 0);
    }
    // Count only replacements the decoder made, not U+FFFD already in the source.
    let before = if enc == UTF_8 {
        0
    } else {
        count_fffd_in_utf8_source(bytes)
    };
    let after = text.chars().filter(|&c| c == '\u{FFFD}').count() as u64;
    (text.into_owned(), after.saturating_sub(before))
}

fn count_fffd_in_utf8_source(bytes: &[u8]) -> u64 {
    crate::read::find(bytes, "\u{FFFD}".as_bytes()).map_or(0, |_| {
        bytes
            .windows(3)
            .filter(|w| *w == "\u{FFFD}".as_bytes())
            .count() as u64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_without_declaration_is_guessed() {
        let (bytes, _, _) = GB18030.encode("中共广州市花都区委关于巡视整改进展情况的通报。根据省委统一部署，省委第三巡视组对广州市花都区进行了巡视。");
        let d = decode_undeclared(&bytes);
        assert_eq!(d.info.name, "gb18030");
        assert!(d.text.starts_with("中共广州市花都区委"));
        assert_eq!(d.info.replaced, 0);
    }

    #[test]
    fn utf8_bom_wins() {
        let d = decode_undeclared("\u{FEFF}通报".as_bytes());
        assert_eq!(d.text, "通报");
        assert_eq!(d.info.evidence, EncodingEvidence::Bom);
    }

    #[test]
    fn gb2312_label_decodes_as_gb18030() {
        assert_eq!(for_label("gb2312"), Some(GB18030));
        assert_eq!(for_label(" GBK "), Some(GB18030));
    }

    #[test]
    fn invalid_utf8_declared_counts_replacements() {
        let d = decode_with(b"ok\xff\xfeok", UTF_8, EncodingEvidence::MetaCharset, None);
        assert_eq!(d.info.replaced, 2);
    }
}
