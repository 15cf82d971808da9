//! A page's `<title>` is rarely just the article's title: sites append their column and name
//! (`文章标题_某市人民政府门户网站`, `文章标题--文化--人民网`, `文章标题 - 南粤清风网`). This
//! splits such a title into the article title, the column and the site.
//!
//! A split is only accepted on evidence, because a real title may contain a dash: either one
//! segment equals a heading of the page (`<h1>`–`<h3>`), or the last segment reads as a site
//! name (ends in 网, 网站, 门户 …). The long dash `——` never splits (it introduces subtitles).

/// Separators sites put between title, column and site name.
const SEPARATORS: &[&str] = &["--", "_", "|", "｜", " - ", " – ", " — ", "－－"];

/// Endings of site names (`南粤清风网`, `某市人民政府门户网站`, `中国政府网`).
const SITE_ENDINGS: &[&str] = &["网", "网站", "门户", "政府", "在线", "频道", "官网", "平台"];

/// What a `<title>` holds.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct PageTitle {
    pub title: String,
    pub column: Option<String>,
    pub site: Option<String>,
}

/// Split `raw` into title, column and site; `headings` gives the page's heading texts, asked
/// for only when the title has separators (most pages need no walk of their headings).
pub(super) fn split(raw: &str, headings: impl FnOnce() -> Vec<String>) -> PageTitle {
    let whole = || PageTitle {
        title: raw.trim().to_string(),
        column: None,
        site: None,
    };
    let segments = segments(raw);
    if segments.len() < 2 {
        return site_after_hyphen(raw).unwrap_or_else(whole);
    }
    let headings: Vec<String> = headings().iter().map(|h| squeeze(h)).collect();
    let matched = segments
        .iter()
        .position(|s| headings.iter().any(|h| *h == squeeze(s)));
    let title_at = match matched {
        Some(i) => i,
        None if segments.last().is_some_and(|s| site_like(s)) => 0,
        None => return whole(),
    };
    let (before, after) = segments.split_at(title_at.min(segments.len()));
    let after = after.get(1..).unwrap_or_default();
    // After the title: column then site; a segment before the title can only be the site.
    let site = match after.last() {
        Some(s) if site_like(s) => Some(s.to_string()),
        _ => before.first().map(|s| s.to_string()),
    };
    let columns = after.len() - usize::from(after.last().is_some_and(|s| site_like(s)));
    PageTitle {
        title: segments.get(title_at).copied().unwrap_or(raw).to_string(),
        // Only one column is kept: `栏目--站点` is common, deeper trails are breadcrumbs.
        column: (columns == 1)
            .then(|| after.first().map(|s| s.to_string()))
            .flatten(),
        site,
    }
}

/// `文章标题-某某市人民政府`: a bare hyphen (not a separator on its own: `关于A-B线路改造的通知`)
/// splits off the site when what follows the last one is a Han site name.
fn site_after_hyphen(raw: &str) -> Option<PageTitle> {
    let (title, site) = raw.trim().rsplit_once(['-', '－'])?;
    let (title, site) = (title.trim(), site.trim());
    let han = site
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count();
    (han >= 4 && han == site.chars().count() && site_like(site) && !title.is_empty()).then(|| {
        PageTitle {
            title: title.to_string(),
            column: None,
            site: Some(site.to_string()),
        }
    })
}

/// The non-empty, trimmed pieces of `raw` between separators.
fn segments(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some((at, sep)) = SEPARATORS
        .iter()
        .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
        .min()
    {
        out.push(rest.get(..at).unwrap_or_default());
        rest = rest.get(at + sep..).unwrap_or_default();
    }
    out.push(rest);
    out.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn site_like(s: &str) -> bool {
    SITE_ENDINGS.iter().any(|e| s.ends_with(e))
        || s.contains("www.")
        || s.ends_with(".cn")
        || s.ends_with(".com")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(raw: &str, headings: &[&str]) -> (String, Option<String>, Option<String>) {
        let p = split(raw, || headings.iter().map(|s| s.to_string()).collect());
        (p.title, p.column, p.site)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn site_suffixes_are_split_off() {
        assert_eq!(
            t("中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报_广州市花都区人民政府门户网站", &[]),
            (
                "中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报".into(),
                None,
                some("广州市花都区人民政府门户网站")
            )
        );
        assert_eq!(
            t(
                "中共广州市花都区委关于巡视整改进展情况的通报 - 南粤清风网",
                &[]
            ),
            (
                "中共广州市花都区委关于巡视整改进展情况的通报".into(),
                None,
                some("南粤清风网")
            )
        );
        assert_eq!(
            t("女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网", &[]),
            (
                "女儿出嫁，郑板桥画了几笔兰花当嫁妆".into(),
                some("文化"),
                some("人民网")
            )
        );
    }

    #[test]
    fn a_heading_decides_which_segment_is_the_title() {
        // The site comes first and does not look like a site name; the <h1> says which.
        assert_eq!(
            t(
                "某某区纪委监委 | 关于巡察整改情况的通报",
                &["关于巡察整改 情况的通报"]
            ),
            (
                "关于巡察整改情况的通报".into(),
                None,
                some("某某区纪委监委")
            )
        );
        assert_eq!(
            t(
                "关于巡察整改情况的通报_通知公告",
                &["关于巡察整改情况的通报"]
            ),
            ("关于巡察整改情况的通报".into(), some("通知公告"), None)
        );
    }

    #[test]
    fn titles_without_evidence_stay_whole() {
        for raw in [
            "株洲高新区董家塅片区党工委关于巡察整改情况的通报",
            "坚持人民至上——在某会议上的讲话",
            "GB/T 9704-2012 党政机关公文格式",
            "关于A-B线路改造的通知",
            "首页_通知公告",
            "_",
            "",
        ] {
            assert_eq!(t(raw, &[]), (raw.trim().to_string(), None, None), "{raw}");
        }
    }

    #[test]
    fn a_bare_hyphen_before_a_site_name() {
        assert_eq!(
            t("关于做好防汛工作的通知-某某市人民政府", &[]),
            (
                "关于做好防汛工作的通知".into(),
                None,
                some("某某市人民政府")
            )
        );
        assert_eq!(t("关于A-B线路改造的通知", &[]).0, "关于A-B线路改造的通知");
    }

    #[test]
    fn breadcrumb_trails_keep_no_column() {
        assert_eq!(
            t("关于某事的通知_通知公告_政务公开_某市人民政府", &[]),
            ("关于某事的通知".into(), None, some("某市人民政府"))
        );
    }
}
