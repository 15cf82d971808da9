//! The normalizer: a table of cases over every rule and exception, property tests
//! (idempotence, totality, borrowing), the seeds, and `gongwen normalize`.
//!
//! Every expected value below was written from the rule in `docs/normalization.md`, not copied
//! from the program's output.

use std::borrow::Cow;

use gongwen::normalize::text;
use gongwen::NormalizeOptions;
use pretty_assertions::assert_eq;
use proptest::prelude::*;

use crate::util::seed_path;

/// Which options a case runs with.
#[derive(Clone, Copy, Debug)]
enum Opts {
    All,
    NoPunct,
    NoAlnum,
    NoSpace,
    NoQuotes,
    NoJoin,
    NoStops,
    NoEllipses,
    NoDashes,
    NoTitles,
    NoDecimals,
    None,
}

fn options(o: Opts) -> NormalizeOptions {
    let mut n = NormalizeOptions::default();
    match o {
        Opts::All => {}
        Opts::NoPunct => n.punctuation = false,
        Opts::NoAlnum => n.ascii_alnum = false,
        Opts::NoSpace => n.whitespace = false,
        Opts::NoQuotes => n.quotes = false,
        Opts::NoJoin => n.join_lines = false,
        Opts::NoStops => n.full_stops = false,
        Opts::NoEllipses => n.ellipses = false,
        Opts::NoDashes => n.dashes = false,
        Opts::NoTitles => n.title_marks = false,
        Opts::NoDecimals => n.split_decimals = false,
        Opts::None => n = NormalizeOptions::none(),
    }
    n
}

use Opts::*;

