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
        .args(["convert", "-q", "-o", "/dev/null"])
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

/// The library's errors name the cause; the binary adds the flag that would have avoided it.
#[test]
fn errors_name_the_flag_to_use() {
    let dir = std::env::temp_dir().join(format!("gongwen-cli-flags-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let notice = dir.join("notice.txt");
    std::fs::write(
        &notice,
        "关于巡察整改进展情况的通报\n全面落实整改。\n".as_bytes(),
    )
    .unwrap();
    let out = gongwen()
        .args(["convert", "--limit-input-bytes", "8"])
        .arg(&notice)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("input_bytes is over 8 (raise it with --limit-input-bytes)"),
        "{err}"
    );
    let binary = dir.join("blob.bin");
    std::fs::write(&binary, [0u8; 64]).unwrap();
    let out = gongwen().arg("convert").arg(&binary).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown format") && err.ends_with("; use --from to force one\n"),
        "{err}"
    );
}

#[test]
fn help_lists_every_limit_flag_with_its_default() {
    for command in ["convert", "batch"] {
        let out = gongwen().args([command, "--help"]).output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        for &limit in gongwen::Limit::ALL {
            let flag = format!("--{} <{}>", limit.flag(), limit.unit());
            let default = format!("[default: {}]", limit.default_shown());
            let at = help
                .find(&flag)
                .unwrap_or_else(|| panic!("{command}: no {flag}"));
            let line = help[at..].lines().take(3).collect::<String>();
            assert!(line.contains(&default), "{command} {flag}: {line}");
        }
    }
}

// ---- issue 22: what the command line tells a person -------------------------------------

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gongwen-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A PDF of `pages` pages, each only an image: what a scanner makes.
fn scan_pdf(pages: usize) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(), // the page tree, once the kids are known
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray \
         /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream"
            .into(),
        "<< /Length 30 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream".into(),
    ];
    let mut kids = Vec::new();
    for _ in 0..pages {
        kids.push(format!("{} 0 R", objects.len() + 1));
        objects.push(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Resources << /XObject << /Im1 3 0 R >> >> >>"
                .into(),
        );
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    );
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        pdf.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// Run `gongwen ARGS`; returns (exit code, stdout, stderr). Stderr is a pipe, never a terminal.
fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = gongwen().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

#[test]
fn a_scan_says_ocr_is_needed_whatever_the_output_format() {
    let dir = scratch("scan");
    let scan = dir.join("scan.pdf");
    std::fs::write(&scan, scan_pdf(14)).unwrap();
    let expected = format!(
        "gongwen: {}: no text layer on pages 1–14 (a scan): OCR is needed\n",
        scan.display()
    );
    for to in ["text", "md", "json"] {
        let (code, stdout, stderr) = run(&[os("convert"), os("--to"), os(to), scan.as_os_str()]);
        assert_eq!(code, Some(1), "--to {to}");
        assert_eq!(stderr, expected, "--to {to}");
        if to == "json" {
            // The JSON keeps the full warning.
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            let w = &v["warnings"][0];
            assert_eq!(w["code"], "no_text_layer");
            assert!(w["message"].as_str().unwrap().contains("1-14"), "{w}");
        }
    }
    let (code, _, stderr) = run(&[
        os("convert"),
        os("-q"),
        os("--to"),
        os("text"),
        scan.as_os_str(),
    ]);
    assert_eq!((code, stderr.as_str()), (Some(1), ""));
}

