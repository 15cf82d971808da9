//! HTML reader: decode, parse, find the main content, drop site chrome, and hand over the body
//! as paragraph and table blocks plus the page's metadata.
//!
//! Steps:
//! 1. **Encoding** (`charset::decode_html`): BOM, HTTP charset, `<meta>`
//!    prescan, valid UTF-8, statistical guess; a declaration the bytes contradict is overruled.
//! 2. **DOM**: a linear pre-pass (`depth`) drops tags nested deeper than
//!    `Limits::html_depth` (html5ever's scope checks are quadratic in nesting depth); then
//!    scraper/html5ever parses, and an explicit-stack walk copies the tree into a small arena
//!    (`dom`), dropping scripts, styles, navigation, form controls, iframes and hidden
//!    elements. No walk recurses on the page's depth.
//! 3. **Lines** (`content`): inline text between block boundaries (`<p>`, `<br>`, `<div>`,
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
use crate::vocab::date::iso_date;
use crate::vocab::labels::split_terms;

mod content;
mod depth;
mod dom;
mod page_title;
mod url;

/// Read an HTML page.
///
/// # Errors
/// [`Error::LimitExceeded`] when the input is over `opts.limits.input_bytes` or
/// `opts.limits.html_bytes`.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    if bytes.len() as u64 > opts.limits.input_bytes {
        return Err(Error::limit(Limit::InputBytes, opts.limits.input_bytes));
    }
    // The DOM costs about 35 bytes per byte of page (a 200 MB table peaked at 7 GB): the page
    // size is the one bound on it.
    if bytes.len() as u64 > opts.limits.html_bytes {
        return Err(Error::limit(Limit::HtmlBytes, opts.limits.html_bytes));
    }
    let mut out = Extracted::new(Format::Html);
    let (decoded, overruled) = charset::decode_html(bytes, opts.http_charset.as_deref());
    encoding_warnings(&decoded.info, overruled, &mut out.warnings);
    let flattened = depth::flatten(&decoded.text, opts.limits.html_depth);
    let text = flattened.as_deref().unwrap_or(&decoded.text);
    let dom = dom::Dom::parse(text, opts.limits.html_depth)?;
    if dom.depth_limited || flattened.is_some() {
        out.warnings.push(Diagnostic::new(
            Code::LimitReached,
            format!(
                "elements nested deeper than {} levels were flattened into their ancestor",
                opts.limits.html_depth
            ),
        ));
    }
    out.meta = page_meta(&dom, opts.page_url.as_deref());
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

/// `<meta name=…>` tags (the 政府网站发展指引 set and common aliases) and `<title>`. A tag
/// repeated (same name) gives one `extra` entry, the first. A relative `Url` is resolved
/// against the page's `<base>`, its canonical link or `page_url`, and left out when none is
/// known, as is a `Url` naming only the site.
fn page_meta(dom: &dom::Dom, page_url: Option<&str>) -> Meta {
    let mut meta = Meta::default();
    let mut title_tag = None;
    for (name, content) in &dom.metas {
        let content = strip_tags(content);
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
            "pubdate"
            | "publishdate"
            | "firstpublishedtime"
            | "article:published_time"
            | "og:published_time"
            | "og:release_date" => {
                if meta.published_date.is_none() {
                    meta.published_date = iso_date(content);
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
            _ if meta.extra.iter().any(|f| f.key == *name) => {}
            _ => meta.extra.push(MetaField {
                key: name.clone(),
                value: content.to_string(),
            }),
        }
    }
    let base = [dom.base.as_deref(), dom.canonical.as_deref(), page_url]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|u| url::is_absolute(u));
    // A `Url` naming only the site (吉林省政府信息公开专栏 writes `http://xxgk.jl.gov.cn/` on
    // every page) is not the page's address.
    meta.url = meta
        .url
        .take()
        .and_then(|u| url::resolve(&u, base))
        .filter(|u| !url::is_site_root(u));
    if meta.title.is_none() {
        let page_title = dom
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .or(title_tag);
        if let Some(raw) = page_title {
            let split = page_title::split(&raw, || dom.heading_texts());
            meta.title = Some(split.title);
            meta.column = meta.column.take().or(split.column);
            meta.site_name = meta.site_name.take().or(split.site);
        }
    }
    meta
}