/// (rule, options, input, expected).
const CASES: &[(&str, Opts, &str, &str)] = &[
    // ascii_alnum: full-width letters and digits → ASCII, nothing else.
    ("width", All, "２０２０年", "2020年"),
    ("width", All, "ＧＤＰ增长", "GDP增长"),
    ("width", All, "ａｂｃ１２３", "abc123"),
    ("width", All, "第２页，共３页", "第2页，共3页"),
    ("width", All, "〔２０２３〕４号", "〔2023〕4号"),
    ("width", NoAlnum, "２０２０ 年", "２０２０年"),
    // no NFKC: circled numbers, full-width brackets and punctuation stay.
    ("no-nfkc", All, "①②③", "①②③"),
    (
        "no-nfkc",
        All,
        "（一）〔2023〕，：；",
        "（一）〔2023〕，：；",
    ),
    (
        "no-nfkc",
        All,
        "①对“理论学习不深入”等问题",
        "①对“理论学习不深入”等问题",
    ),
    // punctuation: ASCII marks in Chinese context → full-width.
    (
        "punct",
        All,
        "根据省委统一部署,2020年",
        "根据省委统一部署，2020年",
    ),
    ("punct", All, "情况如下:一是", "情况如下：一是"),
    ("punct", All, "增长3.5%;2021年前", "增长3.5%；2021年前"),
    ("punct", All, "是否到位?", "是否到位？"),
    ("punct", All, "坚决不放过!", "坚决不放过！"),
    ("punct", All, "(一)加强组织领导", "（一）加强组织领导"),
    ("punct", All, "(1)加强学习", "（1）加强学习"),
    (
        "punct",
        All,
        "专项检查(含回头看)工作",
        "专项检查（含回头看）工作",
    ),
    ("punct", All, "中国(China)", "中国（China）"),
    (
        "punct",
        All,
        "》(董管发〔2020〕1号)",
        "》（董管发〔2020〕1号）",
    ),
    ("punct", All, "LED,并且", "LED，并且"),
    ("punct", All, "比92.5%,“头雁”效应", "比92.5%，“头雁”效应"),
    ("punct", All, "《通知》,2021年以来", "《通知》，2021年以来"),
    ("punct", All, "(社区)“两委”干部", "（社区）“两委”干部"),
    (
        "punct",
        All,
        "所在位置:首页 > 信息公开",
        "所在位置：首页 > 信息公开",
    ),
    ("punct", NoPunct, "根据部署,2020 年", "根据部署,2020年"),
    // exceptions: left alone.
    (
        "except-url",
        All,
        "http://x.gov.cn/a,b?c=1",
        "http://x.gov.cn/a,b?c=1",
    ),
    // regression (proptest): `1 %` glued to a URL must not make the URL swallow `(`; the
    // parentheses are decided in Latin context (after `c=1`, before `http`) and stay ASCII.
    (
        "except-url",
        All,
        "①(http://x.cn/a,b?c=1中http://x.cn/a,b?c=1 %(：)",
        "①(http://x.cn/a,b?c=1中http://x.cn/a,b?c=1%(：)",
    ),
    (
        "except-url",
        All,
        "网址:http://x.gov.cn/a,b?c=1,欢迎访问",
        "网址：http://x.gov.cn/a,b?c=1，欢迎访问",
    ),
    (
        "except-email",
        All,
        "电子邮箱:jinbj@huadu.gov.cn。",
        "电子邮箱：jinbj@huadu.gov.cn。",
    ),
    (
        "except-email",
        All,
        "电子邮箱: syqdcs@126.com。",
        "电子邮箱：syqdcs@126.com。",
    ),
    (
        "except-time",
        All,
        "时间:2021-11-23 10:00:00",
        "时间：2021-11-23 10:00:00",
    ),
    ("except-time", All, "上午10:00:00开会", "上午10:00:00开会"),
    ("except-number", All, "金额1,682.15万元", "金额1,682.15万元"),
    (
        "except-number",
        All,
        "收入1,682.15万元,同比",
        "收入1,682.15万元，同比",
    ),
    ("except-ratio", All, "按1:2比例选配", "按1:2比例选配"),
    ("except-date", All, "日期:2023-07-14", "日期：2023-07-14"),
    (
        "except-phone",
        All,
        "电话:020-36993133",
        "电话：020-36993133",
    ),
    (
        "except-phone",
        All,
        "联系方式:0371--86199800;",
        "联系方式：0371--86199800；",
    ),
    ("except-latin", All, "Mini/Micro LED", "Mini/Micro LED"),
    ("except-latin", All, "R&D", "R&D"),
    ("except-latin", All, "GM/T 0031-2014", "GM/T 0031-2014"),
    (
        "except-latin",
        All,
        "see item (1), then (2).",
        "see item (1), then (2).",
    ),
    (
        "except-latin",
        All,
        "Hello, world! Is it? Yes: (a)",
        "Hello, world! Is it? Yes: (a)",
    ),
    (
        "except-latin",
        All,
        "Mini/Micro LED半导体",
        "Mini/Micro LED半导体",
    ),
    // quotes: paired straight quotes in Chinese context → curly.
    ("quotes", All, "坚决做到\"两个维护\"", "坚决做到“两个维护”"),
    ("quotes", All, "学用'两张皮'问题", "学用‘两张皮’问题"),
    ("quotes", All, "\"GDP\"增长", "“GDP”增长"),
    (
        "quotes",
        All,
        "China's \"GDP\" rose",
        "China's \"GDP\" rose",
    ),
    ("quotes", All, "他说\"你好", "他说\"你好"),
    ("quotes", All, "don't", "don't"),
    (
        "quotes",
        NoQuotes,
        "做到\"两个维护\",",
        "做到\"两个维护\"，",
    ),
    // whitespace.
    ("space", All, "2020 年", "2020年"),
    ("space", All, "4.49 %", "4.49%"),
    ("space", All, "第 3 页", "第3页"),
    ("space", All, "巡 视 整 改", "巡视整改"),
    ("space", All, "\u{3000}\u{3000}根据部署", "根据部署"),
    ("space", All, "  根据部署", "根据部署"),
    ("space", All, "根据\u{A0}部署", "根据部署"),
    ("space", All, "Micro\u{A0}LED", "Micro LED"),
    ("space", All, "Micro\tLED", "Micro LED"),
    ("space", All, "Micro   LED", "Micro LED"),
    (
        "space",
        All,
        "巡\u{200B}视\u{200C}整\u{200D}改\u{FEFF}",
        "巡视整改",
    ),
    ("space", All, "段一\n\n\n\n段二", "段一\n\n段二"),
    ("space", All, "段一\r\n\r\n段二", "段一\n\n段二"),
    ("space", All, "结尾   ", "结尾"),
    ("space", All, "来抓, 4月18日", "来抓，4月18日"),
    ("space", All, "说 “两个维护” 的", "说“两个维护”的"),
    ("space", All, "LED 半导体", "LED 半导体"),
    ("space", All, "— 3 —", "— 3 —"),
    ("space", All, "(十六) 针对饭堂支出", "（十六）针对饭堂支出"),
    (
        "space-label",
        All,
        "来源:南粤清风网     日期:2021-11-23 10:00:00",
        "来源：南粤清风网 日期：2021-11-23 10:00:00",
    ),
    (
        "space-label",
        All,
        "索引号: 12440114766117763P/2023-00029 分类: 主题分类",
        "索引号：12440114766117763P/2023-00029 分类：主题分类",
    ),
    (
        "space-label",
        All,
        "文号: 发布日期: 2023-07-14",
        "文号： 发布日期：2023-07-14",
    ),
    (
        "space-label",
        All,
        "(一) 加强组织领导:",
        "（一）加强组织领导：",
    ),
    ("space", NoSpace, "2020 年,好", "2020 年，好"),
    // join_lines.
    (
        "lines",
        All,
        "关于巡视整改\n进展情况的通报",
        "关于巡视整改进展情况的通报",
    ),
    ("lines", All, "Mini/Micro\nLED", "Mini/Micro LED"),
    ("lines", All, "docu-\nment", "document"),
    ("lines", All, "GM/T 0031-\n2014", "GM/T 0031-2014"),
    (
        "lines",
        All,
        "附件:\n1.整改方案\n2.整改台账",
        "附件：\n1.整改方案\n2.整改台账",
    ),
    (
        "lines",
        All,
        "整改完成。\n(二)健全机制",
        "整改完成。\n（二）健全机制",
    ),
    (
        "lines",
        All,
        "已完成整改\n36个, 正在整改4个",
        "已完成整改36个，正在整改4个",
    ),
    ("lines", All, "第\n3页", "第3页"),
    // regression: proptest found `中:''\n一、` joined on the second run only.
    ("lines", All, "中:''\n一、中", "中：‘’\n一、中"),
    ("lines", NoJoin, "关于巡视\n整改", "关于巡视\n整改"),
    // all together.
    (
        "all",
        All,
        "根据省委统一部署,２０２０ 年(一)",
        "根据省委统一部署，2020年（一）",
    ),
    (
        "all",
        None,
        "２０２０ 年,(一)\n\n\n\"x\"",
        "２０２０ 年,(一)\n\n\n\"x\"",
    ),
];

