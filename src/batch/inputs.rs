//! Expanding command-line inputs: files, directories (recursive, optional glob), `@list.txt`.

use std::path::{Path, PathBuf};

/// Why the inputs could not be listed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// A path does not exist or cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The glob pattern is invalid.
    #[error("invalid glob pattern: {0}")]
    Glob(String),
    /// The shard specification is invalid.
    #[error("invalid shard {0}: expected K/N with 0 <= K < N, e.g. 0/4")]
    Shard(String),
}

/// Expand `args` into input paths, in a stable order: arguments in the order given, each
/// directory's files sorted by path. `@file` reads one path per line (blank lines and `#`
/// comments skipped). `glob` filters files found in directories (matched against the file name
/// and the path relative to the directory); files named explicitly are always kept.
///
/// # Errors
/// A missing argument path, an unreadable directory or list, an invalid glob.
pub fn collect_paths(args: &[String], glob: Option<&str>) -> Result<Vec<PathBuf>, InputError> {
    let matcher = match glob {
        Some(g) => Some(
            globset::Glob::new(g)
                .map_err(|e| InputError::Glob(e.to_string()))?
                .compile_matcher(),
        ),
        None => None,
    };
    let mut out = Vec::new();
    for arg in args {
        if let Some(list) = arg.strip_prefix('@') {
            let text = std::fs::read_to_string(list).map_err(|source| InputError::Io {
                path: list.into(),
                source,
            })?;
            let lines = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'));
            out.extend(lines.map(PathBuf::from));
            continue;
        }
        let path = PathBuf::from(arg);
        let meta = std::fs::metadata(&path).map_err(|source| InputError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(&path, matcher.as_ref(), &mut out)?;
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

/// Walk a directory with an explicit stack (no recursion on attacker-controlled depth), not
/// following symlinked directories (no cycles). Every other entry is an input, regular file or
/// not (a FIFO or a socket gets an error record naming it). Hidden entries (`.git/`, `.DS_Store`, editor
/// swap files) are skipped: they are never documents, and a crawl kept under version control
/// would otherwise feed every git object to the readers.
fn walk(
    root: &Path,
    matcher: Option<&globset::GlobMatcher>,
    out: &mut Vec<PathBuf>,
) -> Result<(), InputError> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|source| InputError::Io {
            path: dir.clone(),
            source,
        })?;
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // An entry whose type cannot be read, a FIFO, a socket, a device or a dangling
            // symlink is kept as an input like a file: its record then says what it is
            // ("not a regular file but a FIFO", "cannot read"), where skipping it would lose
            // it without a word. Only symlinked directories are left out (no cycles).
            let kind = entry.file_type().ok();
            if kind.is_some_and(|k| k.is_dir()) {
                stack.push(path);
            } else if !kind.is_some_and(|k| k.is_symlink() && path.is_dir()) {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                let keep = matcher.is_none_or(|m| {
                    m.is_match(rel) || path.file_name().is_some_and(|n| m.is_match(Path::new(n)))
                });
                if keep {
                    found.push(path);
                }
            }
        }
    }
    found.sort();
    out.extend(found);
    Ok(())
}

/// Parse `K/N` and keep every input whose position `i` satisfies `i % N == K`.
///
/// # Errors
/// A malformed specification.
pub fn shard<T>(items: Vec<T>, spec: &str) -> Result<Vec<T>, InputError> {
    let bad = || InputError::Shard(spec.to_string());
    let (k, n) = spec.split_once('/').ok_or_else(bad)?;
    let k: usize = k.trim().parse().map_err(|_| bad())?;
    let n: usize = n.trim().parse().map_err(|_| bad())?;
    if n == 0 || k >= n {
        return Err(bad());
    }
    Ok(items
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k)
        .map(|(_, t)| t)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_inputs() {
        let all: Vec<u32> = (0..10).collect();
        let mut seen: Vec<u32> = (0..3)
            .flat_map(|k| shard(all.clone(), &format!("{k}/3")).unwrap())
            .collect();
        seen.sort();
        assert_eq!(seen, all);
        assert!(shard(all.clone(), "3/3").is_err());
        assert!(shard(all, "x").is_err());
    }

    #[test]
    fn walks_sorted_with_glob_and_lists() {
        let dir = std::env::temp_dir().join(format!("gongwen-inputs-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::create_dir_all(dir.join(".git/objects")).unwrap();
        for f in [
            "b.html",
            "a.pdf",
            "sub/c.html",
            ".DS_Store",
            ".git/objects/x.html",
        ] {
            std::fs::write(dir.join(f), b"x").unwrap();
        }
        let d = dir.display().to_string();
        let all = collect_paths(std::slice::from_ref(&d), None).unwrap();
        assert_eq!(all.len(), 3);
        assert!(all.windows(2).all(|w| w[0] <= w[1]));
        let html = collect_paths(std::slice::from_ref(&d), Some("*.html")).unwrap();
        assert_eq!(html.len(), 2);
        let list = dir.join("list.txt");
        std::fs::write(
            &list,
            format!("# inputs\n{}\n\n", dir.join("a.pdf").display()),
        )
        .unwrap();
        let listed = collect_paths(&[format!("@{}", list.display())], None).unwrap();
        assert_eq!(listed, vec![dir.join("a.pdf")]);
        assert!(collect_paths(&[dir.join("missing").display().to_string()], None).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
