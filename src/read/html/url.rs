//! Resolving a page's relative `Url` metadata (`./t20190918_693227.shtml`) against the URL the
//! page is known by (RFC 3986 §5.2, for the `http(s)` URLs sites print).

/// An `http://` or `https://` URL with a host.
pub(super) fn is_absolute(url: &str) -> bool {
    scheme_len(url).is_some()
}

/// Length of `http://host` / `https://host` at the start of `url`.
fn scheme_len(url: &str) -> Option<usize> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| lower.starts_with(s))?;
    let rest = url.get(scheme.len()..)?;
    let host = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (host > 0).then_some(scheme.len() + host)
}

/// A URL that names only a site (`http://xxgk.jl.gov.cn/`): nothing after the host but `/`.
pub(super) fn is_site_root(url: &str) -> bool {
    scheme_len(url)
        .and_then(|end| url.get(end..))
        .is_some_and(|rest| rest.is_empty() || rest == "/")
}

/// `url` made absolute against `base`; `None` when it is relative and no base is known.
pub(super) fn resolve(url: &str, base: Option<&str>) -> Option<String> {
    let url = url.trim();
    if is_absolute(url) {
        return Some(url.to_string());
    }
    let base = base?;
    let origin_end = scheme_len(base)?;
    let origin = base.get(..origin_end)?;
    if let Some(rest) = url.strip_prefix("//") {
        let scheme = origin.split("//").next().unwrap_or("http:");
        return Some(format!("{scheme}//{rest}"));
    }
    let base_path = base.get(origin_end..).unwrap_or("");
    let base_path = base_path
        .split(['?', '#'])
        .next()
        .filter(|p| !p.is_empty())
        .unwrap_or("/");
    if url.starts_with(['?', '#']) {
        return Some(format!("{origin}{base_path}{url}"));
    }
    let joined = if url.starts_with('/') {
        url.to_string()
    } else {
        let dir = base_path.rsplit_once('/').map_or("", |(d, _)| d);
        format!("{dir}/{url}")
    };
    Some(format!("{origin}{}", remove_dots(&joined)))
}

/// `/a/b/./c/../d` → `/a/b/d` (the query and fragment untouched).
fn remove_dots(path: &str) -> String {
    let (path, tail) = match path.find(['?', '#']) {
        Some(at) => (path.get(..at).unwrap_or(path), path.get(at..).unwrap_or("")),
        None => (path, ""),
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.into_iter().enumerate() {
        match seg {
            "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
        if i == last && matches!(seg, "." | "..") {
            out.push("");
        }
    }
    format!("/{}{tail}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        let base = Some("http://www.x.gov.cn/zwgk/tzgg/201909/t20190917_1.shtml?a=1");
        let cases = [
            (
                "./t20190918_693227.shtml",
                "http://www.x.gov.cn/zwgk/tzgg/201909/t20190918_693227.shtml",
            ),
            (
                "../201910/t1.shtml",
                "http://www.x.gov.cn/zwgk/tzgg/201910/t1.shtml",
            ),
            ("/a/b.html", "http://www.x.gov.cn/a/b.html"),
            ("//cdn.x.cn/a", "http://cdn.x.cn/a"),
            ("https://y.cn/z", "https://y.cn/z"),
            ("../../../../..", "http://www.x.gov.cn/"),
        ];
        for (url, want) in cases {
            assert_eq!(resolve(url, base).as_deref(), Some(want), "{url}");
        }
        assert_eq!(resolve("./t1.shtml", None), None);
        assert_eq!(resolve("./t1.shtml", Some("/relative/base")), None);
        assert_eq!(resolve("http://a.cn", None).as_deref(), Some("http://a.cn"));
        assert!(!is_absolute("http://"));
    }

    #[test]
    fn site_roots() {
        assert!(is_site_root("http://xxgk.jl.gov.cn/"));
        assert!(is_site_root("https://www.x.gov.cn"));
        assert!(!is_site_root("http://www.x.gov.cn/a.html"));
        assert!(!is_site_root("http://www.x.gov.cn/?id=3"));
        assert!(!is_site_root("./"));
    }
}
