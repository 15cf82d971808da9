//! `gongwen serve`: every endpoint and every error status, through real sockets on an
//! ephemeral loopback port (the binary is started with `--listen 127.0.0.1:0`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let addr = line
            .trim()
            .rsplit("http://")
            .next()
            .filter(|a| a.starts_with("127.0.0.1:"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        // Keep reading stderr so the server never blocks on a full pipe (panic messages).
        std::thread::spawn(move || for _ in stderr.lines() {});
        Server { child, addr }
    }

    fn get(&self, path: &str) -> Reply {
        send(&self.addr, "GET", path, &[], b"")
    }

    fn post(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        send(&self.addr, "POST", path, headers, body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    /// The stable code of an error answer.
    fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// One HTTP/1.1 request on its own connection. The body is written from a second thread so
/// that an early answer (413) is read even when the server stops reading the body.
fn send(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
    {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut request = head.into_bytes();
    request.extend_from_slice(body);
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        let _ = writer.write_all(&request);
    });
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let _ = sender.join();
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP answer: {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let mut body = raw[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    Reply { status, head, body }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 2 + size + 2..];
    }
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A multipart/form-data body with one part per (file name, bytes).
fn multipart(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "gongwen-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn health_version_page_and_metrics_answer() {
    let server = Server::start(&[]);
    let health = server.get("/healthz");
    assert_eq!(
        (health.status, health.json()["status"].clone()),
        (200, "ok".into())
    );
    let version = server.get("/v1/version");
    assert_eq!(version.json()["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(version.json()["schema"], "gongwen/1");
    let page = server.get("/");
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains("公文阅读") && html.contains("v1/convert"),
        "not the page"
    );
    // Self-contained: no script, style or font from anywhere else.
    for outside in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(outside), "the page loads {outside}");
    }
    assert!(page
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    let metrics = server.get("/metrics");
    assert_eq!(metrics.status, 200);
    let text = metrics.text();
    for name in [
        "gongwen_requests_total{endpoint=\"healthz\"} 1",
        "gongwen_in_flight_requests 1",
        "# TYPE gongwen_conversion_seconds histogram",
        "gongwen_failures_total{code=\"encrypted\"} 0",
    ] {
        assert!(text.contains(name), "missing {name} in\n{text}");
    }
    assert_eq!(server.get("/nowhere").code(), "not_found");
    assert_eq!(server.get("/v1/convert").status, 405);
}

#[test]
fn convert_answers_json_markdown_and_text() {
    let server = Server::start(&[]);
    let html = read("samples/001.html");
    let json = server.post("/v1/convert?name=001.html", &[], &html);
    assert_eq!(json.status, 200, "{}", json.text());
    assert!(json
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let doc = json.json();
    assert_eq!(doc["schema"], "gongwen/1");
    assert_eq!(doc["source"]["sha256"], sha256(&html));
    assert_eq!(doc["source"]["path"], "001.html");
    assert_eq!(doc["signature"]["date"], "2021-11-22");
    let md = server.post("/v1/convert?to=md", &[], &html);
    assert!(md
        .header("content-type")
        .unwrap()
        .starts_with("text/markdown"));
    assert!(
        md.text()
            .starts_with("# 中共广州市花都区委关于巡视整改进展情况的通报"),
        "{}",
        md.text()
    );
    let text = server.post("/v1/convert?to=text&from=html", &[], &html);
    assert!(text
        .text()
        .starts_with("中共广州市花都区委关于巡视整改进展情况的通报\n"));
    // curl's default type for --data-binary is taken as the raw file.
    let pdf = read("samples/003-stsong.pdf");
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let reply = server.post("/v1/convert", &form, &pdf);
    assert_eq!(reply.json()["source"]["format"], "pdf");
    // A charset in the Content-Type is a decoding hint for HTML.
    let gbk = b"<html><body><p>\xb9\xd8\xd3\xda\xcd\xa8\xd6\xaa</p></body></html>";
    let typed = [("Content-Type", "text/html; charset=gbk")];
    let reply = server.post("/v1/convert?to=text", &typed, gbk);
    assert!(reply.text().contains("关于通知"), "{}", reply.text());
}

#[test]
fn every_error_status_has_its_code() {
    let server = Server::start(&[]);
    let post = |path: &str, body: &[u8]| server.post(path, &[], body);
    let cases: [(&str, Reply, u16, &str); 9] = [
        ("empty body", post("/v1/convert", b""), 422, "empty"),
        (
            "zip bomb",
            post("/v1/convert", &read("tests/fixtures/malformed/bomb.docx")),
            422,
            "limit_exceeded",
        ),
        (
            "encrypted pdf",
            post(
                "/v1/convert",
                &read("tests/fixtures/malformed/encrypted-password.pdf"),
            ),
            422,
            "encrypted",
        ),
        (
            "truncated docx",
            post(
                "/v1/convert",
                &read("tests/fixtures/malformed/truncated.docx"),
            ),
            422,
            "malformed",
        ),
        (
            "unknown format",
            post("/v1/convert", &read("tests/fixtures/malformed/garbage.bin")),
            415,
            "unknown_format",
        ),
        (
            "microsoft works",
            post("/v1/convert", &read("tests/fixtures/malformed/works.wps")),
            415,
            "unsupported_format",
        ),
        (
            "to=chunks",
            post("/v1/convert?to=chunks", b"x"),
            400,
            "bad_request",
        ),
        (
            "bad to",
            post("/v1/convert?to=pdf", b"x"),
            400,
            "bad_request",
        ),
        (
            "unknown parameter",
            post("/v1/convert?path=/etc/passwd", b"x"),
            400,
            "bad_request",
        ),
    ];
    for (what, reply, status, code) in cases {
        assert_eq!(
            (reply.status, reply.code()),
            (status, code.to_string()),
            "{what}: {}",
            reply.text()
        );
        assert!(
            !reply.json()["error"]["message"]
                .as_str()
                .unwrap()
                .is_empty(),
            "{what}"
        );
    }
    let locked = read("tests/fixtures/malformed/encrypted-password.pdf");
    let wrong = server.post("/v1/convert", &[("X-Gongwen-Password", "guess")], &locked);
    assert_eq!(wrong.code(), "encrypted");
    assert!(wrong.text().contains("did not open it"), "{}", wrong.text());
    let opened = server.post(
        "/v1/convert",
        &[("X-Gongwen-Password", "secret-user")],
        &locked,
    );
    assert_eq!(
        (opened.status, opened.json()["source"]["format"].clone()),
        (200, "pdf".into())
    );
    let json_type = [("Content-Type", "application/json")];
    let reply = server.post("/v1/convert", &json_type, b"{}");
    assert_eq!(
        (reply.status, reply.code()),
        (415, "unsupported_media_type".into())
    );
    let pdf_type = [("Content-Type", "application/pdf")];
    let reply = server.post("/v1/normalize", &pdf_type, b"%PDF-");
    assert_eq!(
        (reply.status, reply.code()),
        (415, "unsupported_media_type".into())
    );
    let reply = server.post("/v1/normalize", &[], b"\xff\xfe bad utf-8");
    assert_eq!((reply.status, reply.code()), (400, "bad_request".into()));
    let metrics = server.get("/metrics").text();
    assert!(
        metrics.contains("gongwen_failures_total{code=\"encrypted\"} 2"),
        "{metrics}"
    );
    assert!(
        metrics.contains("gongwen_failures_total{code=\"bad_request\"} 4"),
        "{metrics}"
    );
    // The server is still fine after all that.
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn multipart_several_files_answer_json_lines_in_order() {
    let server = Server::start(&[]);
    let html = read("samples/001.html");
    let pdf = read("samples/003-stsong.pdf");
    let (content_type, body) = multipart(&[
        ("001.html", &html),
        ("empty.bin", b""),
        ("003-stsong.pdf", &pdf),
    ]);
    let reply = server.post("/v1/convert", &[("Content-Type", &content_type)], &body);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        reply.header("content-type").unwrap(),
        "application/x-ndjson"
    );
    let lines: Vec<Value> = reply
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["source"]["sha256"], sha256(&html));
    assert_eq!(lines[0]["source"]["path"], "001.html");
    assert_eq!(lines[1]["path"], "empty.bin");
    assert_eq!(lines[1]["error"]["code"], "empty");
    assert_eq!(lines[2]["source"]["sha256"], sha256(&pdf));
    // Markdown for several files: one {path, to, content} line each.
    let reply = server.post(
        "/v1/convert?to=md",
        &[("Content-Type", &content_type)],
        &body,
    );
    let first: Value = serde_json::from_str(reply.text().lines().next().unwrap()).unwrap();
    assert_eq!(
        (first["path"].as_str(), first["to"].as_str()),
        (Some("001.html"), Some("md"))
    );
    assert!(first["content"].as_str().unwrap().starts_with("# "));
    // One file in a form answers like a raw body, with the file name as the source path.
    let (content_type, body) = multipart(&[("one.html", &html)]);
    let reply = server.post("/v1/convert", &[("Content-Type", &content_type)], &body);
    assert_eq!(reply.json()["source"]["path"], "one.html");
}

#[test]
fn malformed_multipart_is_a_bad_request() {
    let server = Server::start(&[]);
    let truncated =
        "--xyz\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.html\"\r\n\r\nhello";
    let typed = [("Content-Type", "multipart/form-data; boundary=xyz")];
    let reply = server.post("/v1/convert", &typed, truncated.as_bytes());
    assert_eq!(
        (reply.status, reply.code()),
        (400, "bad_request".into()),
        "{}",
        reply.text()
    );
    let no_boundary = [("Content-Type", "multipart/form-data")];
    let reply = server.post("/v1/convert", &no_boundary, b"whatever");
    assert_eq!((reply.status, reply.code()), (400, "bad_request".into()));
    let empty = "--xyz--\r\n";
    let reply = server.post("/v1/convert", &typed, empty.as_bytes());
    assert_eq!((reply.status, reply.code()), (400, "bad_request".into()));
}

#[test]
fn a_body_over_the_input_limit_is_413() {
    let server = Server::start(&["--limit-input-bytes", "20000"]);
    let html = read("samples/001.html");
    assert!(html.len() > 20_000);
    // Declared too long: refused from the headers alone.
    let reply = server.post("/v1/convert", &[], &html);
    assert_eq!((reply.status, reply.code()), (413, "limit_exceeded".into()));
    // Chunked, no length declared: refused once the limit is passed.
    let mut chunked = Vec::new();
    for piece in html.chunks(4096) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let reply = send_chunked(&server.addr, &chunked);
    assert_eq!((reply.status, reply.code()), (413, "limit_exceeded".into()));
    // Under the limit still converts.
    let small = server.post("/v1/convert?to=text", &[], "通报\n\n正文".as_bytes());
    assert_eq!(small.status, 200);
}

fn send_chunked(addr: &str, chunked: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    let head = format!(
        "POST /v1/convert HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let mut request = head.into_bytes();
    request.extend_from_slice(chunked);
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        let _ = writer.write_all(&request);
    });
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let _ = sender.join();
    parse_reply(&raw)
}

#[test]
fn normalize_takes_the_cli_flags_as_parameters() {
    let server = Server::start(&[]);
    let reply = server.post(
        "/v1/normalize",
        &[("Content-Type", "text/plain; charset=utf-8")],
        "2020 年，ＡＢＣ, 测试\n".as_bytes(),
    );
    assert_eq!(
        (reply.status, reply.text()),
        (200, "2020年，ABC，测试\n".to_string())
    );
    let kept = server.post(
        "/v1/normalize?keep_fullwidth=true",
        &[],
        "ＡＢＣ".as_bytes(),
    );
    assert_eq!(kept.text(), "ＡＢＣ");
    let wrapped = server.post(
        "/v1/normalize?wrapped=true",
        &[],
        "第一行\n接着\n\n第二段".as_bytes(),
    );
    assert_eq!(wrapped.text(), "第一行接着\n\n第二段");
    let typo = server.post("/v1/normalize?keep_fulwidth=true", &[], b"x");
    assert_eq!(typo.status, 400);
}

#[test]
fn a_token_guards_the_api_but_not_health() {
    let server = Server::start(&["--token", "s3cret"]);
    assert_eq!(server.get("/healthz").status, 200);
    assert_eq!(server.get("/").status, 200);
    let denied = server.post("/v1/convert", &[], b"text");
    assert_eq!((denied.status, denied.code()), (401, "unauthorized".into()));
    assert_eq!(denied.header("www-authenticate").as_deref(), Some("Bearer"));
    assert_eq!(server.get("/metrics").status, 401);
    let wrong = server.post("/v1/convert", &[("Authorization", "Bearer s3cre")], b"text");
    assert_eq!(wrong.status, 401);
    let ok = server.post(
        "/v1/convert?to=text",
        &[("Authorization", "Bearer s3cret")],
        "通报\n\n正文".as_bytes(),
    );
    assert_eq!(ok.status, 200, "{}", ok.text());
}

#[test]
fn a_stalled_body_times_out_and_others_are_served_meanwhile() {
    let server = Server::start(&["--read-timeout", "1"]);
    let mut stalled = TcpStream::connect(&server.addr).unwrap();
    write!(
        stalled,
        "POST /v1/convert HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nhalf a bo"
    )
    .unwrap();
    // While it hangs, another client is answered.
    assert_eq!(server.get("/healthz").status, 200);
    let reply = server.post("/v1/convert?to=text", &[], "通报\n\n正文".as_bytes());
    assert_eq!(reply.status, 200);
    stalled
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut raw = Vec::new();
    let _ = stalled.read_to_end(&mut raw);
    let reply = parse_reply(&raw);
    assert_eq!(
        (reply.status, reply.code()),
        (408, "request_timeout".into())
    );
    // A client that never finishes its headers is dropped too.
    let mut silent = TcpStream::connect(&server.addr).unwrap();
    write!(silent, "GET /healthz HTTP/1.1\r\nHost:").unwrap();
    silent
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut rest = Vec::new();
    // Closed by the server (end of stream or reset), not left hanging until our read timeout.
    match silent.read_to_end(&mut rest) {
        Ok(_) => assert!(
            !String::from_utf8_lossy(&rest).contains("200 OK"),
            "{rest:?}"
        ),
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}"),
    }
}

#[test]
fn sigterm_finishes_the_request_in_flight() {
    let mut server = Server::start(&[]);
    let html = read("samples/001.html");
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    let head = format!(
        "POST /v1/convert HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        html.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&html[..1000]).unwrap();
    // Let the server take the request in before it is told to stop (ordering, not timing).
    while server
        .get("/metrics")
        .text()
        .contains("gongwen_in_flight_requests 1\n")
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = server.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    std::thread::sleep(Duration::from_millis(200));
    stream.write_all(&html[1000..]).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let reply = parse_reply(&raw);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["source"]["sha256"], sha256(&html));
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    // New connections are refused once it stopped.
    assert!(TcpStream::connect(&server.addr).is_err());
}

/// Mixed good and bad files from 32 clients, 500 requests: every request answered, every good
/// file answered with its own document (its SHA-256 in `source`), every bad one with its code.
#[test]
fn load_500_requests_from_32_clients_each_get_their_own_answer() {
    let server = Arc::new(Server::start(&["--queue", "512"]));
    let inputs: Arc<Vec<Input>> = Arc::new(load_inputs());
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let clients: Vec<_> = (0..32)
        .map(|_| {
            let (server, inputs, next) =
                (Arc::clone(&server), Arc::clone(&inputs), Arc::clone(&next));
            std::thread::spawn(move || {
                let mut answered = 0;
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= 500 {
                        return answered;
                    }
                    let (name, bytes, code) = &inputs[i % inputs.len()];
                    let reply = server.post(&format!("/v1/convert?name={name}"), &[], bytes);
                    match code {
                        None => {
                            assert_eq!(reply.status, 200, "{name}: {}", reply.text());
                            assert_eq!(reply.json()["source"]["sha256"], sha256(bytes), "{name}");
                            assert_eq!(reply.json()["source"]["path"], name.as_str());
                        }
                        Some(code) => assert_eq!(reply.code(), *code, "{name}"),
                    }
                    answered += 1;
                }
            })
        })
        .collect();
    let answered: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    assert_eq!(answered, 500);
    let metrics = server.get("/metrics").text();
    assert!(
        metrics.contains("gongwen_requests_total{endpoint=\"convert\"} 500"),
        "{metrics}"
    );
}

