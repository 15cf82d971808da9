//! Signatures and electronic seals (`Signatures.xml` → `Signature.xml`, GB/T 38540).
//!
//! None of this is body text. The reader only reports *that* a document is signed, when, of
//! what kind, and the seal's name when the seal structure can be read. Verifying signatures is
//! out of scope.

use crate::error::Result;
use crate::model::SignatureInfo;

use super::package::Package;
use super::xml::Node;
use super::{iso_datetime, Warn};

/// Most signatures read from one document; a real document carries a handful.
const MAX_SIGNATURES: usize = 256;

/// Read the signature list `list_path` (already resolved) and every signature it names.
///
/// # Errors
/// Only resource limits (a zip bomb posing as a signature); damaged parts are warnings.
pub(super) fn read(
    pkg: &mut Package<'_>,
    list_path: &str,
    warn: &mut Warn,
) -> Result<Vec<SignatureInfo>> {
    let Some(list) = pkg.xml_part(list_path, warn)? else {
        return Ok(Vec::new());
    };
    let dir = super::package::parent_dir(list_path);
    let mut out = Vec::new();
    for entry in list.children_named("Signature").take(MAX_SIGNATURES) {
        // The standard's default type is a seal (`Seal`); `Sign` is a plain digital signature.
        let kind = entry.attr("Type").unwrap_or("Seal").to_ascii_lowercase();
        let mut info = SignatureInfo {
            kind: Some(kind),
            ..SignatureInfo::default()
        };
        let sig_path = entry
            .attr("BaseLoc")
            .and_then(|loc| pkg.resolve_from(&dir, loc));
        if let Some(sig_path) = sig_path {
            if let Some(sig) = pkg.xml_part(&sig_path, warn)? {
                let dir = super::package::parent_dir(&sig_path);
                fill_from_signature(pkg, &sig, &dir, &mut info)?;
            }
        }
        out.push(info);
    }
    Ok(out)
}

fn fill_from_signature(
    pkg: &mut Package<'_>,
    sig: &Node,
    dir: &str,
    info: &mut SignatureInfo,
) -> Result<()> {
    let Some(signed) = sig.child("SignedInfo") else {
        return Ok(());
    };
    info.date = signed
        .child_text("SignatureDateTime")
        .map(|d| iso_datetime(&d).unwrap_or(d));
    // The seal's name sits in the seal file (`Seal/BaseLoc`, V1 seals) or inside the signed
    // value itself (V4 seals embed the seal in the signature structure). A plain digital
    // signature (`Type="Sign"`, PKCS#7) names its signer in the certificate instead.
    let seal_loc = signed.child("Seal").and_then(|s| s.child_text("BaseLoc"));
    let value_loc = sig.child_text("SignedValue");
    let mut value = None;
    for (loc, is_value) in [(seal_loc, false), (value_loc, true)] {
        let Some(path) = loc.and_then(|loc| pkg.resolve_from(dir, &loc)) else {
            continue;
        };
        if let Some(bytes) = pkg.read_bytes(&path)? {
            if let Some(name) = seal_name(&bytes) {
                info.signer = Some(name);
                return Ok(());
            }
            if is_value {
                value = Some(bytes);
            }
        }
    }
    info.signer = value.as_deref().and_then(certificate_subject);
    Ok(())
}

/// The seal name of a GB/T 38540 `SES_Seal` (or a signature embedding one): the first UTF8String
/// after the `SES_Header` whose ID is the IA5String `ES`. Returns `None` for anything else (a
/// plain PKCS#7 signature holds certificate names, which are not the seal's).
pub(super) fn seal_name(der: &[u8]) -> Option<String> {
    let mut strings = Vec::new();
    walk(der, 0, &mut strings);
    let start = strings
        .iter()
        .position(|(tag, s)| *tag == IA5 && s.as_slice() == b"ES")?;
    strings
        .iter()
        .skip(start)
        .find(|(tag, s)| *tag == UTF8 && !s.is_empty())
        .and_then(|(tag, s)| decode(*tag, s))
}

/// The subject common name of the first certificate in a DER structure (a PKCS#7 signature):
/// the second `commonName` (OID 2.5.4.3) value, since a certificate names its issuer first.
/// Best effort: `None` when fewer than two names are found.
pub(super) fn certificate_subject(der: &[u8]) -> Option<String> {
    let mut items = Vec::new();
    walk(der, 0, &mut items);
    let names: Vec<String> = items
        .windows(2)
        .filter_map(|w| match w {
            [(OID, oid), (tag, value)] if oid.as_slice() == COMMON_NAME => decode(*tag, value),
            _ => None,
        })
        .collect();
    names.into_iter().nth(1)
}

