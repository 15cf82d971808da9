//! Gzip-compressed input (`page.html.gz`: crawlers and web archives store pages this way).
//!
//! Gzip is transport, not a format: the input is inflated and the result sniffed and read as
//! usual, with `source.compression = "gzip"`. The inflated size counts against
//! `Limits::input_bytes` (so a gzip bomb stops at that limit, it never fills memory), and a
//! damaged or truncated stream keeps what inflated before the damage, with a warning.

use std::io::Read;

use crate::error::{Error, Limit, Result};
use crate::model::{Code, Diagnostic};
use crate::options::Limits;

/// The gzip magic plus the only compression method gzip defines (deflate).
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Is this a gzip stream?
pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// Inflate a gzip stream (every member of it). Returns the data and, for a damaged stream, a
/// warning saying how much was recovered.
///
/// # Errors
/// [`Error::LimitExceeded`] when the inflated data is over `limits.input_bytes`;
/// [`Error::UnknownFormat`] when nothing at all inflates.
pub(crate) fn inflate(bytes: &[u8], limits: &Limits) -> Result<(Vec<u8>, Option<Diagnostic>)> {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(1 << 24));
    let mut decoder =
        flate2::read::MultiGzDecoder::new(bytes).take(limits.input_bytes.saturating_add(1));
    let damage = decoder.read_to_end(&mut out).err();
    if out.len() as u64 > limits.input_bytes {
        return Err(Error::limit(Limit::InputBytes, limits.input_bytes));
    }
    match damage {
        None => Ok((out, None)),
        Some(e) if out.is_empty() => Err(Error::UnknownFormat {
            hint: Some(format!("gzip data that does not inflate: {e}")),
        }),
        Some(e) => {
            let warning = Diagnostic::new(
                Code::DamagedFile,
                format!(
                    "the gzip stream is damaged or truncated ({e}); the {} bytes that inflated \
                     before it were read",
                    out.len()
                ),
            );
            Ok((out, Some(warning)))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn inflates_whole_and_multi_member_streams() {
        let one = gz("<p>关于巡察整改情况的通报</p>".as_bytes());
        assert!(is_gzip(&one));
        let (data, warning) = inflate(&one, &Limits::default()).unwrap();
        assert_eq!(data, "<p>关于巡察整改情况的通报</p>".as_bytes());
        assert!(warning.is_none());
        let two = [gz(b"first "), gz(b"second")].concat();
        assert_eq!(
            inflate(&two, &Limits::default()).unwrap().0,
            b"first second"
        );
    }

    #[test]
    fn a_truncated_stream_keeps_what_inflated() {
        let text = "根据省委统一部署，现将巡视整改情况予以公布。".repeat(200);
        let whole = gz(text.as_bytes());
        let cut = &whole[..whole.len() / 2];
        let (data, warning) = inflate(cut, &Limits::default()).unwrap();
        assert!(!data.is_empty() && text.as_bytes().starts_with(&data));
        assert_eq!(warning.map(|w| w.code), Some(Code::DamagedFile));
        // Nothing inflates from the header alone.
        let err = inflate(&whole[..10], &Limits::default()).unwrap_err();
        assert_eq!(err.code(), "unknown_format");
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_input_limit() {
        let bomb = gz(&vec![b' '; 8 << 20]);
        assert!(bomb.len() < 64 << 10, "{} bytes", bomb.len());
        let limits = Limits {
            input_bytes: 1 << 20,
            ..Limits::default()
        };
        let err = inflate(&bomb, &limits).unwrap_err();
        assert!(
            matches!(
                err,
                Error::LimitExceeded {
                    what: Limit::InputBytes,
                    limit: 0x10_0000
                }
            ),
            "{err}"
        );
    }
}
