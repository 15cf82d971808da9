//! `gongwen batch` under faults: inputs that are not files, an output that cannot be written, a
//! full disk, stdin cut short in worker mode, a file growing while it is read. The root-only
//! cases (a read-only mount, a small tmpfs) and kill -9 at random points are in
//! `scripts/faults.sh`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn gongwen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongwen-faults-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Run with a watchdog: a hang fails the test instead of stalling the suite.
fn run_bounded(mut command: Command, stdin: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = wait_bounded(child, "gongwen batch hung");
    feeder.join().unwrap();
    out
}

/// Wait at most a minute for `child`; past that it is killed and the test fails with `hang`.
fn wait_bounded(child: std::process::Child, hang: &str) -> Output {
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let Ok(out) = rx.recv_timeout(Duration::from_secs(60)) else {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        panic!("{hang}");
    };
    out.unwrap()
}

fn lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("torn line {l}: {e}")))
        .collect()
}

fn good(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, "关于整改的通报\n正文。\n").unwrap();
    path
}

#[test]
fn a_fifo_and_a_directory_named_like_a_pdf_are_error_records_not_hangs() {
    let dir = scratch("special");
    let fifo = dir.join("pipe.pdf");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo is needed for this test");
    let folder = dir.join("x.pdf");
    std::fs::create_dir(&folder).unwrap();
    let ok = good(&dir, "a.txt");
    let list = dir.join("list.txt");
    let names = [&fifo, &folder, &ok].map(|p| p.display().to_string());
    std::fs::write(&list, names.join("\n")).unwrap();
    let mut command = gongwen();
    command.args(["batch", "-q", &format!("@{}", list.display())]);
    let out = run_bounded(command, b"");
    let recs = lines(&out.stdout);
    assert_eq!(recs.len(), 3, "one record per input");
    for (rec, kind) in recs.iter().zip(["FIFO", "directory"]) {
        assert_eq!(rec["error"]["code"], "io", "{rec}");
        let message = rec["error"]["message"].as_str().unwrap();
        assert!(message.contains("not a regular file"), "{message}");
        assert!(message.contains(kind), "{message}");
    }
    assert!(recs[2].get("error").is_none(), "{}", recs[2]);
    assert_eq!(out.status.code(), Some(2));
}

