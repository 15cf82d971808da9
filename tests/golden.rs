//! Golden outputs: the full JSON of every file in `samples/`, committed under
//! `samples/expected/<file>.json` and compared byte for byte.
//!
//! After a reviewed change of output, regenerate them with
//! `GONGWEN_BLESS=1 cargo test --test tests golden`, read `git diff samples/expected`, and commit
//! the outputs together with the change that explains them.

use std::path::{Path, PathBuf};

use crate::util::{bytes, root};

/// The sample inputs: every file in `samples/` that gongwen reads (not the READMEs, seed tables
/// or expected outputs).
fn sample_inputs() -> Vec<PathBuf> {
    let dir = root().join("samples");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && !is_bookkeeping(p))
        .collect();
    inputs.sort();
    inputs
}

fn is_bookkeeping(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "tsv" | "json")
    )
}

/// The JSON the CLI prints for `samples/<name>` (`gongwen convert samples/<name>`).
fn json_of(path: &Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let mut options = gongwen::Options::default();
    options.read.file_name = Some(format!("samples/{name}"));
    let doc = gongwen::convert(&bytes(path), &options)
        .unwrap_or_else(|e| panic!("samples/{name} does not convert: {e}"));
    gongwen::render::to_string(&doc, gongwen::OutputFormat::Json)
}

fn expected_path(input: &Path) -> PathBuf {
    let name = input
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    root().join("samples/expected").join(format!("{name}.json"))
}

/// `None` when `actual` is byte-identical to `expected`, else where they first differ.
fn compare(expected: &str, actual: &str) -> Option<String> {
    (expected != actual).then(|| first_difference(expected, actual))
}

/// The first line where two texts differ, with two lines of context, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let from = at.saturating_sub(2);
    let show = |lines: &[&str]| {
        lines
            .iter()
            .skip(from)
            .take(5)
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "first difference at line {}:\n  expected:\n{}\n  actual:\n{}",
        at + 1,
        show(&e),
        show(&a)
    )
}

#[test]
fn every_sample_matches_its_golden_json() {
    let bless = std::env::var_os("GONGWEN_BLESS").is_some();
    let inputs = sample_inputs();
    assert!(
        inputs.len() >= 20,
        "samples/ lost files: {} inputs",
        inputs.len()
    );
    let mut failures = Vec::new();
    for input in &inputs {
        let actual = json_of(input);
        let expected_file = expected_path(input);
        if bless {
            std::fs::write(&expected_file, &actual)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", expected_file.display()));
            continue;
        }
        match std::fs::read_to_string(&expected_file) {
            Ok(expected) => {
                if let Some(diff) = compare(&expected, &actual) {
                    failures.push(format!("{}: output changed; {diff}", input.display()));
                }
            }
            Err(_) => failures.push(format!("{}: no golden output", expected_file.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} samples differ from samples/expected (after a reviewed change: \
         GONGWEN_BLESS=1 cargo test --test tests golden):\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn no_golden_output_without_its_sample() {
    let dir = root().join("samples/expected");
    let inputs: Vec<PathBuf> = sample_inputs().iter().map(|p| expected_path(p)).collect();
    for entry in std::fs::read_dir(&dir)
        .expect("samples/expected exists")
        .flatten()
    {
        assert!(
            inputs.contains(&entry.path()),
            "stale golden output {}",
            entry.path().display()
        );
    }
}

#[test]
fn a_one_character_change_in_a_sample_output_is_caught() {
    let input = root().join("samples/001.html");
    let golden = std::fs::read_to_string(expected_path(&input)).expect("golden of 001.html");
    let title = "中共广州市花都区委关于巡视整改进展情况的通报";
    assert!(golden.contains(title));
    let changed = golden.replacen(title, "中共广州市花都区委关于巡察整改进展情况的通报", 1);
    let diff = compare(&golden, &changed).expect("a one-character change is a difference");
    assert!(diff.contains("巡察"), "{diff}");
    assert_eq!(compare(&golden, &json_of(&input)), None);
}
