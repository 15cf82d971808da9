//! Site chrome: the lines a CMS wraps around every article (breadcrumbs, print/close buttons,
//! font-size switches, view counters, share bars, previous/next links, footers). Matched by
//! their wording, which is shared across Chinese government CMSs, not by class names.

use std::sync::LazyLock;

use regex::Regex;

/// Lines longer than this are never chrome: body sentences may mention `主办单位` or `版权所有`.
const MAX_CHROME_CHARS: usize = 160;

static CHROME_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let pad = r"[\s\u{3000}\u{00A0}]*";
    let patterns = [
        // Breadcrumbs.
        format!(
            r"^{pad}(您的位置|你的位置|所在位置|当前位置|您现在的位置|你现在的位置){pad}[:：>]?"
        ),
        // Print / close / bookmark buttons.
        format!(
            r"[【\[［]{pad}(打印|关闭|收藏|顶部|返回顶部|打印本页|关闭窗口|字体|保存){pad}[:：】\]］]"
        ),
        format!(
            r"^{pad}(打印本页|关闭窗口|打印|关闭|返回顶部)({pad}(打印本页|关闭窗口|打印|关闭|返回顶部|收藏))*{pad}$"
        ),
        // Font-size switches.
        format!(r"(字体|字号){pad}[:：]?{pad}[\[【［(（]?{pad}大{pad}中{pad}小"),
        // Counters.
        r"(浏览次数|访问次数|阅读次数|点击数|点击量|访问量|浏览量)".to_string(),
        // Share bars.
        format!(r"^{pad}分享(到)?{pad}[:：]?"),
        r"(微信|微博|QQ空间).{0,8}(微信|微博|QQ空间)".to_string(),
        // Previous / next links.
        format!(r"^{pad}(上一篇|下一篇|上一条|下一条){pad}[:：]?"),
        // Footers.
        r"ICP备|ICP证|公网安备|网站标识码|版权所有|(?i:copyright)|©".to_string(),
        format!(r"(主办|承办|协办|维护|技术支持)(单位)?{pad}[:：]"),
        format!(r"^{pad}(网站地图|联系我们|网站声明|关于我们|无障碍)"),
        // An empty attachment widget (`附件:` with nothing after it on the line); a real
        // attachment list names its files on the same line or in the lines that follow, which
        // are kept.
        format!(r"^{pad}附件{pad}[:：]{pad}$"),
        // Pagination of a split article.
        format!(r"^{pad}([【\[]{pad}\d+{pad}[】\]]{pad})+$"),
    ];
    Regex::new(&patterns.join("|")).ok()
});

/// True when `line` is a line of site chrome.
pub(crate) fn is_chrome(line: &str) -> bool {
    if line.chars().count() > MAX_CHROME_CHARS {
        return false;
    }
    CHROME_RE.as_ref().is_some_and(|re| re.is_match(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines() {
        let chrome = [
            "所在位置:首页 > 信息公开 > 巡视巡察 > 省委巡视 >正文",
            "您的位置: 首页 > 政务公开 > 通知公示",
            "当前位置：首页 > 政策",
            "【打印】 【关闭】",
            "【打印】 【字体:",
            "打印 关闭",
            "字体[ 大 中 小 ]",
            "字体：大 中 小",
            "浏览次数：1024",
            "分享到：",
            "微信 微博 QQ空间",
            "上一篇：关于开展…的通知",
            "粤ICP备10233762号",
            "京公网安备 11010202000001号",
            "主办单位：中共广东省纪律检查委员会 广东省监察委员会",
            "网站标识码：4400000126",
            "版权所有 广州市花都区人民政府",
            "Copyright © 2023",
            "网站地图",
            "【1】【2】【3】【4】",
            "附件:",
        ];
        for line in chrome {
            assert!(is_chrome(line), "{line:?} should be chrome");
        }
        let body = [
            "中共广州市花都区委关于巡视整改进展情况的通报",
            "根据省委统一部署，省委第三巡视组对广州市花都区进行了巡视。",
            "一、深入学习贯彻习近平总书记关于巡视工作的重要讲话精神",
            "2021年11月22日",
            "会议由主办单位负责组织，承办单位提供场地保障。",
            "（一）打印机等办公设备采购不规范。",
            "附件：1.整改台账",
        ];
        for line in body {
            assert!(!is_chrome(line), "{line:?} should not be chrome");
        }
    }
}
