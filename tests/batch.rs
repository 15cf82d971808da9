//! `gongwen batch`: one record per input, errors included; resume; worker mode.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn gongwen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongwen-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A zip whose one entry inflates from a few KB to 50 MB.
fn zip_bomb() -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("word/document.xml", opts).unwrap();
    w.write_all(&vec![b'a'; 50 << 20]).unwrap();
    w.finish().unwrap();
    buf.into_inner()
}

/// Six good text notices, a corrupt PDF, an empty file and a zip bomb.
fn mixed_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    for i in 0..6 {
        std::fs::write(
            dir.join(format!("good{i}.txt")),
            format!("关于第{i}号问题的通报\n正文{i}。\n"),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("corrupt.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    )
    .unwrap();
    std::fs::write(dir.join("empty.html"), b"").unwrap();
    std::fs::write(dir.join("bomb.docx"), zip_bomb()).unwrap();
    dir
}

fn records(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad line {l}: {e}")))
        .collect()
}

fn record_path(v: &serde_json::Value) -> String {
    v.get("source")
        .and_then(|s| s.get("path"))
        .or_else(|| v.get("path"))
        .and_then(|p| p.as_str())
        .unwrap()
        .to_string()
}

#[test]
fn one_record_per_input_errors_included() {
    let dir = mixed_dir("mixed");
    let out = dir.join("out.jsonl");
    let status = gongwen()
        .args(["batch", "-q", "-j", "2", "-o"])
        .arg(&out)
        .arg(dir.to_str().unwrap())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2), "a failed input means exit code 2");
    let recs = records(&out);
    assert_eq!(recs.len(), 9, "one record per input");
    let errors: Vec<&serde_json::Value> =
        recs.iter().filter(|r| r.get("error").is_some()).collect();
    assert_eq!(
        errors.len(),
        3,
        "corrupt pdf, empty file, zip bomb: {errors:?}"
    );
    for e in &errors {
        assert!(e["error"]["code"].as_str().is_some_and(|c| !c.is_empty()));
        assert!(e["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    let empty = errors
        .iter()
        .find(|e| record_path(e).ends_with("empty.html"))
        .unwrap();
    assert_eq!(empty["error"]["code"], "empty");
    // Input order: the directory listing is sorted.
    let paths: Vec<String> = recs.iter().map(record_path).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn resume_after_a_killed_run_gives_the_same_set() {
    let dir = mixed_dir("resume");
    let outs = scratch("resume-out");
    let full = outs.join("full.jsonl");
    gongwen()
        .args(["batch", "-q", "-o"])
        .arg(&full)
        .arg(dir.to_str().unwrap())
        .status()
        .unwrap();
    // Simulate a run killed after three records, in the middle of writing the fourth.
    let text = std::fs::read_to_string(&full).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let partial = outs.join("partial.jsonl");
    let torn: String = lines[3]
        .chars()
        .take(lines[3].chars().count() / 2)
        .collect();
    std::fs::write(
        &partial,
        format!("{}\n{}\n{}\n{torn}", lines[0], lines[1], lines[2]),
    )
    .unwrap();
    let status = gongwen()
        .args(["batch", "-q", "--resume", "-o"])
        .arg(&partial)
        .arg(dir.to_str().unwrap())
        .status()
        .unwrap();
    // The three failing inputs sort first (bomb, corrupt, empty) and were already done, so
    // this run converts only good files.
    assert_eq!(status.code(), Some(0));
    let key = |v: &serde_json::Value| (record_path(v), v.get("error").is_some());
    let mut want: Vec<_> = records(&full).iter().map(key).collect();
    let mut got: Vec<_> = records(&partial).iter().map(key).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
}

#[test]
fn worker_mode_reads_paths_and_inline_bytes() {
    let dir = scratch("worker");
    let file = dir.join("a.txt");
    std::fs::write(&file, "通报\n正文").unwrap();
    let mut child = gongwen()
        .args(["batch", "-q", "--stdin-jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = format!(
        "{{\"path\":{:?}}}\n{{\"name\":\"inline.txt\",\"bytes_b64\":\"6YCa5oql\"}}\nnot json\n",
        file.display().to_string()
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["source"]["path"], "inline.txt");
    assert_eq!(lines[2]["error"]["code"], "bad_request");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn shards_cover_the_inputs_once() {
    let dir = mixed_dir("shard");
    let mut all = Vec::new();
    for k in 0..3 {
        let out = dir.join(format!("s{k}.jsonl"));
        gongwen()
            .args(["batch", "-q", "--shard", &format!("{k}/3"), "-o"])
            .arg(&out)
            .arg(dir.to_str().unwrap())
            .status()
            .unwrap();
        all.extend(records(&out).iter().map(record_path));
    }
    all.sort();
    let before = all.len();
    all.dedup();
    assert_eq!(before, all.len(), "no input in two shards");
    assert_eq!(all.len(), 9);
}