/// A file name, its bytes, and the error code it must get (`None`: it must convert).
type Input = (String, Vec<u8>, Option<&'static str>);

/// Small good files (HTML, DOCX, OFD, one PDF) and bad ones, with the code each bad one gets.
fn load_inputs() -> Vec<Input> {
    let good = [
        "samples/000.html",
        "samples/001.html",
        "samples/002.html",
        "samples/003.html",
        "samples/003.docx",
        "samples/000.ofd",
        "samples/003-stsong.pdf",
    ];
    let bad = [
        ("tests/fixtures/malformed/empty.bin", "empty"),
        ("tests/fixtures/malformed/bomb.docx", "limit_exceeded"),
        (
            "tests/fixtures/malformed/encrypted-password.pdf",
            "encrypted",
        ),
        ("tests/fixtures/malformed/garbage.bin", "unknown_format"),
    ];
    let mut out: Vec<_> = good.iter().map(|p| (name_of(p), read(p), None)).collect();
    out.extend(
        bad.iter()
            .map(|(p, code)| (name_of(p), read(p), Some(*code))),
    );
    out
}

fn name_of(path: &str) -> String {
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// 504 and 503 from the real server: a deadline far below any conversion, one worker, no
/// queue. The timed-out conversion keeps its worker until it ends, so the request right after
/// it finds the pool full.
#[test]
fn past_the_deadline_is_504_and_a_full_pool_is_503() {
    let server = Server::start(&["-j", "1", "--queue", "0", "--timeout", "0.000001"]);
    let pdf = read("samples/001-lo.pdf");
    let late = server.post("/v1/convert", &[], &pdf);
    assert_eq!(
        (late.status, late.code()),
        (504, "timeout".into()),
        "{}",
        late.text()
    );
    let refused = server.post("/v1/convert", &[], &pdf);
    assert_eq!(
        (refused.status, refused.code()),
        (503, "queue_full".into()),
        "{}",
        refused.text()
    );
    // Health does not need a worker.
    assert_eq!(server.get("/healthz").status, 200);
    let metrics = server.get("/metrics").text();
    assert!(
        metrics.contains("gongwen_failures_total{code=\"queue_full\"} 1"),
        "{metrics}"
    );
}
