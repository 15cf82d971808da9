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
