//! HTML reader: decode, parse, find the main content, drop site chrome, and hand over the body
//! as paragraph and table blocks plus the page's metadata.
//!
//! Steps:
//! 1. **Encoding** ([`charset::decode_html`](crate::read::charset)): BOM, HTTP charset, `<meta>`
//!    prescan, valid UTF-8, statistical guess; a declaration the bytes contradict is overruled.
//! 2. **DOM** (scraper/html5ever), flattened into a small arena ([`dom`]) by an explicit-stack
//!    walk that drops scripts, styles, navigation, form controls, iframes and hidden elements,
//!    and stops nesting at `Limits::html_depth` (deeper elements are flattened into their
//!    ancestor, never recursed into).
//! 3. **Lines** ([`content`]): inline text between block boundaries (`<p>`, `<br>`, `<div>`,
//!    `<li>`, `<h1-6>`, table cells …); data tables become one table line; the 政府信息公开
//!    table and `label：value` lines become metadata.
//! 4. **Main content**: the element with the best text-density score (sentence punctuation
//!    minus link text and chrome), chosen by content, not by one site's class names.
//! 5. **Metadata**: `<meta name=…>` tags and `<title>` go to [`Meta`]; labelled fields become
//!    `meta_field` blocks for the parser's metadata pass.
//!
//! # Errors
//! Only [`Error::LimitExceeded`] for input over `Limits::input_bytes`; everything else (bad
//! bytes, no content, absurd nesting) is a warning.

use crate::error::{Error, Limit, Result};
use crate::model::{Code, Diagnostic, Format, Meta, MetaField};
use crate::options::ReadOptions;
use crate::read::{charset, Extracted};

mod chrome;
mod content;
mod depth;
mod dom;
pub(crate) mod labels;

/// Read an HTML page.
///
/// # Errors
/// [`Error::LimitExceeded`] when the input is over `opts.limits.input_bytes`.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    if bytes.len() as u64 > opts.limits.input_bytes {
        return Err(Error::limit(Limit::InputBytes, opts.limits.input_bytes));
    }
    let mut out = Extracted::new(Format::Html);
    let (decoded, overruled) = charset::decode_html(bytes, opts.http_charset.as_deref());
    encoding_warnings(&decoded.info, overruled, &mut out.warnings);
    let flattened = depth::flatten(&decoded.text, opts.limits.html_depth);
    let text = flattened.as_deref().unwrap_or(&decoded.text);
    let dom = dom::Dom::parse(text, opts.limits.html_depth);
    if dom.depth_limited || flattened.is_some() {
        out.warnings.push(Diagnostic::new(
            Code::LimitReached,
            format!(
                "elements nested deeper than {} levels were flattened into their ancestor",
                opts.limits.html_depth
            ),
        ));
    }
    out.meta = page_meta(&dom);
    let body = content::extract(&dom);
    out.blocks = body.blocks;
    out.warnings.extend(body.warnings);
    out.set_encoding(decoded.info);
    Ok(out)
}

fn encoding_warnings(
    info: &crate::model::EncodingInfo,
    overruled: bool,
    warnings: &mut Vec<Diagnostic>,
) {
    use crate::model::EncodingEvidence;
    if overruled {
        warnings.push(Diagnostic::new(
            Code::CharsetOverruled,
            format!(
                "the page declares {} but its bytes are {}; decoded as {}",
                info.declared.as_deref().unwrap_or("?"),
                info.name,
                info.name
            ),
        ));
    } else if info.evidence == EncodingEvidence::Guessed {
        warnings.push(Diagnostic::new(
            Code::CharsetGuessed,
            format!("no usable charset declaration; decoded as {}", info.name),
        ));
    }
    if info.replaced > 0 {
        warnings.push(Diagnostic::new(
            Code::UndecodableBytes,
            format!(
                "{} malformed byte sequences replaced by U+FFFD",
                info.replaced
            ),
        ));
    }
}

/// `<meta name=…>` tags (the 政府网站发展指引 set and common aliases) and `<title>`.
fn page_meta(dom: &dom::Dom) -> Meta {
    let mut meta = Meta::default();
    let mut title_tag = None;
    for (name, content) in &dom.metas {
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        let slot = |s: &mut Option<String>| {
            if s.is_none() {
                *s = Some(content.to_string());
            }
        };
        match name.to_ascii_lowercase().as_str() {
            "articletitle" => slot(&mut meta.title),
            "sitename" => slot(&mut meta.site_name),
            "columnname" => slot(&mut meta.column),
            "pubdate" | "publishdate" => {
                if meta.published_date.is_none() {
                    meta.published_date = labels::iso_date(content);
                }
            }
            "contentsource" | "source" => {
                let value = content
                    .strip_prefix("来源：")
                    .or_else(|| content.strip_prefix("来源:"))
                    .unwrap_or(content)
                    .trim();
                if meta.source_site.is_none() && !value.is_empty() {
                    meta.source_site = Some(value.to_string());
                }
            }
            "keywords" => {
                if meta.keywords.is_empty() {
                    meta.keywords = split_terms(content);
                }
            }
            "author" => slot(&mut meta.author),
            "description" => slot(&mut meta.description),
            "url" => slot(&mut meta.url),
            "og:title" => {
                if title_tag.is_none() {
                    title_tag = Some(content.to_string());
                }
            }
            n if IGNORED_META.contains(&n) => {}
            _ => meta.extra.push(MetaField {
                key: name.clone(),
                value: content.to_string(),
            }),
        }
    }
    if meta.title.is_none() {
        meta.title = dom
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .or(title_tag);
    }
    meta
}

/// Technical `<meta>` names that say nothing about the document.
const IGNORED_META: &[&str] = &[
    "viewport",
    "robots",
    "renderer",
    "format-detection",
    "referrer",
    "generator",
    "apple-mobile-web-app-capable",
    "apple-mobile-web-app-status-bar-style",
    "msapplication-tap-highlight",
    "theme-color",
    "google-site-verification",
    "baidu-site-verification",
    "template,templategroup,version",
];

/// Split a keyword list on the separators Chinese sites use.
pub(crate) fn split_terms(s: &str) -> Vec<String> {
    s.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '，' | ';' | '；' | '、' | '|' | '\u{3000}')
    })
    .map(str::trim)
    .filter(|t| !t.is_empty())
    .map(str::to_string)
    .collect()
}