/// (rule, options, input, expected): the GB/T 15834 marks of issue 23 (full stops, ellipses,
/// dashes, title marks, split decimals) and their exceptions.
const MARK_CASES: &[(&str, Opts, &str, &str)] = &[
    // full_stops: a `.` ending a Chinese sentence → `。`.
    ("stop", All, "已完成整改.下一步", "已完成整改。下一步"),
    (
        "stop",
        All,
        "截至10月31日,已整改完成15个.",
        "截至10月31日，已整改完成15个。",
    ),
    ("stop", All, "他说:\"好的.\"", "他说：“好的。”"),
    ("stop", All, "已印发(见附件).", "已印发（见附件）。"),
    ("stop", All, "坚决做到\"两个维护\".", "坚决做到“两个维护”。"),
    ("stop", All, "共完成15.", "共完成15。"),
    ("stop", All, "整改完成率100%.", "整改完成率100%。"),
    ("stop", All, "电子邮箱:ab@x.cn.", "电子邮箱：ab@x.cn。"),
    (
        "stop",
        All,
        "网址:http://x.gov.cn.",
        "网址：http://x.gov.cn。",
    ),
    ("stop", All, "升级到v1.2.3.", "升级到v1.2.3。"),
    ("stop", All, "详见附件1.doc.", "详见附件1.doc。"),
    ("stop", All, "截至2023-12-31.", "截至2023-12-31。"),
    ("stop", All, "会议于10:00.", "会议于10:00。"),
    ("stop", All, "金额为1,682.15.", "金额为1,682.15。"),
    ("stop", All, "印发<<通知>>.", "印发《通知》。"),
    ("stop", All, "排名第一.", "排名第一。"),
    ("stop", All, "使用LED.", "使用LED。"),
    ("stop", All, "整改完成 .", "整改完成。"),
    ("stop", All, "整改.\n下一步.", "整改。下一步。"),
    ("stop", NoStops, "已完成整改.下一步", "已完成整改.下一步"),
    // full_stops exceptions: decimals, numbering, versions, files, abbreviations, Latin, URLs.
    ("stop-except", All, "圆周率3.14", "圆周率3.14"),
    ("stop-except", All, "增长3.5%", "增长3.5%"),
    ("stop-except", All, "1.加强学习", "1.加强学习"),
    ("stop-except", All, "2.1.", "2.1."),
    ("stop-except", All, "2.1.加强学习", "2.1.加强学习"),
    ("stop-except", All, "一.总体要求", "一.总体要求"),
    ("stop-except", All, "如下:1. 加强学习", "如下：1. 加强学习"),
    ("stop-except", All, "版本v1.2.3", "版本v1.2.3"),
    ("stop-except", All, "附件1.doc", "附件1.doc"),
    ("stop-except", All, "整改方案.docx", "整改方案.docx"),
    ("stop-except", All, "见Fig. 3.", "见Fig. 3."),
    ("stop-except", All, "No.1文件", "No.1文件"),
    ("stop-except", All, "美国U.S.", "美国U.S."),
    ("stop-except", All, "例如e.g.", "例如e.g."),
    ("stop-except", All, "This is English.", "This is English."),
    ("stop-except", All, "Hello world. 你好", "Hello world. 你好"),
    (
        "stop-except",
        All,
        "访问www.gov.cn查询",
        "访问www.gov.cn查询",
    ),
    (
        "stop-except",
        All,
        "见http://x.gov.cn/a.html",
        "见http://x.gov.cn/a.html",
    ),
    ("stop-except", All, "海关总6.单套管理", "海关总6.单套管理"),
    ("stop-except", All, "已完成。.", "已完成。."),
    // ellipses: dot runs in Chinese context → `……`.
    ("ellipsis", All, "等等...今后", "等等……今后"),
    ("ellipsis", All, "情况如下......", "情况如下……"),
    ("ellipsis", All, "相关部门。。。", "相关部门……"),
    ("ellipsis", All, "还有....其他", "还有……其他"),
    ("ellipsis", All, "他说:\"我...\"", "他说：“我……”"),
    ("ellipsis", All, "wait... what", "wait... what"),
    (
        "ellipsis",
        All,
        "见http://x.cn/a...b",
        "见http://x.cn/a...b",
    ),
    ("ellipsis", All, "1..2", "1..2"),
    ("ellipsis", All, "完成。。", "完成。。"),
    ("ellipsis", NoEllipses, "等等...今后", "等等...今后"),
    // dashes: `--` and `— —` between Chinese → `——`; hyphens in ranges and codes stay.
    ("dash", All, "主要领导--区委书记", "主要领导——区委书记"),
    ("dash", All, "主要领导 -- 区委书记", "主要领导——区委书记"),
    ("dash", All, "主要领导— —区委书记", "主要领导——区委书记"),
    ("dash", All, "\"两个维护\"--这是", "“两个维护”——这是"),
    ("dash", All, "2020-2023年", "2020-2023年"),
    ("dash", All, "2020--2023年", "2020--2023年"),
    (
        "dash",
        All,
        "执行GB/T 9704-2012标准",
        "执行GB/T 9704-2012标准",
    ),
    ("dash", All, "Mini--LED", "Mini--LED"),
    ("dash", All, "中---中", "中---中"),
    // The punctuation rule makes `!` full-width; the comment's dashes stay.
    ("dash", All, "说明<!--注释-->", "说明<！--注释-->"),
    ("dash", All, "中— — —中", "中— — —中"),
    ("dash", NoDashes, "主要领导--区委书记", "主要领导--区委书记"),
    // title_marks: `<<…>>` around Chinese → `《…》`; `<…>` inside a title → `〈…〉`.
    ("title", All, "印发<<通知>>的", "印发《通知》的"),
    (
        "title",
        All,
        "<<关于<办法>的通知>>",
        "《关于〈办法〉的通知》",
    ),
    (
        "title",
        All,
        "《关于<办法>的通知》",
        "《关于〈办法〉的通知》",
    ),
    (
        "title",
        All,
        "学习<<习近平谈治国理政>>,",
        "学习《习近平谈治国理政》，",
    ),
    ("title", All, "a<<2", "a<<2"),
    ("title", All, "x<<1>>y", "x<<1>>y"),
    ("title", All, "if a<<2 and b>>3", "if a<<2 and b>>3"),
    ("title", All, "《标题<br>》", "《标题<br>》"),
    ("title", NoTitles, "印发<<通知>>的", "印发<<通知>>的"),
    // split_decimals: digit, `.`, space, digit in Chinese context → no space.
    ("decimal", All, "比去年增长12. 5%", "比去年增长12.5%"),
    ("decimal", All, "合计3. 2亿元", "合计3.2亿元"),
    ("decimal", All, "占全省的51. 1%.", "占全省的51.1%。"),
    ("decimal", All, "1. 2023年以来", "1. 2023年以来"),
    ("decimal", All, "如下:1. 2023年以来", "如下：1. 2023年以来"),
    ("decimal", All, "version 1. 2 of", "version 1. 2 of"),
    (
        "decimal",
        NoDecimals,
        "比去年增长12. 5%",
        "比去年增长12. 5%",
    ),
    // all together.
    (
        "marks-all",
        All,
        "主要领导--区委书记说:\"<<通知>>已印发...\"",
        "主要领导——区委书记说：“《通知》已印发……”",
    ),
];

