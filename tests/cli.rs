//! The command line: exit codes and error messages.

use std::process::Command;

fn gongwen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
}

#[test]
fn empty_input_fails_with_exit_2_and_names_the_file() {
    let dir = std::env::temp_dir().join(format!("gongwen-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.html");
    std::fs::write(&empty, b"").unwrap();
    let out = gongwen().args(["convert"]).arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.html") && err.contains("empty"), "{err}");
}

#[test]
fn text_on_stdin_converts_to_json() {
    use std::io::Write;
    let mut child = gongwen()
        .args(["convert", "-", "--to", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("通报\n正文".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "gongwen/1");
    assert_eq!(v["source"]["format"], "text");
}

#[test]
fn exit_code_1_means_doubts_not_intended_cleanups() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    // 000.html reports only `chrome_removed` (an intended cleanup): exit 0.
    let clean = gongwen()
        .args(["convert", "-o", "/dev/null"])
        .arg(root.join("000.html"))
        .status()
        .unwrap();
    assert_eq!(clean.code(), Some(0));
    // 003.html has no charset anywhere, so its encoding is a guess (`charset_guessed`): exit 1.
    let guessed = gongwen()
        .args(["convert", "-o", "/dev/null"])
        .arg(root.join("003.html"))
        .status()
        .unwrap();
    assert_eq!(guessed.code(), Some(1));
}

#[test]
fn to_chunks_writes_one_chunk_per_line_under_its_headings() {
    let sample = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/001.html");
    let out = gongwen()
        .args(["convert", "--to", "chunks", "--max-chars", "200"])
        .arg(&sample)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 3);
    for (i, chunk) in lines.iter().enumerate() {
        assert_eq!(chunk["index"], i);
        assert!(chunk["text"].as_str().unwrap().chars().count() <= 200);
    }
    assert!(lines
        .iter()
        .any(|c| c["headings"].as_array().is_some_and(|h| !h.is_empty())));
}
