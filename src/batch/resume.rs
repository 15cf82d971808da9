//! Resuming an interrupted batch: what an existing JSON Lines output already holds.

use std::collections::HashSet;
use std::io::{BufRead, Read, Seek, SeekFrom};

/// An input already present in the output: its path and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DoneKey {
    /// `source.path` of a document record, or `path` of an error record.
    pub path: String,
    /// The input's SHA-256, when the record has one.
    pub sha256: Option<String>,
}

/// Read the keys of every complete record in a JSON Lines output. A record counts only when its
/// line ends in a newline: a last line without one is what a run killed mid-write leaves (even
/// when it happens to parse), and [`repair_tail`] removes it before appending.
pub fn done_keys(mut reader: impl BufRead) -> HashSet<DoneKey> {
    let mut keys = HashSet::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.last() != Some(&b'\n') => break,
            Ok(_) => {}
        }
        if let Some(key) = record_key(&line) {
            keys.insert(key);
        }
    }
    keys
}

/// The key of one output line: a document record's `source`, or an error record's top level.
fn record_key(line: &[u8]) -> Option<DoneKey> {
    let value = serde_json::from_slice::<serde_json::Value>(line).ok()?;
    let (path, sha) = match value.get("source") {
        Some(source) => (source.get("path"), source.get("sha256")),
        None => (value.get("path"), value.get("sha256")),
    };
    Some(DoneKey {
        path: path?.as_str()?.to_string(),
        sha256: sha.and_then(|s| s.as_str()).map(str::to_string),
    })
}

/// Cut a file back to its last newline, so appending starts on a fresh line.
///
/// # Errors
/// I/O errors of the file.
pub fn repair_tail(file: &mut std::fs::File) -> std::io::Result<()> {
    let len = file.seek(SeekFrom::End(0))?;
    let mut pos = len;
    let mut buf = [0u8; 4096];
    while pos > 0 {
        let step = pos.min(buf.len() as u64);
        pos -= step;
        file.seek(SeekFrom::Start(pos))?;
        let chunk = &mut buf[..step as usize];
        file.read_exact(chunk)?;
        if let Some(i) = chunk.iter().rposition(|&b| b == b'\n') {
            file.set_len(pos + i as u64 + 1)?;
            file.seek(SeekFrom::End(0))?;
            return Ok(());
        }
    }
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_errors_and_ignores_a_torn_line() {
        let out = concat!(
            r#"{"schema":"gongwen/1","source":{"path":"a.html","sha256":"aa"}}"#,
            "\n",
            r#"{"path":"b.pdf","sha256":"bb","error":{"code":"malformed","message":"x"}}"#,
            "\n",
            r#"{"schema":"gongwen/1","source":{"path":"c.ht"#
        );
        let keys = done_keys(out.as_bytes());
        assert_eq!(keys.len(), 2);
        // A whole record without its newline is still a torn line: repair_tail cuts it.
        let unterminated = r#"{"path":"d.pdf","error":{"code":"io","message":"x"}}"#;
        assert!(done_keys(unterminated.as_bytes()).is_empty());
        assert!(keys.contains(&DoneKey {
            path: "a.html".into(),
            sha256: Some("aa".into())
        }));
        assert!(keys.contains(&DoneKey {
            path: "b.pdf".into(),
            sha256: Some("bb".into())
        }));
    }

    #[test]
    fn repair_cuts_the_torn_line() {
        let path =
            std::env::temp_dir().join(format!("gongwen-resume-{}.jsonl", std::process::id()));
        std::fs::write(&path, b"{\"a\":1}\n{\"b\":").unwrap();
        let mut f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        repair_tail(&mut f).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"{\"a\":1}\n");
        std::fs::remove_file(&path).unwrap();
    }
}
