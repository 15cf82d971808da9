//! WARC crawl archives (`.warc`, `.warc.gz`) as a stream of jobs, one per HTTP response.
//!
//! Records are read one at a time (memory is bounded by the largest record, itself capped), the
//! record's `WARC-Target-URI` becomes `meta.url` and the HTTP `Content-Type` charset joins the
//! HTML reader's encoding evidence. Request, metadata and non-2xx response records are skipped.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::{Job, Source};

/// Why a WARC file could not be read further.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WarcError {
    /// The file is not WARC or a record is damaged.
    #[error("malformed WARC: {0}")]
    Malformed(String),
    /// A record is larger than the cap.
    #[error("WARC record over {0} bytes")]
    TooLarge(u64),
    /// Reading failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

/// Jobs for every HTTP response in the WARC file at `path` (gzip members are detected by magic).
/// A damaged file yields the records before the damage and then one failed job.
pub fn warc_jobs(path: &Path, max_record: u64) -> Box<dyn Iterator<Item = Job> + Send> {
    let name = path.display().to_string();
    match std::fs::File::open(path) {
        Ok(file) => warc_jobs_from(file, name, max_record),
        Err(e) => Box::new(std::iter::once(failed_job(&name, "io", &e.to_string()))),
    }
}

/// [`warc_jobs`] over any byte stream; `name` prefixes the jobs' names (`name#3`).
pub fn warc_jobs_from(
    input: impl Read + Send + 'static,
    name: String,
    max_record: u64,
) -> Box<dyn Iterator<Item = Job> + Send> {
    let mut buffered = BufReader::new(input);
    let gz = buffered
        .fill_buf()
        .map(|b| b.starts_with(&[0x1f, 0x8b]))
        .unwrap_or(false);
    let reader: Box<dyn BufRead + Send> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    };
    Box::new(Records {
        reader,
        name,
        index: 0,
        max_record,
        done: false,
    })
}

struct Records {
    reader: Box<dyn BufRead + Send>,
    name: String,
    index: u64,
    max_record: u64,
    done: bool,
}

impl Iterator for Records {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        while !self.done {
            match self.next_record() {
                Ok(Some(Some(job))) => return Some(job),
                Ok(Some(None)) => continue,
                Ok(None) => self.done = true,
                Err(e) => {
                    self.done = true;
                    let code = if matches!(e, WarcError::TooLarge(_)) {
                        "limit_exceeded"
                    } else {
                        "malformed"
                    };
                    return Some(failed_job(
                        &format!("{}#{}", self.name, self.index),
                        code,
                        &e.to_string(),
                    ));
                }
            }
        }
        None
    }
}

impl Records {
    /// `Ok(None)` at the end, `Ok(Some(None))` for a record that is not a document.
    fn next_record(&mut self) -> Result<Option<Option<Job>>, WarcError> {
        let Some(headers) = self.read_headers()? else {
            return Ok(None);
        };
        self.index += 1;
        let length: u64 = header(&headers, "content-length")
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| {
                WarcError::Malformed(format!("record {} has no Content-Length", self.index))
            })?;
        if length > self.max_record {
            return Err(WarcError::TooLarge(self.max_record));
        }
        let mut block = Vec::with_capacity(length.min(1 << 24) as usize);
        (&mut self.reader).take(length).read_to_end(&mut block)?;
        if (block.len() as u64) < length {
            return Err(WarcError::Malformed(format!(
                "record {} is truncated",
                self.index
            )));
        }
        let is_response = header(&headers, "warc-type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("response"));
        if !is_response {
            return Ok(Some(None));
        }
        let url = header(&headers, "warc-target-uri")
            .map(|u| u.trim().trim_matches(['<', '>']).to_string());
        Ok(Some(http_job(&block).map(|(body, charset)| Job {
            name: format!("{}#{}", self.name, self.index),
            source: Source::Bytes(body),
            url,
            http_charset: charset,
        })))
    }