#[test]
fn table_of_cases() {
    assert!(CASES.len() >= 60, "{} cases", CASES.len());
    assert!(MARK_CASES.len() >= 60, "{} mark cases", MARK_CASES.len());
    let mut failures = Vec::new();
    for &(rule, o, input, want) in CASES.iter().chain(MARK_CASES) {
        let opts = options(o);
        let got = text(input, &opts);
        if got != want {
            failures.push(format!(
                "[{rule} {o:?}] {input:?}\n   got  {got:?}\n   want {want:?}"
            ));
        }
        let again = text(&got, &opts);
        if again != got {
            failures.push(format!(
                "[{rule} {o:?}] not idempotent on {input:?}: {again:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn unchanged_text_is_borrowed() {
    for &(_, o, input, want) in CASES.iter().chain(MARK_CASES) {
        if input == want {
            assert!(
                matches!(text(input, &options(o)), Cow::Borrowed(_)),
                "{input:?} was copied"
            );
        }
    }
}

/// Pieces biased to what the rules look at: ideographs, CJK and ASCII punctuation, digits,
/// spaces of every kind, line breaks, quotes, Latin words, URLs.
const PIECES: &[&str] = &[
    "中",
    "年",
    "第",
    "页",
    "一",
    "整改",
    "日期",
    "，",
    "。",
    "：",
    "（",
    "）",
    "“",
    "”",
    "《",
    "》",
    "〔",
    "〕",
    "①",
    ",",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    "\"",
    "'",
    ".",
    "%",
    "-",
    "/",
    "0",
    "1",
    "2",
    "９",
    "Ａ",
    "ｚ",
    "a",
    "LED",
    "s",
    " ",
    " ",
    "  ",
    "\u{3000}",
    "\u{A0}",
    "\t",
    "\u{200B}",
    "\u{FEFF}",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "http://x.cn/a,b?c=1",
    "www.gov.cn",
    "a@b.cn",
    "10:00",
    "1,682.15",
    "一、",
    "(1)",
    "docu-",
    "1.",
    "——",
    "\u{2028}",
    "\u{AD}",
    "é",
    "（一）",
    "…",
    "‘",
    "’",
    "0371--86199800",
    "...",
    "......",
    "。。。",
    "--",
    "— —",
    "—",
    "<<",
    ">>",
    "<",
    ">",
    "12. 5",
    "v1.2.3",
    "U.S.",
    "Fig. 3.",
    "附件1.doc",
    "e.g.",
    "No.1",
    "2.1.",
    "一.",
    "ab@x.cn",
    "年.",
];

fn biased() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn any_options() -> impl Strategy<Value = NormalizeOptions> {
    prop::array::uniform10(any::<bool>()).prop_map(|[a, b, c, d, e, f, g, h, i, j]| {
        let mut o = NormalizeOptions::default();
        o.punctuation = a;
        o.ascii_alnum = b;
        o.whitespace = c;
        o.quotes = d;
        o.join_lines = e;
        o.full_stops = f;
        o.ellipses = g;
        o.dashes = h;
        o.title_marks = i;
        o.split_decimals = j;
        o
    })
}

/// 2000 cases per property by default; `PROPTEST_CASES=200000` for a long run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn idempotent_on_biased_text(s in biased()) {
        let opts = NormalizeOptions::default();
        let once = text(&s, &opts).into_owned();
        prop_assert_eq!(text(&once, &opts), once.as_str());
    }

    #[test]
    fn idempotent_with_any_rules_switched_off(s in biased(), opts in any_options()) {
        let once = text(&s, &opts).into_owned();
        prop_assert_eq!(ideographs(&once), ideographs(&s));
        prop_assert_eq!(text(&once, &opts), once.as_str());
    }

    #[test]
    fn never_panics_and_keeps_ideographs(s in any::<String>(), opts in any_options()) {
        let out = text(&s, &opts);
        prop_assert_eq!(ideographs(&out), ideographs(&s));
        prop_assert_eq!(text(&out, &opts), out.as_ref());
    }

    #[test]
    fn text_without_triggers_is_borrowed(
        s in prop::collection::vec(
            prop::sample::select(&["中", "文", "整改", "，", "了。", "（一）", "①", "《", "》", "“", "”", "2020", "LED"][..]),
            0..40,
        ).prop_map(|v| v.concat())
    ) {
        prop_assert!(matches!(text(&s, &NormalizeOptions::default()), Cow::Borrowed(_)));
    }
}

/// CJK Unified Ideographs (U+4E00–U+9FFF) and Extension A (U+3400–U+4DBF).
fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

fn ideographs(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

/// ASCII `,` `:` `(` with a CJK ideograph right before or after, with some context.
fn ascii_marks_beside_han(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, ',' | ':' | '(') {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        if before.is_some_and(is_han) || after.is_some_and(is_han) {
            let from = i.saturating_sub(8);
            found.push(chars[from..(i + 8).min(chars.len())].iter().collect());
        }
    }
    found
}

#[test]
fn seeds_lose_ascii_punctuation_beside_han_and_no_ideograph() {
    let opts = NormalizeOptions::default();
    let mut seen = 0;
    for n in 0..5 {
        let Some(path) = seed_path(&format!("{n:03}")) else {
            crate::util::missing(&format!("seed {n:03}"));
            continue;
        };
        seen += 1;
        let raw = std::fs::read_to_string(&path).unwrap();
        // Before: the seeds do have such marks (at least the scraped ones).
        let whole = text(&raw, &opts);
        let left = ascii_marks_beside_han(&whole);
        assert!(left.is_empty(), "{}: {left:?}", path.display());
        assert_eq!(ideographs(&whole), ideographs(&raw), "{}", path.display());
        assert_eq!(
            text(&whole, &opts),
            whole,
            "{} not idempotent",
            path.display()
        );
        // Line by line, as the text reader hands blocks over.
        for line in raw.lines() {
            let out = text(line, &opts);
            assert!(ascii_marks_beside_han(&out).is_empty(), "{line}");
            assert_eq!(ideographs(&out), ideographs(line));
        }
    }
    if seen > 0 {
        let raw = std::fs::read_to_string(seed_path("003").unwrap()).unwrap();
        assert!(
            !ascii_marks_beside_han(&raw).is_empty(),
            "seed 003 should need the rule"
        );
    }
}

/// Inputs that would be quadratic with a naive implementation (long scans, many URLs, deep
/// nesting, long space runs). They must finish; no timing threshold is asserted.
#[test]
fn pathological_inputs_finish() {
    let opts = NormalizeOptions::default();
    for input in [
        "http://a ,".repeat(20_000),
        "(".repeat(100_000) + &")".repeat(100_000),
        ",".repeat(200_000),
        format!(",{},", " ".repeat(200_000)).repeat(4),
        format!("{}x\n", " ".repeat(1_000)) + &"1.a\n".repeat(20_000),
        "\"中'".repeat(50_000),
        "\n".repeat(200_000),
        // The GB/T 15834 marks: token walks, title searches, runs, dashes, split decimals.
        "中.".repeat(100_000),
        "1.-".repeat(60_000),
        "<<中<".repeat(30_000),
        "《中<".repeat(30_000),
        "中--".repeat(60_000),
        "。 ".repeat(100_000),
        "中1. 2".repeat(40_000),
    ] {
        let once = text(&input, &opts).into_owned();
        assert_eq!(text(&once, &opts), once);
    }
}

fn run_cli(args: &[&str], input: &str) -> (bool, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("normalize")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn cli_normalizes_stdin_and_can_keep_punctuation() {
    let input = "  根据省委统一部署,２０２０ 年(一)\n电话:020-36993133\n";
    let (ok, out) = run_cli(&[], input);
    assert!(ok);
    assert_eq!(out, "根据省委统一部署，2020年（一）\n电话：020-36993133\n");
    let (ok, out) = run_cli(&["--keep-punctuation"], input);
    assert!(ok);
    assert_eq!(out, "根据省委统一部署,2020年(一)\n电话:020-36993133\n");
}

#[test]
fn cli_switches_of_the_gb15834_marks() {
    let input = "已完成整改.下一步...主要领导--区委书记印发<<通知>>增长12. 5%\n";
    let (ok, out) = run_cli(&[], input);
    assert!(ok);
    assert_eq!(
        out,
        "已完成整改。下一步……主要领导——区委书记印发《通知》增长12.5%\n"
    );
    let keep = [
        "--keep-full-stops",
        "--keep-ellipses",
        "--keep-dashes",
        "--keep-title-marks",
        "--keep-split-decimals",
    ];
    let (ok, out) = run_cli(&keep, input);
    assert!(ok);
    assert_eq!(out, input);
}

#[test]
fn cli_joins_wrapped_lines_only_when_told_the_input_is_wrapped() {
    // pdftotext-style text: a title wrapped after 整改, a blank line, a body wrapped twice.
    let input = "关于巡视整改\n进展情况的通报\n\n根据省委统一部署,\n2020年10月13日至\n12月12日。\n";
    let (ok, out) = run_cli(&["--wrapped"], input);
    assert!(ok);
    assert_eq!(
        out,
        "关于巡视整改进展情况的通报\n\n根据省委统一部署，2020年10月13日至12月12日。\n"
    );
    // --keep-line-breaks keeps the wraps but still fixes the characters.
    let (ok, out) = run_cli(&["--wrapped", "--keep-line-breaks"], input);
    assert!(ok);
    assert_eq!(
        out,
        "关于巡视整改\n进展情况的通报\n\n根据省委统一部署，\n2020年10月13日至\n12月12日。\n"
    );
    // Without --wrapped every line is a paragraph: nothing is joined.
    let (ok, out) = run_cli(&[], input);
    assert!(ok);
    assert_eq!(out.lines().count(), input.lines().count());
}
