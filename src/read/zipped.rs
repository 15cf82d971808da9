//! Bounded access to zip containers (DOCX, OFD).
//!
//! Every entry is read through a size cap and a compression-ratio cap, and the total of bytes
//! inflated from one container is capped too, so a zip bomb ends in
//! [`Error::LimitExceeded`] instead of eating the machine. A missing optional part is `Ok(None)`.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::{Cursor, Read};

use crate::error::{Error, Limit, Result};
use crate::model::Format;
use crate::options::Limits;

/// An opened zip container with its limits.
pub(crate) struct Container<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    format: Format,
    limits: Limits,
    inflated: Cell<u64>,
    /// Entry names by lookup key (cleaned, ASCII-lowercased; the first entry wins), so that
    /// resolving is not a scan of the archive per reference in packages of thousands of parts.
    by_key: HashMap<String, String>,
}

impl<'a> Container<'a> {
    /// Open `bytes` as a zip container of `format`.
    pub(crate) fn open(bytes: &'a [u8], format: Format, limits: &Limits) -> Result<Self> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Error::malformed(format, format!("not a readable zip container: {e}")))?;
        if archive.len() as u64 > limits.zip_entries {
            return Err(Error::limit(Limit::ZipEntries, limits.zip_entries));
        }
        let mut by_key = HashMap::new();
        for name in archive.file_names().filter_map(|n| n.ok()) {
            by_key
                .entry(lookup_key(&name))
                .or_insert_with(|| name.into_owned());
        }
        Ok(Container {
            archive,
            format,
            limits: limits.clone(),
            inflated: Cell::new(0),
            by_key,
        })
    }

    /// Entry names in archive order (the XLSX reader checks every entry against the limits).
    pub(crate) fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect()
    }

    /// Find an entry name case-insensitively and ignoring a leading `/` or `./`.
    pub(crate) fn resolve(&self, name: &str) -> Option<String> {
        self.by_key.get(&lookup_key(name)).cloned()
    }

    /// Resolve a reference `href` written inside the part whose folder is `base_dir`.
    ///
    /// OFD (like OPC) references are relative to the referencing part, or absolute from the
    /// package root when they start with `/`. Producers also write root-relative paths without
    /// the slash, paths relative to an ancestor folder, backslashes, and another letter case;
    /// each is tried in that order, and last an entry whose path ends with `href` (preferring
    /// one under `base_dir`), so a package that readers such as ofdrw open is opened here too.
    pub(crate) fn resolve_from(&self, base_dir: &str, href: &str) -> Option<String> {
        let href = href.trim().replace('\\', "/");
        if href.is_empty() {
            return None;
        }
        let base = clean_name(base_dir);
        let rel = clean_name(&href);
        if rel.is_empty() {
            return None;
        }
        let mut candidates: Vec<String> = Vec::new();
        if href.starts_with('/') {
            candidates.push(rel.clone());
        }
        // Relative to the referencing folder, then to each of its ancestors up to the root.
        let mut dir = base.as_str();
        loop {
            candidates.push(if dir.is_empty() {
                rel.clone()
            } else {
                format!("{dir}/{}", href.trim_start_matches('/'))
            });
            if dir.is_empty() {
                break;
            }
            dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
        }
        for c in &candidates {
            if let Some(found) = self.resolve(c) {
                return Some(found);
            }
        }
        let tail = format!("/{}", rel.to_ascii_lowercase());
        let prefix = format!("{}/", base.to_ascii_lowercase());
        let mut matches: Vec<(&String, &String)> = self
            .by_key
            .iter()
            // An exact match was tried above (the root is the last candidate).
            .filter(|(key, _)| key.ends_with(&tail))
            .collect();
        // Prefer an entry under the referencing folder, then the shortest path; the key
        // breaks ties so the answer does not depend on hash order.
        matches.sort_by_key(|(key, _)| (!key.starts_with(&prefix), key.len(), key.as_str()));
        matches.into_iter().next().map(|(_, name)| name.clone())
    }

    /// Read one entry fully, within the limits. `Ok(None)` when the entry does not exist.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(real) = self.resolve(name) else {
            return Ok(None);
        };
        let format = self.format;
        let mut file = self
            .archive
            .by_name(&real)
            .map_err(|e| Error::malformed(format, format!("cannot open zip entry {real}: {e}")))?;
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        let limits = &self.limits;
        if declared > limits.zip_entry_bytes {
            return Err(Error::limit(Limit::ZipEntryBytes, limits.zip_entry_bytes));
        }
        // Small entries compress well for innocent reasons; the ratio only matters past 1 MiB.
        if declared > 1 << 20 && declared / compressed > limits.compression_ratio {
            return Err(Error::limit(
                Limit::CompressionRatio,
                limits.compression_ratio,
            ));
        }
        // The declared size can lie; cap what is actually inflated as well.
        let cap = limits
            .zip_entry_bytes
            .min(limits.zip_total_bytes - self.inflated.get().min(limits.zip_total_bytes));
        let mut out = Vec::with_capacity(declared.min(cap).min(64 << 20) as usize);
        let read = (&mut file)
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(|e| {
                Error::malformed(format, format!("cannot inflate zip entry {real}: {e}"))
            })?;
        let read = read as u64;
        if read > cap {
            return Err(if cap == limits.zip_entry_bytes {
                Error::limit(Limit::ZipEntryBytes, limits.zip_entry_bytes)
            } else {
                Error::limit(Limit::ZipTotalBytes, limits.zip_total_bytes)
            });
        }
        if read > 1 << 20 && read / compressed > limits.compression_ratio {
            return Err(Error::limit(
                Limit::CompressionRatio,
                limits.compression_ratio,
            ));
        }
        self.inflated.set(self.inflated.get() + read);
        Ok(Some(out))
    }
}

