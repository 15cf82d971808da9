//! The same input gives byte-identical JSON across runs and thread counts.

use std::process::Command;

use crate::util;

#[test]
fn convert_is_deterministic() {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(util::root().join("samples"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    if let Some(seeds) = util::shared("seeds") {
        files.extend(
            std::fs::read_dir(seeds)
                .unwrap()
                .flatten()
                .map(|e| e.path()),
        );
    }
    let options = gongwen::Options::default();
    let mut checked = 0;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e != "md" && e != "py"))
    {
        let bytes = util::bytes(path);
        let Ok(first) = gongwen::convert(&bytes, &options) else {
            continue;
        };
        let a = gongwen::render::to_string(&first, gongwen::OutputFormat::Json);
        let b = gongwen::render::to_string(
            &gongwen::convert(&bytes, &options).unwrap(),
            gongwen::OutputFormat::Json,
        );
        assert_eq!(a, b, "{} differs between runs", path.display());
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn batch_output_is_identical_across_thread_counts() {
    let mut inputs = vec![util::root().join("samples").display().to_string()];
    if let Some(seeds) = util::shared("seeds") {
        inputs.push(seeds.display().to_string());
    }
    let run = |jobs: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .args([
                "batch",
                "-q",
                "-j",
                jobs,
                "--glob",
                "*.{html,txt,pdf,docx,ofd}",
            ])
            .args(&inputs)
            .output()
            .unwrap();
        out.stdout
    };
    let one = run("1");
    let two = run("2");
    assert!(!one.is_empty());
    assert!(one == two, "-j 1 and -j 2 outputs differ");
}
