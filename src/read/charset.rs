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

/// How many bytes, from the first non-ASCII one, the statistical guess looks at. chardetng
/// runs at a few MB/s; a few thousand characters of Chinese decide it as well as a whole file.
const GUESS_WINDOW: usize = 8 * 1024;

/// The prefix of the window fed first. When it already yields GB18030 (the encoding native to
/// the `cn` hint: about a thousand GBK characters in a dense page) the rest of the window is
/// not read; any other answer reads the whole window, exactly as one call would (chardetng's
/// result does not depend on how its input is chunked). chardetng costs ~2 000 instructions a
/// byte, so this is three quarters of the guess on an undeclared GBK page.
const GUESS_PREFIX: usize = 2 * 1024;

/// Guess the encoding of undeclared bytes.
pub(crate) fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let start = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let end = start.saturating_add(GUESS_WINDOW).min(bytes.len());
    let window = bytes.get(start..end).unwrap_or(bytes);
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let guess = |det: &chardetng::EncodingDetector| {
        widen(det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow))
    };
    // `last` only when the window reaches the end: a cut multi-byte sequence is not an error.
    let at_end = end == bytes.len();
    if window.len() > GUESS_PREFIX {
        let (prefix, rest) = window.split_at(GUESS_PREFIX);
        det.feed(prefix, false);
        let early = guess(&det);
        if early == GB18030 {
            return early;
        }
        det.feed(rest, at_end);
    } else {
        det.feed(window, at_end);
    }
    guess(&det)
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
        return decode_with(
            bytes.get(len..).unwrap_or_default(),
            enc,
            EncodingEvidence::Bom,
            None,
        );
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
    let head = bytes.get(..200).unwrap_or(bytes);
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

/// How many leading bytes the `<meta>` prescan looks at. WHATWG says 1024; Chinese CMS pages
/// often put long `<title>`s, comments and scripts first, so we look further.
const PRESCAN_BYTES: usize = 4096;

/// The charset a page declares in `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` within its first bytes.
///
/// A byte-level scan (no decoding, no DOM), so it works before the encoding is known; the
/// declaration is ASCII in every encoding a Chinese page uses.
pub(crate) fn prescan_meta_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(PRESCAN_BYTES)).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(rel) = lower
        .get(from..)
        .and_then(|rest| crate::read::find(rest, b"<meta"))
    {
        let start = from + rel + 5;
        let end = lower
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'>'))
            .map_or(lower.len(), |e| start + e);
        let tag = lower.get(start..end).unwrap_or_default();
        if let Some(label) = charset_in_tag(tag) {
            return Some(label);
        }
        from = end;
    }
    None
}