#[test]
fn a_guessed_charset_is_one_line_and_cleanups_stay_silent() {
    let guessed = crate::util::sample("003.html");
    let (code, _, stderr) = run(&[os("convert"), os("--to"), os("md"), guessed.as_os_str()]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        format!(
            "gongwen: {}: no charset declared: the encoding was guessed (gb18030); check the text\n",
            guessed.display()
        )
    );
    let (code, _, stderr) = run(&[os("convert"), os("--quiet"), guessed.as_os_str()]);
    assert_eq!((code, stderr.as_str()), (Some(1), ""));
    // 000.html reports only `chrome_removed`, a cleanup: nothing on stderr.
    let clean = crate::util::sample("000.html");
    let (code, _, stderr) = run(&[os("convert"), os("--to"), os("text"), clean.as_os_str()]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn errors_suggest_the_next_step() {
    let dir = scratch("next-step");
    let folder = dir.join("notices");
    std::fs::create_dir_all(&folder).unwrap();
    let cases: Vec<(std::path::PathBuf, String)> = vec![
        (
            folder.clone(),
            format!(
                "gongwen: {0}: is a directory: use `gongwen batch {0}` to convert what it holds\n",
                folder.display()
            ),
        ),
        (
            "https://www.gov.cn/zhengce/a.html".into(),
            "gongwen: https://www.gov.cn/zhengce/a.html: gongwen does not fetch: download it \
             first, e.g. `curl -LO https://www.gov.cn/zhengce/a.html`\n"
                .into(),
        ),
        (
            dir.join("nowhere.pdf"),
            format!(
                "gongwen: {}: no such file\n",
                dir.join("nowhere.pdf").display()
            ),
        ),
        (
            crate::util::root().join("tests/fixtures/pdf/encrypted_password.pdf"),
            format!(
                "gongwen: {}: the pdf file is encrypted; pass --password to open it\n",
                crate::util::root()
                    .join("tests/fixtures/pdf/encrypted_password.pdf")
                    .display()
            ),
        ),
    ];
    for (input, expected) in &cases {
        let (code, stdout, stderr) = run(&[os("convert"), input.as_os_str()]);
        assert_eq!(code, Some(2), "{}", input.display());
        assert_eq!(&stderr, expected);
        assert_eq!(stdout, "");
    }
    // Several inputs: each failure on its own line, the good one converted, exit 2.
    let good = crate::util::sample("000.html");
    let (code, stdout, stderr) = run(&[
        os("convert"),
        os("-o"),
        dir.join("out").as_os_str(),
        folder.as_os_str(),
        good.as_os_str(),
        dir.join("nowhere.pdf").as_os_str(),
    ]);
    assert_eq!(code, Some(2));
    assert_eq!(stdout, "");
    assert_eq!(stderr, format!("{}{}", cases[0].1, cases[2].1));
    assert!(dir.join("out/000.json").is_file());
    // batch: a URL is refused with the same advice.
    let (code, _, stderr) = run(&[os("batch"), os("https://www.gov.cn/a.pdf")]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(
            "gongwen does not fetch: download it first, e.g. `curl -LO https://www.gov.cn/a.pdf`"
        ),
        "{stderr}"
    );
}

#[test]
fn empty_and_whitespace_only_inputs_are_the_empty_error() {
    let dir = scratch("blank");
    let files: [(&str, &[u8]); 4] = [
        ("empty.txt", b""),
        ("spaces.txt", " \n\t\r\n\u{3000}\n".as_bytes()),
        (
            "nbsp.html",
            b"<html><body><div>&nbsp;</div><p> </p></body></html>",
        ),
        (
            "image.html",
            b"<html><head><title>t</title></head><body><img src=a.png></body></html>",
        ),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, stdout, stderr) = run(&[os("convert"), path.as_os_str()]);
        assert_eq!(code, Some(2), "{name}");
        assert_eq!(stdout, "", "{name}");
        assert_eq!(
            stderr,
            format!(
                "gongwen: {}: the input is empty: no bytes, or no visible text\n",
                path.display()
            )
        );
        paths.push(path);
    }
    // In a batch each is an error record with code `empty`.
    let mut args = vec![os("batch"), os("-q")];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let (code, stdout, stderr) = run(&args);
    assert_eq!((code, stderr.as_str()), (Some(2), ""));
    let codes: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["error"]["code"].to_string())
        .collect();
    assert_eq!(codes, ["\"empty\""; 4]);
}

/// The progress bar is for terminals: a piped stderr gets nothing but real news.
#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    let pdf = crate::util::sample("000-lo.pdf");
    let (code, stdout, stderr) = run(&[os("convert"), os("--to"), os("text"), pdf.as_os_str()]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("巡察整改"));
    assert_eq!(stderr, "");
}