/// A FIFO met while walking a directory is reported (an error record), not skipped silently.
#[test]
fn a_fifo_found_in_a_directory_gets_an_error_record() {
    let dir = scratch("walk");
    let docs = dir.join("docs");
    std::fs::create_dir(&docs).unwrap();
    let made = Command::new("mkfifo")
        .arg(docs.join("b-pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo is needed for this test");
    good(&docs, "a.txt");
    let mut command = gongwen();
    command.args(["batch", "-q"]).arg(&docs);
    let out = run_bounded(command, b"");
    let recs = lines(&out.stdout);
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert!(recs[0].get("error").is_none(), "{}", recs[0]);
    assert_eq!(recs[1]["error"]["code"], "io", "{}", recs[1]);
    let message = recs[1]["error"]["message"].as_str().unwrap();
    assert!(message.contains("FIFO"), "{message}");
    assert_eq!(out.status.code(), Some(2));
}

/// Output to a pipe whose reader is gone (`| head`): quiet, and exit 141 (what a shell reports
/// for a tool killed by SIGPIPE), for `batch` and `convert` alike; never 0, which would say
/// every record was delivered.
#[test]
fn a_closed_output_pipe_is_a_quiet_exit_141() {
    let dir = scratch("epipe");
    let a = good(&dir, "a.txt");
    let mut batch = gongwen();
    batch.args(["batch", "-q"]).arg(&dir);
    let mut convert = gongwen();
    convert.arg("convert").arg(&a);
    for mut command in [batch, convert] {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before anything is written.
        drop(child.stdout.take());
        let out = wait_bounded(child, "gongwen hung on a closed pipe");
        assert_eq!(out.status.code(), Some(141), "{command:?}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_full_disk_is_a_clear_error_and_exit_2() {
    let dir = scratch("full");
    for i in 0..20 {
        good(&dir, &format!("f{i:02}.txt"));
    }
    let mut command = gongwen();
    command.args(["batch", "-q", "-o", "/dev/full", dir.to_str().unwrap()]);
    let out = run_bounded(command, b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot write /dev/full"), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
}

#[test]
fn an_output_that_cannot_be_created_is_a_clear_error_and_exit_2() {
    let dir = scratch("nowrite");
    let ok = good(&dir, "a.txt");
    // A regular file where a directory should be: refused for root too (unlike a chmod).
    let out_path = ok.join("out.jsonl");
    let mut command = gongwen();
    command.args(["batch", "-q", "-o"]).arg(&out_path).arg(&ok);
    let out = run_bounded(command, b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot create"), "{stderr}");
    let mut to_dir = gongwen();
    to_dir
        .args(["batch", "-q", "--to-dir"])
        .arg(&out_path)
        .arg(&ok);
    let out = run_bounded(to_dir, b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stdin_closed_mid_line_gives_a_record_for_every_line() {
    let dir = scratch("stdin");
    let ok = good(&dir, "a.txt");
    let mut input = format!("{{\"path\":{:?}}}\n", ok.display().to_string()).into_bytes();
    input.extend_from_slice(b"{\"name\":\"b.txt\",\"bytes_b\xff\":1}\n");
    input.extend_from_slice(b"{\"name\":\"c.txt\",\"bytes_b64\":\"6YCa");
    let mut command = gongwen();
    command.args(["batch", "-q", "--stdin-jsonl"]);
    let out = run_bounded(command, &input);
    let recs = lines(&out.stdout);
    assert_eq!(recs.len(), 3, "{recs:?}");
    assert!(recs[0].get("error").is_none());
    assert_eq!(recs[1]["error"]["code"], "bad_request");
    assert!(recs[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
    assert_eq!(recs[2]["error"]["code"], "bad_request");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_file_growing_while_it_is_read_stops_at_the_size_cap() {
    let dir = scratch("growing");
    let path = dir.join("growing.txt");
    std::fs::write(&path, "通报\n").unwrap();
    let writer_path = path.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop_writer = std::sync::Arc::clone(&stop);
    let grower = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(writer_path)
            .unwrap();
        let chunk = "正文继续。\n".repeat(1000);
        while !stop_writer.load(std::sync::atomic::Ordering::Relaxed) {
            if f.write_all(chunk.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut command = gongwen();
    command
        .args(["batch", "-q", "--limit-input-bytes", "2000000"])
        .arg(&path);
    let out = run_bounded(command, b"");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    grower.join().unwrap();
    let recs = lines(&out.stdout);
    assert_eq!(
        recs.len(),
        1,
        "one record, whatever the file held when read"
    );
    let rec = &recs[0];
    // Either converted as read, or refused by the cap: never read past it.
    match rec.get("error") {
        Some(e) => assert_eq!(e["code"], "limit_exceeded", "{rec}"),
        None => assert!(
            rec["source"]["bytes"].as_u64().unwrap() <= 2_000_000,
            "{rec}"
        ),
    }
}

#[test]
fn resume_gives_an_unreadable_input_no_second_record() {
    let dir = scratch("resume-unreadable");
    let folder = dir.join("x.pdf");
    std::fs::create_dir(&folder).unwrap();
    let ok = good(&dir, "a.txt");
    let list = dir.join("list.txt");
    std::fs::write(&list, format!("{}\n{}\n", folder.display(), ok.display())).unwrap();
    let out_path = dir.join("out.jsonl");
    for _ in 0..2 {
        let mut command = gongwen();
        command
            .args(["batch", "-q", "--resume", "-o"])
            .arg(&out_path)
            .arg(format!("@{}", list.display()));
        run_bounded(command, b"");
    }
    let recs = lines(&std::fs::read(&out_path).unwrap());
    assert_eq!(recs.len(), 2, "each input once after a resume: {recs:?}");
}

/// Worker mode as a request/response client uses it: one request, wait for its answer, then the
/// next. The run loop used to block reading the next request before writing the finished
/// record, so such a client waited forever. A watchdog (generous, not a timing check) turns a
/// regression into a failure instead of a hang.
#[test]
fn worker_mode_answers_each_request_before_the_next_is_sent() {
    use std::io::{BufRead, BufReader};
    let dir = scratch("worker");
    let a = good(&dir, "a.txt");
    let b = good(&dir, "b.txt");
    let mut child = gongwen()
        .args(["batch", "-q", "--stdin-jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut requests = child.stdin.take().unwrap();
    let (tx, answers) = std::sync::mpsc::channel();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    std::thread::spawn(move || loop {
        let mut line = String::new();
        match out.read_line(&mut line) {
            Ok(n) if n > 0 => {
                if tx.send(line).is_err() {
                    return;
                }
            }
            _ => return,
        }
    });
    let answer = |expected: &Path| {
        let Ok(line) = answers.recv_timeout(Duration::from_secs(120)) else {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("no answer to a request while stdin stays open: the worker mode hangs");
        };
        let record: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert!(record.get("error").is_none(), "{record}");
        assert_eq!(
            record["source"]["path"],
            expected.display().to_string(),
            "{record}"
        );
    };
    for path in [&a, &b] {
        writeln!(requests, "{{\"path\":{:?}}}", path.display().to_string()).unwrap();
        requests.flush().unwrap();
        answer(path);
    }
    drop(requests);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}