fn lookup_key(name: &str) -> String {
    clean_name(name).to_ascii_lowercase()
}

fn clean_name(name: &str) -> String {
    let name = name.replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(name: &str, data: &[u8]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file(name, opts).unwrap();
        w.write_all(data).unwrap();
        w.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn reads_entries_and_misses_cleanly() {
        let z = zip_with("word/document.xml", b"<w:document/>");
        let mut c = Container::open(&z, Format::Docx, &Limits::default()).unwrap();
        assert_eq!(
            c.read("/word/document.xml").unwrap().unwrap(),
            b"<w:document/>"
        );
        assert!(c.read("word/numbering.xml").unwrap().is_none());
    }

    #[test]
    fn a_zip_bomb_hits_the_ratio_limit() {
        let z = zip_with("word/document.xml", &vec![b'a'; 50 << 20]);
        assert!(z.len() < 200_000, "the bomb is small: {}", z.len());
        let mut c = Container::open(&z, Format::Docx, &Limits::default()).unwrap();
        let err = c.read("word/document.xml").unwrap_err();
        assert_eq!(err.code(), "limit_exceeded");
    }

    #[test]
    fn entry_size_cap_applies() {
        let z = zip_with("a.xml", &vec![b'x'; 4096]);
        let limits = Limits {
            zip_entry_bytes: 1000,
            ..Limits::default()
        };
        let mut c = Container::open(&z, Format::Ofd, &limits).unwrap();
        assert!(matches!(
            c.read("a.xml"),
            Err(Error::LimitExceeded {
                what: Limit::ZipEntryBytes,
                ..
            })
        ));
    }

    #[test]
    fn resolve_from_tolerates_odd_references() {
        let mut buf = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for name in [
            "OFD.xml",
            "Doc_0/Document.xml",
            "Doc_0/Pages/Page_0/Content.xml",
        ] {
            w.start_file(name, opts).unwrap();
        }
        w.finish().unwrap();
        let z = buf.into_inner();
        let c = Container::open(&z, Format::Ofd, &Limits::default()).unwrap();
        let page = Some("Doc_0/Pages/Page_0/Content.xml".to_string());
        for (base, href, want) in [
            ("Doc_0", "Pages/Page_0/Content.xml", &page),
            ("Doc_0", "/Doc_0/Pages/Page_0/Content.xml", &page),
            ("Doc_0", "Doc_0/Pages/Page_0/Content.xml", &page),
            ("Doc_0", "pages\\page_0\\content.XML", &page),
            ("Doc_0", "./Pages/../Pages/Page_0/Content.xml", &page),
            ("Doc_0/Signs", "../Pages/Page_0/Content.xml", &page),
            ("", "Page_0/Content.xml", &page),
            (
                "",
                "/Doc_0/Document.xml",
                &Some("Doc_0/Document.xml".to_string()),
            ),
            ("Doc_0", "Pages/Page_9/Content.xml", &None),
            ("Doc_0", "", &None),
            ("Doc_0", "/", &None),
        ] {
            assert_eq!(&c.resolve_from(base, href), want, "{base} + {href}");
        }
    }

    #[test]
    fn not_a_zip_is_malformed() {
        let err = Container::open(b"PK\x03\x04garbage", Format::Docx, &Limits::default())
            .err()
            .unwrap();
        assert_eq!(err.code(), "malformed");
    }
}