/// A `<meta>` value with markup pasted into it by the site's templates (巴彦淖尔市人民政府's
/// `ArticleTitle` reads `…力量<div>——热烈祝贺…开幕</div>`): the tags go, their text stays. Only
/// `<` followed by a letter or `/` and closed by `>` is a tag; any other `<` is text.
fn strip_tags(value: &str) -> std::borrow::Cow<'_, str> {
    if !value.contains('<') {
        return std::borrow::Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('<') {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let after = from.get(1..).unwrap_or_default();
        let opens_tag = after
            .trim_start_matches('/')
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic());
        match after.find('>') {
            Some(end) if opens_tag => rest = after.get(end + 1..).unwrap_or_default(),
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Align, BlockKind};

    fn read_str(html: &str) -> Extracted {
        read(html.as_bytes(), &ReadOptions::default()).unwrap()
    }

    fn texts(ex: &Extracted) -> Vec<String> {
        ex.blocks
            .iter()
            .filter(|b| b.kind != BlockKind::MetaField)
            .map(|b| b.text.clone())
            .collect()
    }

    #[test]
    fn paragraph_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            (
                "<p>一，甲。</p><p>二，乙。<br>三，丙。</p>",
                &["一，甲。", "二，乙。", "三，丙。"],
            ),
            (
                "<div>一，甲。<div>二，乙。</div>三，丙。</div>",
                &["一，甲。", "二，乙。", "三，丙。"],
            ),
            (
                "<ul><li>一，甲。</li><li>二，乙。</li></ul>",
                &["一，甲。", "二，乙。"],
            ),
            (
                "<h2>标题</h2><p>正文，内容。</p>",
                &["标题", "正文，内容。"],
            ),
            ("<p>正<span>文</span><b>，</b>内容。</p>", &["正文，内容。"]),
            ("<p>a\n  b，c。</p>", &["a b，c。"]),
            // NBSP indentation is left for the normalizer; a paragraph of NBSP is no paragraph.
            (
                "<p>&nbsp;&nbsp;正文，内容。&nbsp;</p><p>&nbsp;</p>",
                &["\u{a0}\u{a0}正文，内容。"],
            ),
            (
                "<p>\u{3000}\u{3000}正文，内容。</p>",
                &["\u{3000}\u{3000}正文，内容。"],
            ),
        ];
        for (html, want) in cases {
            assert_eq!(texts(&read_str(html)), *want, "{html}");
        }
    }

    #[test]
    fn non_content_is_dropped() {
        let html = "<html><head><style>p{x:1}</style><script>var a='不要';</script></head><body>\
            <nav>导航菜单</nav><form><input value='输入'><select><option>选项</option></select></form>\
            <iframe src='x'>框架</iframe><div style='display: none'>隐藏，文字。</div>\
            <noscript>无脚本</noscript><p>正文，内容。</p></body></html>";
        assert_eq!(texts(&read_str(html)), ["正文，内容。"]);
    }

    #[test]
    fn hints_from_tags_and_styles() {
        let ex = read_str(
            "<h3>一、标题</h3><p align=center>居中</p><p style='text-indent:2em; TEXT-ALIGN : right'>右，对齐。</p>\
             <div align=right><p>署名</p></div><p>正文，内容。</p>",
        );
        let hints: Vec<(Option<u8>, Option<Align>)> = ex
            .blocks
            .iter()
            .map(|b| (b.hints.heading_level, b.hints.align))
            .collect();
        assert_eq!(
            hints,
            [
                (Some(3), None),
                (None, Some(Align::Center)),
                (None, Some(Align::Right)),
                (None, Some(Align::Right)),
                (None, None),
            ]
        );
        let indices: Vec<u32> = ex.blocks.iter().map(|b| b.origin.index).collect();
        assert_eq!(indices, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn data_table_with_spans() {
        let ex = read_str(
            "<p>正文，内容。</p><table border=1><tr><th>指标</th><th colspan=2>说明</th></tr>\
             <tr><td rowspan=2>甲</td><td>一</td><td><p>二</p><p>三</p></td></tr><tr><td>四</td><td>五</td></tr></table>",
        );
        let table_block = ex
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Table)
            .unwrap();
        let table = table_block.table.as_ref().unwrap();
        let cells = crate::testutil::table_shape(table);
        assert_eq!(
            cells,
            [
                vec![("指标", 1, 1), ("说明", 2, 1)],
                vec![("甲", 1, 2), ("一", 1, 1), ("二\n三", 1, 1)],
                vec![("四", 1, 1), ("五", 1, 1)],
            ]
        );
        assert_eq!(table_block.text, "指标\t说明\n甲\t一\t二\n三\n四\t五");
    }

    #[test]
    fn a_data_table_with_label_words_in_its_header_is_data() {
        let ex = read_str(
            "<p>正文，内容。</p><table><tr><td>序号</td><td>名称</td><td>文号</td><td>日期</td></tr>\
             <tr><td>1</td><td>通知</td><td>国发〔2019〕4号</td><td>2019-01-24</td></tr></table>",
        );
        assert!(ex.blocks.iter().any(|b| b.kind == BlockKind::Table));
        assert!(ex.blocks.iter().all(|b| b.kind != BlockKind::MetaField));
    }

    #[test]
    fn layout_tables_are_not_tables() {
        let ex = read_str(
            "<table><tr><td><table><tr><td>正文，内容。</td></tr><tr><td>二，乙。</td></tr></table></td><td>旁栏，文字。</td></tr></table>\
             <table><tr><td>单列，表格。</td></tr><tr><td>第二行，内容。</td></tr></table>",
        );
        assert!(ex.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
        assert_eq!(ex.blocks.len(), 5);
    }

    #[test]
    fn disclosure_table_becomes_meta_fields() {
        let ex = read_str(
            "<table><tr><td><b>索 引 号：</b></td><td>000014349/2019-00005</td><td>主题分类：</td><td>教育</td></tr>\
             <tr><td>标　　题：</td><td colspan=3>国务院关于印发方案的通知</td></tr>\
             <tr><td>有 效 性：</td><td>有效</td></tr></table><p>正文，内容。</p>",
        );
        let fields: Vec<(&str, &str)> = ex
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::MetaField)
            .map(|b| (b.key.as_deref().unwrap(), b.text.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("索引号", "000014349/2019-00005"),
                ("主题分类", "教育"),
                ("标题", "国务院关于印发方案的通知"),
                ("有效性", "有效"),
            ]
        );
        assert_eq!(texts(&ex), ["正文，内容。"]);
    }

    #[test]
    fn main_content_by_density_with_title_and_no_chrome() {
        let html = "<body><div class=top><a href=/>首页</a> <a href=/a>要闻动态</a> <a href=/b>信息公开目录</a></div>\
            <div class=crumb>当前位置：<a href=/>首页</a> &gt; <a href=/x>通知公告</a></div>\
            <div class=box><div class=art><h1>关于某事的通报</h1><div class=info>来源：某某网　日期：2024-09-10 11:05　浏览次数：12</div>\
            <div class=body><p>第一段，正文内容，有标点。</p><p>第二段，正文内容，有标点。</p></div>\
            <div class=tool>【打印】【关闭】</div></div>\
            <div class=side><h3>相关链接</h3><ul><li><a href=/1>某市人民政府门户网站首页</a></li><li><a href=/2>某省人民政府门户网站首页</a></li></ul></div></div>\
            <div class=foot>主办单位：某某办公室　网站标识码：1234567890</div></body>";
        let ex = read_str(html);
        assert_eq!(
            texts(&ex),
            [
                "关于某事的通报",
                "第一段，正文内容，有标点。",
                "第二段，正文内容，有标点。"
            ]
        );
        let fields: Vec<(&str, &str)> = ex
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::MetaField)
            .map(|b| (b.key.as_deref().unwrap(), b.text.as_str()))
            .collect();
        assert_eq!(fields, [("来源", "某某网"), ("日期", "2024-09-10 11:05")]);
        assert!(ex.warnings.iter().any(|w| w.code == Code::ChromeRemoved));
    }

    #[test]
    fn markup_inside_a_meta_value_is_dropped() {
        assert_eq!(strip_tags("力量<div>——开幕</div>"), "力量——开幕");
        assert_eq!(strip_tags("a < b <3 <"), "a < b <3 <");
        assert_eq!(strip_tags("<br/>标题<b"), "标题<b");
        let ex = read_str(
            "<meta name=ArticleTitle content=\"凝聚力量<div>——热烈祝贺开幕</div>\"><p>正文，内容。</p>",
        );
        assert_eq!(ex.meta.title.as_deref(), Some("凝聚力量——热烈祝贺开幕"));
    }

    #[test]
    fn meta_tags_and_title() {
        let ex = read_str(
            "<html><head><title> 页面标题 _ 网站 </title><meta name=viewport content='width=device-width'>\
             <meta name='SiteName' content='某市人民政府'><meta name='SiteDomain' content='www.x.gov.cn'>\
             <meta name='ColumnName' content='通知公告'><meta name='PubDate' content='2023-07-14 09:30'>\
             <meta name='ContentSource' content='某某局'><meta name='Keywords' content='巡察,整改；通报'>\
             <meta name='Author' content='张三'><meta name='Description' content='摘要'>\
             <meta name='Url' content='http://www.x.gov.cn/a.html'><meta http-equiv='Content-Type' content='text/html; charset=utf-8'>\
             </head><body><p>正文，内容。</p></body></html>",
        );
        let m = &ex.meta;
        // The site suffix is split off; the SiteName tag wins over the suffix.
        assert_eq!(m.title.as_deref(), Some("页面标题"));
        assert_eq!(m.site_name.as_deref(), Some("某市人民政府"));
        assert_eq!(m.column.as_deref(), Some("通知公告"));
        assert_eq!(m.published_date.as_deref(), Some("2023-07-14"));
        assert_eq!(m.source_site.as_deref(), Some("某某局"));
        assert_eq!(m.keywords, ["巡察", "整改", "通报"]);
        assert_eq!(m.author.as_deref(), Some("张三"));
        assert_eq!(m.description.as_deref(), Some("摘要"));
        assert_eq!(m.url.as_deref(), Some("http://www.x.gov.cn/a.html"));
        assert_eq!(
            m.extra,
            [MetaField {
                key: "SiteDomain".into(),
                value: "www.x.gov.cn".into()
            }]
        );
        let with_article_title = read_str(
            "<title>页面标题 _ 网站</title><meta name=ArticleTitle content='文章标题'><p>正文，内容。</p>",
        );
        assert_eq!(with_article_title.meta.title.as_deref(), Some("文章标题"));
        let no_tags = read_str(
            "<title>巡察整改通报--文化--人民网</title><h1>巡察整改通报</h1><p>正文，内容。</p>",
        );
        assert_eq!(no_tags.meta.title.as_deref(), Some("巡察整改通报"));
        assert_eq!(no_tags.meta.column.as_deref(), Some("文化"));
        assert_eq!(no_tags.meta.site_name.as_deref(), Some("人民网"));
    }

    #[test]
    fn input_limit_is_enforced() {
        let mut opts = ReadOptions::default();
        opts.limits.input_bytes = 8;
        let err = read(b"<p>0123456789</p>", &opts).unwrap_err();
        assert_eq!(err.code(), "limit_exceeded");
        let mut opts = ReadOptions::default();
        opts.limits.html_bytes = 8;
        let err = read(b"<p>0123456789</p>", &opts).unwrap_err();
        assert!(matches!(
            err,
            Error::LimitExceeded {
                what: Limit::HtmlBytes,
                limit: 8
            }
        ));
    }

    #[test]
    fn empty_and_whitespace_pages_read_to_nothing() {
        for html in ["", "   ", "<html></html>", "<p>&nbsp;</p>"] {
            let ex = read_str(html);
            assert!(ex.blocks.is_empty(), "{html:?}");
        }
    }
}