#[test]
fn explain_summarizes_one_file_for_a_person() {
    let page = crate::util::sample("003.html");
    let (code, stdout, stderr) = run(&[os("convert"), os("--explain"), page.as_os_str()]);
    assert_eq!(code, Some(1));
    // The doubts are on stdout already; stderr stays clean.
    assert_eq!(stderr, "");
    for line in [
        "format:    html, 14275 bytes",
        "encoding:  gb18030 (guessed from the bytes)",
        "title:     中共郑州航空港经济综合实验区工作委员会关于巡视整改情况的通报",
        "sections:  3 at level 1, 9 at level 2, 12 at level 3",
        "doubts:    no charset declared: the encoding was guessed (gb18030); check the text",
        "cleanups:  site menus and footers removed",
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "no `{line}` in\n{stdout}"
        );
    }
    let scan = scratch("explain").join("scan.pdf");
    std::fs::write(&scan, scan_pdf(2)).unwrap();
    let (_, stdout, _) = run(&[os("convert"), os("--explain"), scan.as_os_str()]);
    assert!(stdout.contains("pages:     2\n"), "{stdout}");
    assert!(
        stdout.contains("doubts:    no text layer on pages 1–2 (a scan): OCR is needed\n"),
        "{stdout}"
    );
}

#[test]
fn a_panic_caught_in_a_third_party_parser_prints_only_the_clear_error() {
    // calamine panics on this record (a fuzz finding); the sheet reader catches it, and the
    // binary's quiet panic hook keeps Rust's panic text off stderr, in convert and in batch.
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/malformed/fuzz/calamine-short-record.xls");
    assert!(file.is_file(), "missing fixture {}", file.display());
    let (code, _, err) = run(&[os("convert"), os("-o"), os("/dev/null"), file.as_os_str()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("calamine-short-record.xls") && err.contains("damaged"),
        "{err}"
    );
    assert!(!err.contains("panicked at"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line, the error: {err}");
    let (code, out, err) = run(&[os("batch"), os("-q"), file.as_os_str()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(out.contains("\"malformed\""), "{out}");
    assert!(!err.contains("panicked at"), "{err}");
}

/// An HTML page of one table of `rows` rows: its DOM takes about 35 times the page.
fn table_html(rows: usize) -> String {
    let mut page = String::from("<html><body><table>");
    for i in 0..rows {
        page.push_str(&format!(
            "<tr><td>第{i}行</td><td>某某县人民政府</td><td>{i}</td></tr>"
        ));
    }
    page.push_str("</table></body></html>");
    page
}

#[test]
fn limit_memory_fails_the_heavy_document_and_the_batch_goes_on() {
    let dir = scratch("limit-memory");
    let heavy = dir.join("table.html");
    std::fs::write(&heavy, table_html(60_000)).unwrap(); // 4 MB of page, about 140 MB of DOM
    let light = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/000.html");
    // convert: a clear error naming the flag, exit 2, and no panic text.
    let (code, _, err) = run(&[
        os("convert"),
        os("-o"),
        os("/dev/null"),
        os("--limit-memory"),
        os("16M"),
        heavy.as_os_str(),
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("table.html") && err.contains("memory") && err.contains("--limit-memory"),
        "{err}"
    );
    // Without the limit the same page converts: the limit, not the page, failed it.
    let (code, _, err) = run(&[
        os("convert"),
        os("-q"),
        os("-o"),
        os("/dev/null"),
        heavy.as_os_str(),
    ]);
    assert!(matches!(code, Some(0 | 1)), "{err}");
    // batch: the heavy input is one error record, the light one still comes out.
    let (code, out, err) = run(&[
        os("batch"),
        os("-q"),
        os("--limit-memory"),
        os("16M"),
        heavy.as_os_str(),
        light.as_os_str(),
    ]);
    assert_eq!(code, Some(2), "{err}");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{out}");
    assert_eq!(records[0]["error"]["code"], "limit_exceeded", "{out}");
    assert!(
        records[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("memory"),
        "{out}"
    );
    assert!(records[1].get("error").is_none(), "{out}");
    assert_eq!(records[1]["source"]["format"], "html", "{out}");
}
