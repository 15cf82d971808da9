//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// True under CI (`CI` set to anything but empty, `0` or `false`, as CI services set it): there a
/// test whose material is missing fails instead of skipping.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Report material a test needs that is not there: a failure under CI, a note elsewhere.
pub fn missing(what: &str) {
    assert!(
        !in_ci(),
        "CI is set but {what} is missing: CI must run with ../shared (seeds and corpus) beside \
         the repository and the tools .ci/run installs; a test may not skip there"
    );
    eprintln!("skipped: {what} is absent");
}

/// `../shared/<rel>` when present (the corpus and seeds live outside the repository); when
/// absent, `None` with a note, or a failure under CI.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = root().join("..").join("shared").join(rel);
    if p.exists() {
        return Some(p);
    }
    missing(&format!("../shared/{rel}"));
    None
}

/// Skip the calling test (with a note) when `../shared/<rel>` is absent.
#[macro_export]
macro_rules! shared_or_skip {
    ($rel:expr) => {
        match $crate::util::shared($rel) {
            Some(p) => p,
            None => return,
        }
    };
}

/// Path of a file in `samples/`.
pub fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

/// The seed file whose name starts with `prefix` (`"003"`), if the seeds are present.
pub fn seed_path(prefix: &str) -> Option<PathBuf> {
    let dir = shared("seeds")?;
    let found = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        });
    if found.is_none() {
        missing(&format!("seed {prefix} in ../shared/seeds"));
    }
    found
}

/// Read a file to bytes, panicking with the path on failure (tests only).
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Character error rate: Levenshtein distance over chars divided by the reference length.
pub fn cer(reference: &str, hypothesis: &str) -> f64 {
    let r: Vec<char> = reference.chars().collect();
    let h: Vec<char> = hypothesis.chars().collect();
    if r.is_empty() {
        return if h.is_empty() { 0.0 } else { 1.0 };
    }
    let mut prev: Vec<usize> = (0..=h.len()).collect();
    let mut cur = vec![0; h.len() + 1];
    for (i, rc) in r.iter().enumerate() {
        cur[0] = i + 1;
        for (j, hc) in h.iter().enumerate() {
            let sub = prev[j] + usize::from(rc != hc);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[h.len()] as f64 / r.len() as f64
}

/// A deflated zip archive holding `entries` (name, bytes), for hand-made DOCX/OFD packages.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
    buf.into_inner()
}