    /// Read the version line and headers of the next record; `None` at a clean end of file.
    fn read_headers(&mut self) -> Result<Option<Vec<(String, String)>>, WarcError> {
        let mut line = String::new();
        loop {
            line.clear();
            if read_line_capped(&mut self.reader, &mut line)? == 0 {
                return Ok(None);
            }
            if !line.trim().is_empty() {
                break;
            }
        }
        if !line.starts_with("WARC/") {
            return Err(WarcError::Malformed(format!(
                "expected a WARC/ version line, found {:?}",
                truncate(&line)
            )));
        }
        let mut headers = Vec::new();
        loop {
            line.clear();
            if read_line_capped(&mut self.reader, &mut line)? == 0 || line.trim().is_empty() {
                return Ok(Some(headers));
            }
            if headers.len() > 1000 {
                return Err(WarcError::Malformed("too many header lines".into()));
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
    }
}

/// A header line longer than 64 KiB is damage, not data.
fn read_line_capped(reader: &mut dyn BufRead, line: &mut String) -> Result<usize, WarcError> {
    let mut raw = Vec::new();
    let n = reader.take(64 * 1024).read_until(b'\n', &mut raw)?;
    line.push_str(&String::from_utf8_lossy(&raw));
    Ok(n)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Split an HTTP response into its body and the charset of its `Content-Type`; `None` for a
/// non-2xx status.
fn http_job(block: &[u8]) -> Option<(Vec<u8>, Option<String>)> {
    let split = crate::read::find(block, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| crate::read::find(block, b"\n\n").map(|i| (i, 2)))?;
    let head = String::from_utf8_lossy(block.get(..split.0)?);
    let body = block.get(split.0 + split.1..)?;
    let mut lines = head.lines();
    let status = lines
        .next()?
        .split_whitespace()
        .nth(1)?
        .parse::<u16>()
        .ok()?;
    if !(200..300).contains(&status) {
        return None;
    }
    let fields: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let charset = header(&fields, "content-type").and_then(|ct| {
        ct.split(';').find_map(|p| {
            p.trim()
                .strip_prefix("charset=")
                .map(|c| c.trim_matches('"').to_string())
        })
    });
    let mut body = body.to_vec();
    if header(&fields, "transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).unwrap_or(body);
    }
    if header(&fields, "content-encoding").is_some_and(|t| t.eq_ignore_ascii_case("gzip")) {
        let mut out = Vec::new();
        // A gzip body larger than 256 MiB inflated is a bomb; keep what fits.
        if flate2::read::GzDecoder::new(&body[..])
            .take(256 << 20)
            .read_to_end(&mut out)
            .is_ok()
        {
            body = out;
        }
    }
    Some((body, charset))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = crate::read::find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(data.get(..line_end)?).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = data.get(line_end + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..).unwrap_or_default();
    }
}

fn failed_job(name: &str, code: &str, message: &str) -> Job {
    Job {
        name: name.to_string(),
        source: Source::Failed {
            code: code.to_string(),
            message: message.to_string(),
        },
        url: None,
        http_charset: None,
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn reads_responses_with_url_and_charset() {
        let html = "<html><body><p>通报</p></body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(html);
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\n\r\n".to_vec();
        http.extend_from_slice(&gbk);
        let mut warc = record("request", "http://a.gov.cn/1", b"GET / HTTP/1.1\r\n\r\n");
        warc.extend(record("response", "http://a.gov.cn/1", &http));
        warc.extend(record(
            "response",
            "http://a.gov.cn/404",
            b"HTTP/1.1 404 Not Found\r\n\r\nno",
        ));
        let path = std::env::temp_dir().join(format!("gongwen-{}.warc", std::process::id()));
        std::fs::write(&path, &warc).unwrap();
        let jobs: Vec<Job> = warc_jobs(&path, 1 << 20).collect();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].url.as_deref(), Some("http://a.gov.cn/1"));
        assert_eq!(jobs[0].http_charset.as_deref(), Some("GBK"));
        assert!(matches!(&jobs[0].source, Source::Bytes(b) if b == &gbk.to_vec()));
    }

    #[test]
    fn damage_becomes_one_failed_job() {
        let path = std::env::temp_dir().join(format!("gongwen-bad-{}.warc", std::process::id()));
        std::fs::write(&path, b"not a warc file at all").unwrap();
        let jobs: Vec<Job> = warc_jobs(&path, 1 << 20).collect();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(jobs.len(), 1);
        assert!(matches!(&jobs[0].source, Source::Failed { code, .. } if code == "malformed"));
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
    }
}