/// A DER string's text, trimmed; `None` when empty or not decodable.
fn decode(tag: u8, bytes: &[u8]) -> Option<String> {
    let text = if tag == BMP {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .filter_map(|c| match c {
                [a, b] => Some(u16::from_be_bytes([*a, *b])),
                _ => None,
            })
            .collect();
        String::from_utf16(&units).ok()?
    } else {
        std::str::from_utf8(bytes).ok()?.to_string()
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

const UTF8: u8 = 0x0C;
const IA5: u8 = 0x16;
const PRINTABLE: u8 = 0x13;
const BMP: u8 = 0x1E;
const OID: u8 = 0x06;
/// 2.5.4.3, X.520 commonName.
const COMMON_NAME: &[u8] = &[0x55, 0x04, 0x03];
/// Deepest DER nesting followed and most strings collected: seals are shallow and the name
/// comes early, and a hostile file must not make us walk megabytes of nested headers.
const MAX_DER_DEPTH: usize = 32;
const MAX_STRINGS: usize = 256;

fn walk(mut data: &[u8], depth: usize, out: &mut Vec<(u8, Vec<u8>)>) {
    while out.len() < MAX_STRINGS {
        let Some((tag, body, rest)) = tlv(data) else {
            return;
        };
        if matches!(tag, UTF8 | IA5 | PRINTABLE | BMP | OID) {
            out.push((tag, body.to_vec()));
        } else if tag & 0x20 != 0 && depth < MAX_DER_DEPTH {
            walk(body, depth + 1, out);
        }
        data = rest;
    }
}

/// Split one DER tag-length-value off `data`: (tag, value, rest).
fn tlv(data: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = data.split_first()?;
    // Multi-byte tags do not occur in seal structures; stop rather than misparse.
    if tag & 0x1F == 0x1F {
        return None;
    }
    let (&first, mut rest) = rest.split_first()?;
    let len = if first & 0x80 == 0 {
        usize::from(first)
    } else {
        let n = usize::from(first & 0x7F);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = rest.get(..n)?;
        rest = rest.get(n..)?;
        bytes
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
    };
    let body = rest.get(..len)?;
    Some((tag, body, rest.get(len..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn der(tag: u8, body: &[u8]) -> Vec<u8> {
        let mut v = vec![tag];
        if body.len() < 128 {
            v.push(body.len() as u8);
        } else {
            v.push(0x82);
            v.extend_from_slice(&(body.len() as u16).to_be_bytes());
        }
        v.extend_from_slice(body);
        v
    }

    #[test]
    fn finds_the_name_after_the_es_header() {
        let header = [der(IA5, b"ES"), der(0x02, &[4]), der(IA5, b"vendor")].concat();
        let property = [der(0x02, &[1]), der(UTF8, "某某市测试章".as_bytes())].concat();
        let info = [der(0x30, &header), der(IA5, b"id"), der(0x30, &property)].concat();
        let seal = der(0x30, &der(0x30, &info));
        assert_eq!(seal_name(&seal).as_deref(), Some("某某市测试章"));
    }

    #[test]
    fn certificate_subject_is_the_second_common_name() {
        let cn = |v: &str| {
            der(
                0x31,
                &der(
                    0x30,
                    &[der(OID, COMMON_NAME), der(UTF8, v.as_bytes())].concat(),
                ),
            )
        };
        let country = der(
            0x31,
            &der(
                0x30,
                &[der(OID, &[0x55, 0x04, 0x06]), der(PRINTABLE, b"CN")].concat(),
            ),
        );
        let issuer = der(0x30, &[country.clone(), cn("某某CA")].concat());
        let subject = der(0x30, &[country, cn("某某局电子签名")].concat());
        let cert = der(
            0x30,
            &der(0x30, &[der(0x02, &[1]), issuer, subject].concat()),
        );
        assert_eq!(
            certificate_subject(&cert).as_deref(),
            Some("某某局电子签名")
        );
        assert_eq!(seal_name(&cert), None);
        let bmp = der(
            0x30,
            &[
                der(OID, COMMON_NAME),
                der(BMP, &[0x4E, 0x00]),
                der(OID, COMMON_NAME),
                der(BMP, &[0x75, 0x32]),
            ]
            .concat(),
        );
        assert_eq!(certificate_subject(&bmp).as_deref(), Some("甲"));
        assert_eq!(certificate_subject(&der(OID, COMMON_NAME)), None);
    }

    #[test]
    fn no_header_or_garbage_gives_none() {
        let cert = der(0x30, &der(UTF8, "云南省".as_bytes()));
        assert_eq!(seal_name(&cert), None);
        assert_eq!(seal_name(&[0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]), None);
        assert_eq!(seal_name(&[]), None);
        assert_eq!(seal_name(&[0x30; 4096]), None);
    }
}