/// The value after `charset=` in one (lowercased) `<meta …>` tag.
fn charset_in_tag(tag: &[u8]) -> Option<String> {
    let pos = crate::read::find(tag, b"charset")?;
    let rest = tag.get(pos + 7..)?;
    let rest = trim_ascii_start(rest);
    let rest = trim_ascii_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let label: Vec<u8> = rest
        .iter()
        .copied()
        .take_while(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .collect();
    if label.is_empty() {
        return None;
    }
    String::from_utf8(label).ok()
}

fn trim_ascii_start(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if first.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    s
}

/// True when `bytes` are valid UTF-8 and hold at least one multi-byte sequence: such bytes are
/// practically never legacy-encoded Chinese, whose byte pairs rarely form valid UTF-8 runs.
fn is_non_ascii_utf8(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok() && !bytes.is_ascii()
}

/// Decode an HTML page: BOM, then `http_charset`, then the `<meta>` prescan, then valid UTF-8,
/// then a statistical guess. A declaration the bytes contradict is overruled (declared GB2312
/// but the bytes are valid UTF-8; declared UTF-8 but the bytes are invalid UTF-8 and clean
/// GB18030). Returns the decoded text and whether a declaration was overruled.
pub(crate) fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> (Decoded, bool) {
    if let Some((enc, len)) = bom(bytes) {
        let body = bytes.get(len..).unwrap_or_default();
        return (decode_with(body, enc, EncodingEvidence::Bom, None), false);
    }
    let declared = http_charset
        .filter(|l| !l.trim().is_empty())
        .map(|l| (l.trim().to_string(), EncodingEvidence::HttpHeader))
        .or_else(|| prescan_meta_charset(bytes).map(|l| (l, EncodingEvidence::MetaCharset)));
    let Some((label, evidence)) = declared else {
        return (decode_undeclared_html(bytes, None), false);
    };
    let Some(enc) = for_label(&label) else {
        // An unknown label is no evidence at all; keep it for the record.
        return (decode_undeclared_html(bytes, Some(label)), false);
    };
    // A page cannot really be UTF-16 if its ASCII declaration was readable (WHATWG: use UTF-8).
    let enc = if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else {
        enc
    };
    if enc != UTF_8 && is_non_ascii_utf8(bytes) {
        let d = decode_with(
            bytes,
            UTF_8,
            EncodingEvidence::DeclarationOverruled,
            Some(label),
        );
        return (d, true);
    }
    if enc == UTF_8 && std::str::from_utf8(bytes).is_err() {
        let (_, gb_errors) = GB18030.decode_without_bom_handling(bytes);
        if !gb_errors && guess(bytes) == GB18030 {
            let d = decode_with(
                bytes,
                GB18030,
                EncodingEvidence::DeclarationOverruled,
                Some(label),
            );
            return (d, true);
        }
    }
    (decode_with(bytes, enc, evidence, Some(label)), false)
}

/// No usable declaration: valid UTF-8, else a guess (never UTF-16 guessing for HTML: a UTF-16
/// page without a BOM would not have been sniffed as HTML).
fn decode_undeclared_html(bytes: &[u8], declared: Option<String>) -> Decoded {
    if std::str::from_utf8(bytes).is_ok() {
        return decode_with(bytes, UTF_8, EncodingEvidence::ValidUtf8, declared);
    }
    decode_with(bytes, guess(bytes), EncodingEvidence::Guessed, declared)
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

    /// The staged guess (prefix first, whole window only when the prefix is not GB18030) gives
    /// what one call over the whole window gives, for long texts in the encodings a Chinese
    /// site meets.
    #[test]
    fn staged_guess_matches_the_whole_window() {
        let zh = "中共广州市花都区委关于巡视整改进展情况的通报。根据省委统一部署，省委第三巡视组对广州市花都区进行了巡视。";
        let ja = "日本語の文章です。これは文字コードの判定を試すための長い文章であり、ひらがなとカタカナを含みます。";
        let ko = "한국어 문장입니다. 이것은 문자 코드 판정을 시험하기 위한 긴 문장입니다.";
        let cases = [
            (zh, encoding_rs::GBK),
            (zh, encoding_rs::BIG5),
            (ja, encoding_rs::SHIFT_JIS),
            (ja, encoding_rs::EUC_JP),
            (ko, encoding_rs::EUC_KR),
        ];
        for (text, enc) in cases {
            let long = text.repeat(200);
            let (body, _, _) = enc.encode(&long);
            let mut bytes = b"<html><body><p>".to_vec();
            bytes.extend_from_slice(&body);
            assert!(bytes.len() > GUESS_WINDOW, "{}", enc.name());
            let start = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
            let window = &bytes[start..start + GUESS_WINDOW];
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(window, false);
            let whole = widen(det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow));
            assert_eq!(guess(&bytes), whole, "{}", enc.name());
        }
        let long = zh.repeat(200);
        let (gbk, _, _) = encoding_rs::GBK.encode(&long);
        assert_eq!(guess(&gbk), GB18030);
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

    #[test]
    fn prescan_finds_both_declaration_forms() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"<html><head><meta charset=\"gbk\">", Some("gbk")),
            (b"<meta charset='UTF-8'/>", Some("utf-8")),
            (b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">", Some("gb2312")),
            (b"<meta http-equiv=\"Content-Language\" content=\"utf-8\"><meta content=\"text/html;charset=GBK\" http-equiv=content-type>", Some("gbk")),
            (b"<link rel=stylesheet charset=\"utf-8\"><p>x</p>", None),
            (b"<meta name=\"keywords\" content=\"a\">", None),
            (b"<meta charset=", None),
            (b"", None),
        ];
        for (html, want) in cases {
            assert_eq!(
                prescan_meta_charset(html).as_deref(),
                *want,
                "{:?}",
                String::from_utf8_lossy(html)
            );
        }
    }

    #[test]
    fn html_decoding_evidence() {
        let gbk_text = "根据省委统一部署，省委第三巡视组对广州市花都区进行了巡视。反馈了巡视意见，现将巡视整改进展情况予以公布。";
        let (gbk, _, _) = GB18030.encode(gbk_text);
        let mut declared_gbk =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><p>".to_vec();
        declared_gbk.extend_from_slice(&gbk);
        let utf8_but_gb2312 = format!("<meta charset=\"gb2312\"><p>{gbk_text}</p>");
        let mut undeclared_gbk = b"<p>".to_vec();
        undeclared_gbk.extend_from_slice(&gbk);
        let mut gbk_but_utf8 = b"<meta charset=utf-8><p>".to_vec();
        gbk_but_utf8.extend_from_slice(&gbk);
        type Case<'a> = (&'a [u8], Option<&'a str>, &'a str, EncodingEvidence, bool);
        let cases: Vec<Case<'_>> = vec![
            (
                &declared_gbk,
                None,
                "gb18030",
                EncodingEvidence::MetaCharset,
                false,
            ),
            (
                utf8_but_gb2312.as_bytes(),
                None,
                "UTF-8",
                EncodingEvidence::DeclarationOverruled,
                true,
            ),
            (
                &undeclared_gbk,
                None,
                "gb18030",
                EncodingEvidence::Guessed,
                false,
            ),
            (
                &gbk_but_utf8,
                None,
                "gb18030",
                EncodingEvidence::DeclarationOverruled,
                true,
            ),
            (
                &undeclared_gbk,
                Some("GB2312"),
                "gb18030",
                EncodingEvidence::HttpHeader,
                false,
            ),
            (
                "<p>通报</p>".as_bytes(),
                None,
                "UTF-8",
                EncodingEvidence::ValidUtf8,
                false,
            ),
            (
                "\u{FEFF}<meta charset=gbk><p>通报</p>".as_bytes(),
                None,
                "UTF-8",
                EncodingEvidence::Bom,
                false,
            ),
            (
                b"<meta charset=x-nonsense><p>ok</p>",
                None,
                "UTF-8",
                EncodingEvidence::ValidUtf8,
                false,
            ),
        ];
        for (i, (bytes, http, name, evidence, overruled)) in cases.into_iter().enumerate() {
            let (d, o) = decode_html(bytes, http);
            assert_eq!(
                (d.info.name.as_str(), d.info.evidence, o),
                (name, evidence, overruled),
                "case {i}"
            );
            assert!(
                d.text.contains("通报") || d.text.contains("巡视") || d.text.contains("ok"),
                "case {i}"
            );
        }
    }

    #[test]
    fn overruled_keeps_the_declared_label() {
        let (d, _) = decode_html("<meta charset=\"GB2312\">中文".as_bytes(), None);
        assert_eq!(d.info.declared.as_deref(), Some("gb2312"));
    }
}
