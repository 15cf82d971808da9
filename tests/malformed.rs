//! Hostile and broken inputs: each hand-made case in `tests/fixtures/malformed/` gives its
//! expected outcome (listed with the reason in `expected.tsv`), never a panic or a hang; random
//! mutations of the samples give `Ok` or a typed error.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use proptest::prelude::*;

use crate::util;

/// A hang detector, not a speed check: a conversion that needs this long is stuck.
const HANG: Duration = Duration::from_secs(120);

/// Convert on a watchdog thread. `Ok(code)` where code is `ok` or the error code; `Err` for a
/// panic or a hang.
fn outcome(bytes: Vec<u8>, name: &str) -> Result<String, String> {
    outcome_as(bytes, name, None)
}

/// [`outcome`] with the format forced, as the per-reader fuzz targets do.
fn outcome_as(
    bytes: Vec<u8>,
    name: &str,
    format: Option<gongwen::Format>,
) -> Result<String, String> {
    let (tx, rx) = mpsc::channel();
    let name = name.to_string();
    std::thread::spawn(move || {
        let mut options = gongwen::Options::default();
        options.read.file_name = Some(name);
        options.read.format = format;
        let result = std::panic::catch_unwind(|| gongwen::convert(&bytes, &options));
        let _ = tx.send(match result {
            Ok(Ok(doc)) => {
                // Walk the whole output, as a consumer would.
                let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Json);
                let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Markdown);
                Ok("ok".to_string())
            }
            Ok(Err(e)) => {
                assert!(!e.to_string().is_empty());
                Ok(e.code().to_string())
            }
            Err(_) => Err("panicked".to_string()),
        });
    });
    rx.recv_timeout(HANG)
        .unwrap_or_else(|_| Err(format!("no result within {HANG:?}")))
}

fn fixtures() -> PathBuf {
    util::root().join("tests/fixtures/malformed")
}

#[test]
fn every_malformed_case_gives_its_expected_outcome() {
    let (count, mut failures) = check_manifest(&fixtures(), false);
    assert!(count >= 30, "the manifest lists {count} cases");
    // The fuzzers' crash inputs, kept as regression files with their own manifest.
    let (_, fuzz_failures) = check_manifest(&fixtures().join("fuzz"), true);
    failures.extend(fuzz_failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Run every case listed in `dir/expected.tsv`; the number of cases and the failures. With
/// `force`, the extension names the reader (a `read_pdf` crash input need not look like a PDF
/// to the sniffer; `.bin` is sniffed, as the `convert` target does).
fn check_manifest(dir: &Path, force: bool) -> (usize, Vec<String>) {
    let manifest = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut cols = line.split('\t');
        let (Some(file), Some(expected)) = (cols.next(), cols.next()) else {
            panic!("bad manifest line {line}")
        };
        let why = cols.next().unwrap_or("");
        let format = match file.rsplit_once('.').map(|(_, e)| e) {
            _ if !force => None,
            Some("html") => Some(gongwen::Format::Html),
            Some("txt") => Some(gongwen::Format::Text),
            Some("pdf") => Some(gongwen::Format::Pdf),
            Some("docx") => Some(gongwen::Format::Docx),
            Some("ofd") => Some(gongwen::Format::Ofd),
            Some("xls" | "et") => Some(gongwen::Format::Xls),
            Some("xlsx") => Some(gongwen::Format::Xlsx),
            Some("rtf") => Some(gongwen::Format::Rtf),
            Some("tif" | "png" | "jpg" | "bmp" | "webp") => Some(gongwen::Format::Image),
            _ => None,
        };
        let got = outcome_as(util::bytes(&dir.join(file)), file, format);
        count += 1;
        match got {
            Ok(code) if expected.split('|').any(|e| e == code) => {}
            Ok(code) => failures.push(format!("{file}: got {code}, expected {expected} ({why})")),
            Err(e) => failures.push(format!("{file}: {e}")),
        }
    }
    (count, failures)
}

#[test]
fn the_encrypted_fixture_opens_with_its_password() {
    let path = fixtures().join("encrypted-password.pdf");
    if !path.exists() {
        return; // made only where qpdf was installed
    }
    let mut options = gongwen::Options::default();
    options.read.password = Some("secret-user".into());
    let doc = gongwen::convert(&util::bytes(&path), &options).expect("the right password opens it");
    let text = gongwen::render::to_string(&doc, gongwen::OutputFormat::Text);
    assert!(text.contains("Hello gongwen"), "{text}");
    options.read.password = Some("wrong".into());
    let err = gongwen::convert(&util::bytes(&path), &options).unwrap_err();
    assert_eq!(err.code(), "encrypted");
}

fn sample_files() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in [
        util::root().join("samples"),
        fixtures(),
        fixtures().join("fuzz"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(
                ext,
                "html" | "txt" | "pdf" | "docx" | "ofd" | "rtf" | "xls" | "xlsx"
            ) && file_len(&p) < 2_000_000
            {
                out.push((p.display().to_string(), util::bytes(&p)));
            }
        }
    }
    out
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// A mutation: flip bytes, cut, or splice a slice elsewhere.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, xor: u8 },
    Truncate { at: usize },
    Splice { from: usize, len: usize, to: usize },
}

fn apply(bytes: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for m in mutations {
        if out.is_empty() {
            break;
        }
        let n = out.len();
        match *m {
            Mutation::Flip { at, xor } => out[at % n] ^= xor.max(1),
            Mutation::Truncate { at } => out.truncate(at % n),
            Mutation::Splice { from, len, to } => {
                let from = from % n;
                let end = (from + len).min(n);
                let piece = out[from..end].to_vec();
                let to = to % (out.len() + 1);
                out.splice(to..to, piece);
            }
        }
    }
    out
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), any::<u8>()).prop_map(|(at, xor)| Mutation::Flip { at, xor }),
        1 => any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        2 => (any::<usize>(), 1usize..512, any::<usize>()).prop_map(|(from, len, to)| Mutation::Splice { from, len, to }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_samples_never_panic_or_hang(pick in any::<prop::sample::Index>(), muts in prop::collection::vec(mutation(), 1..6)) {
        let files = sample_files();
        prop_assume!(!files.is_empty());
        let (name, bytes) = &files[pick.index(files.len())];
        let mutated = apply(bytes, &muts);
        let result = outcome(mutated, name);
        prop_assert!(result.is_ok(), "{name} with {muts:?}: {result:?}");
    }
}
