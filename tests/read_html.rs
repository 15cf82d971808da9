//! The HTML reader end to end: samples against their seeds, the real pages of the corpus,
//! encodings, and bad input.
//!
//! Body comparison: both sides go through `gongwen::normalize::text`, and each line is then
//! trimmed of leading/trailing whitespace (ASCII, NBSP, U+3000). The trim is the tolerance:
//! the samples indent with `text-indent`, `&nbsp;` or U+3000 where the seeds indent with
//! spaces, and indentation is not content (the normalizer strips it once its rules land).
//! Apart from that the comparison is character-exact.

use gongwen::model::{EncodingEvidence, Format};
use gongwen::{Document, Options};

use crate::shared_or_skip;
use crate::util;

fn convert(bytes: &[u8]) -> Document {
    gongwen::convert(bytes, &Options::default()).expect("converts")
}

fn convert_path(path: &std::path::Path) -> Document {
    let mut opts = Options::default();
    opts.read.file_name = Some(path.display().to_string());
    gongwen::convert(&util::bytes(path), &opts)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Normalize and trim one line; `None` when nothing is left.
/// A line normalized, without whitespace: the seeds space heading numbers inconsistently
/// (`1. 关于` beside `8关于`) and indent with `&nbsp;`/U+3000, so whitespace is the one tolerance;
/// every other character must match.
fn canon(line: &str) -> Option<String> {
    let n = gongwen::normalize::text(line, &gongwen::NormalizeOptions::default());
    let t: String = n.chars().filter(|c| !c.is_whitespace()).collect();
    (!t.is_empty()).then_some(t)
}

/// The document as a reader sees it: the text rendering, one block per line (a run-in heading
/// and its paragraph share a line, as in the source).
fn body_lines(doc: &Document) -> Vec<String> {
    gongwen::render::to_string(doc, gongwen::OutputFormat::Text)
        .lines()
        .filter_map(canon)
        .collect()
}

/// The seed's notice text: lines from the one starting with `first` to the one starting with
/// `last`, minus the metadata lines starting with one of `skip`.
fn seed_body(prefix: &str, first: &str, last: &str, skip: &[&str]) -> Option<Vec<String>> {
    let path = util::seed_path(prefix)?;
    let text = String::from_utf8(util::bytes(&path)).expect("seed is UTF-8");
    let lines: Vec<String> = text.lines().filter_map(canon).collect();
    let start = lines.iter().position(|l| l.starts_with(first))?;
    let end = start + lines[start..].iter().position(|l| l.starts_with(last))?;
    Some(
        lines[start..=end]
            .iter()
            .filter(|l| !skip.iter().any(|s| l.starts_with(s)))
            .cloned()
            .collect(),
    )
}

struct SampleCase {
    sample: &'static str,
    seed: &'static str,
    first: &'static str,
    last: &'static str,
    skip: &'static [&'static str],
}

const SAMPLES: &[SampleCase] = &[
    SampleCase {
        sample: "000.html",
        seed: "000",
        first: "中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报",
        last: "2023年7月14日",
        skip: &["发布日期"],
    },
    SampleCase {
        sample: "001.html",
        seed: "001",
        first: "中共广州市花都区委关于巡视整改进展情况的通报",
        last: "2021年11月22日",
        skip: &["来源"],
    },
    SampleCase {
        sample: "002.html",
        seed: "002",
        first: "按照区委的统一部署",
        last: "2022年10月24日",
        skip: &[],
    },
    SampleCase {
        sample: "003.html",
        seed: "003",
        first: "中共郑州航空港经济综合实验区工作委员会",
        last: "2024年9月3日",
        skip: &["来源"],
    },
];

#[test]
fn samples_reproduce_the_seed_bodies() {
    shared_or_skip!("seeds");
    for case in SAMPLES {
        let expected = seed_body(case.seed, case.first, case.last, case.skip)
            .unwrap_or_else(|| panic!("seed {} lacks its markers", case.seed));
        let doc = convert_path(&util::sample(case.sample));
        let got = body_lines(&doc);
        pretty_assertions::assert_eq!(got, expected, "{}", case.sample);
    }
}

/// Wording of chrome and metadata lines that must never reach the body.
const NOT_BODY: &[&str] = &[
    "浏览次数",
    "【打印】",
    "【关闭】",
    "所在位置",
    "您的位置",
    "当前位置",
    "字体[",
    "分享到",
    "上一篇",
    "下一篇",
    "ICP备",
    "主办单位",
    "网站标识码",
    "索引号",
    "索 引 号",
    "成文日期",
    "来源:",
    "日期:20",
    "更新时间",
    "热点排行",
    "政府信息公开",
];

#[test]
fn samples_have_no_chrome_or_metadata_in_the_body() {
    for case in SAMPLES {
        let doc = convert_path(&util::sample(case.sample));
        assert!(doc.blocks.len() > 20, "{}", case.sample);
        for line in body_lines(&doc) {
            for bad in NOT_BODY {
                assert!(
                    !line.contains(bad),
                    "{}: {bad:?} in body line {line:?}",
                    case.sample
                );
            }
        }
        let removed = doc
            .warnings
            .iter()
            .any(|w| w.code == gongwen::model::Code::ChromeRemoved);
        assert!(removed, "{}: chrome_removed expected", case.sample);
    }
}

#[test]
fn sample_000_meta_from_the_disclosure_table() {
    let doc = convert_path(&util::sample("000.html"));
    let m = &doc.meta;
    assert_eq!(
        m.index_number.as_deref(),
        Some("12440114766117763P/2023-00029")
    );
    assert_eq!(m.issuer.as_deref(), Some("广州市花都区空港经济管理委员会"));
    assert_eq!(m.written_date.as_deref(), Some("2023-07-14"));
    // The seed's 文号 is empty: the field stays empty rather than taking the next label.
    assert_eq!(m.doc_number, None);
    assert_eq!(m.category.as_deref(), Some("主题分类"));
    assert_eq!(m.published_date.as_deref(), Some("2023-07-14"));
    assert_eq!(
        m.title.as_deref(),
        Some("中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报")
    );
    assert!(m.subject_terms.is_empty());
    assert_eq!(m.site_name.as_deref(), Some("广州市花都区人民政府门户网站"));
    assert_eq!(m.column.as_deref(), Some("规章库"));
    assert_eq!(m.keywords, ["巡察整改", "通报"]);
    assert!(m
        .extra
        .iter()
        .any(|f| f.key == "SiteIDCode" && f.value == "4401140001"));
    let enc = doc.source.encoding.as_ref().unwrap();
    assert_eq!(
        (enc.name.as_str(), enc.evidence),
        ("UTF-8", EncodingEvidence::MetaCharset)
    );
    assert_eq!(doc.source.format, Some(Format::Html));
}

#[test]
fn sample_001_gbk_declared_by_http_equiv_only() {
    let doc = convert_path(&util::sample("001.html"));
    assert_eq!(doc.meta.source_site.as_deref(), Some("南粤清风网"));
    assert_eq!(doc.meta.published_date.as_deref(), Some("2021-11-23"));
    let enc = doc.source.encoding.as_ref().unwrap();
    assert_eq!(enc.name, "gb18030");
    assert_eq!(enc.evidence, EncodingEvidence::MetaCharset);
    assert_eq!(enc.declared.as_deref(), Some("gbk"));
    assert_eq!(enc.replaced, 0);
    // U+3635 is outside GBK; the page carries it as `&#13877;`.
    assert!(body_lines(&doc).iter().any(|l| l.contains("海㘵立交")));
}

#[test]
fn sample_003_gbk_with_no_charset_anywhere() {
    let bytes = util::bytes(&util::sample("003.html"));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "003.html must be GBK bytes"
    );
    assert!(!String::from_utf8_lossy(&bytes)
        .to_ascii_lowercase()
        .contains("charset"));
    let doc = convert(&bytes);
    let enc = doc.source.encoding.as_ref().unwrap();
    assert_eq!(
        (enc.name.as_str(), enc.evidence),
        ("gb18030", EncodingEvidence::Guessed)
    );
    assert_eq!(enc.replaced, 0);
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == gongwen::model::Code::CharsetGuessed));
    assert_eq!(
        doc.meta.source_site.as_deref(),
        Some("中共郑州航空港经济综合实验区工作委员会")
    );
    assert_eq!(doc.meta.published_date.as_deref(), Some("2024-09-10"));
    assert_eq!(body_lines(&doc)[1], "关于巡视整改情况的通报");
}

#[test]
fn sample_002_glued_info_line() {
    let doc = convert_path(&util::sample("002.html"));
    assert_eq!(doc.meta.published_date.as_deref(), Some("2023-03-02"));
    assert_eq!(
        doc.meta.source_site.as_deref(),
        Some("株洲高新区董家塅片区")
    );
    assert_eq!(doc.meta.author.as_deref(), Some("株洲高新区董家塅片区"));
}

#[test]
fn samples_are_what_the_script_makes() {
    // The committed samples must match the script's output (deterministic rendering).
    let Some(seeds) = util::shared("seeds") else {
        crate::util::missing("../shared/seeds");
        return;
    };
    let out = std::env::temp_dir().join(format!("gongwen-samples-{}", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg(util::root().join("scripts/make_samples_html.py"))
        .arg(&seeds)
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .status();
    let Ok(status) = status else {
        crate::util::missing("python3");
        return;
    };
    assert!(status.success());
    for case in SAMPLES {
        assert!(
            util::bytes(&out.join(case.sample)) == util::bytes(&util::sample(case.sample)),
            "samples/{} differs from the script's output; rerun scripts/make_samples_html.py",
            case.sample
        );
    }
    let _ = std::fs::remove_dir_all(out);
}

// ---- the corpus -------------------------------------------------------------------------

#[test]
fn every_corpus_page_converts() {
    let dir = shared_or_skip!("corpus/html");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let doc = convert_path(&path);
        n += 1;
        assert!(!doc.blocks.is_empty(), "{}: no blocks", path.display());
        let enc = doc.source.encoding.as_ref().unwrap();
        assert_eq!(enc.replaced, 0, "{}", path.display());
        for b in &doc.blocks {
            assert!(
                !b.text.contains('\u{FFFD}'),
                "{}: {:?}",
                path.display(),
                b.text
            );
        }
    }
    assert!(n >= 7, "expected the 7 corpus pages, saw {n}");
}

#[test]
fn corpus_page_declaring_gb2312_with_utf8_bytes() {
    let path = shared_or_skip!("corpus/html/gne_people_1.html");
    let doc = convert_path(&path);
    let enc = doc.source.encoding.as_ref().unwrap();
    assert_eq!(enc.name, "UTF-8");
    assert_eq!(enc.evidence, EncodingEvidence::DeclarationOverruled);
    assert_eq!(enc.declared.as_deref(), Some("gb2312"));
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == gongwen::model::Code::CharsetOverruled));
    // Read in the page source: `<title>女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网`, whose
    // first segment is the page's <h1>; and the first lines of the poem.
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("女儿出嫁，郑板桥画了几笔兰花当嫁妆")
    );
    assert_eq!(doc.meta.column.as_deref(), Some("文化"));
    assert_eq!(doc.meta.site_name.as_deref(), Some("人民网"));
    assert!(body_lines(&doc)
        .iter()
        .any(|l| l == "古人学问无遗力，少壮工夫老始成。"));
}

#[test]
fn corpus_real_gb2312_page() {
    let path = shared_or_skip!("corpus/html/jsoup_baidu-cn-home.html");
    let doc = convert_path(&path);
    let enc = doc.source.encoding.as_ref().unwrap();
    assert_eq!(
        (enc.name.as_str(), enc.evidence),
        ("gb18030", EncodingEvidence::MetaCharset)
    );
    assert_eq!(doc.meta.title.as_deref(), Some("百度一下，你就知道"));
}

struct GovCase {
    file: &'static str,
    title: &'static str,
    doc_number: &'static str,
    written: &'static str,
    issuer: &'static str,
    index: &'static str,
    first_sentence: &'static str,
}

/// Values read from the pages' 政府信息公开 tables and UCAP-CONTENT bodies by hand.
const GOV: &[GovCase] = &[
    GovCase {
        file: "corpus/html/platform1_ge_policy_raw20190217.sql_id3.html",
        title: "国务院关于印发国家职业教育改革实施方案的通知",
        doc_number: "国发〔2019〕4号",
        written: "2019-01-24",
        issuer: "国务院",
        index: "000014349/2019-00005",
        first_sentence: "现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。",
    },
    GovCase {
        file: "corpus/html/platform1_ge_policy_raw20190217.sql_id4.html",
        title: "国务院办公厅关于加强三级公立医院绩效考核工作的意见",
        doc_number: "国办发〔2019〕4号",
        written: "2019-01-16",
        issuer: "国务院办公厅",
        index: "000014349/2019-00004",
        first_sentence: "为进一步深化公立医院改革，推进现代医院管理制度建设，",
    },
    GovCase {
        file: "corpus/html/platform1_ge_policy_raw20190217.sql_id49.html",
        title: "国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报",
        doc_number: "国办发〔2004〕7号",
        written: "2004-01-16",
        issuer: "国务院办公厅",
        index: "000014349/2004-00202",
        first_sentence: "2003年，全国安全生产形势总体稳定，",
    },
];

#[test]
fn gov_cn_pages_metadata_table_and_body_start() {
    shared_or_skip!("corpus/html");
    for case in GOV {
        let Some(path) = util::shared(case.file) else {
            continue;
        };
        let doc = convert_path(&path);
        let m = &doc.meta;
        assert_eq!(m.title.as_deref(), Some(case.title), "{}", case.file);
        assert_eq!(
            m.doc_number.as_deref(),
            Some(case.doc_number),
            "{}",
            case.file
        );
        assert_eq!(
            m.written_date.as_deref(),
            Some(case.written),
            "{}",
            case.file
        );
        assert_eq!(m.issuer.as_deref(), Some(case.issuer), "{}", case.file);
        assert_eq!(m.index_number.as_deref(), Some(case.index), "{}", case.file);
        // The body starts with the notice itself: title (split over lines), 发文字号, 主送机关,
        // then the first sentence; nothing of the metadata table comes before it.
        let joined: String = body_lines(&doc).concat();
        let start = format!(
            "{}{}各省、自治区、直辖市人民政府，国务院各部委、各直属机构：{}",
            case.title, case.doc_number, case.first_sentence
        );
        assert!(
            joined.starts_with(&start),
            "{}: body starts {:?}",
            case.file,
            joined.chars().take(120).collect::<String>()
        );
    }
}

#[test]
fn gov_cn_indicator_table_is_a_table_block() {
    let path = shared_or_skip!("corpus/html/platform1_ge_policy_raw20190217.sql_id4.html");
    let doc = convert_path(&path);
    let table = doc
        .blocks
        .iter()
        .find_map(|b| b.table.as_ref())
        .expect("a table block");
    let header: Vec<&str> = table.rows[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        header,
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标说明"]
    );
    assert!(table.rows.len() > 50);
    assert!(table.rows.iter().flatten().any(|c| c.row_span > 1));
}

// ---- bad input -------------------------------------------------------------------------

fn html_opts() -> Options {
    let mut opts = Options::default();
    opts.read.format = Some(Format::Html);
    opts
}

#[test]
fn empty_input_is_a_clear_error() {
    let err = gongwen::convert(b"", &html_opts()).unwrap_err();
    assert_eq!(err.code(), "empty");
}

#[test]
fn binary_garbage_never_panics() {
    // A fixed pseudo-random byte string (xorshift), forced through the HTML reader.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let doc = gongwen::convert(&bytes, &html_opts()).expect("lossy, not fatal");
    assert!(!doc.warnings.is_empty());
    // Sniffed instead of forced, garbage is refused with a typed error.
    assert!(gongwen::convert(&bytes, &Options::default()).is_err());
}

#[test]
fn invalid_utf8_declared_utf8_is_replaced_and_counted() {
    let mut bytes = b"<html><head><meta charset=\"utf-8\"></head><body><p>".to_vec();
    bytes.extend_from_slice("根据省委统一部署，".as_bytes());
    bytes.extend_from_slice(b"\xff\xfe\xc3");
    bytes.extend_from_slice("现将巡视整改情况予以公布。".as_bytes());
    bytes.extend_from_slice(b"</p></body></html>");
    let doc = gongwen::convert(&bytes, &Options::default()).unwrap();
    let enc = doc.source.encoding.as_ref().unwrap();
    assert_eq!(enc.name, "UTF-8");
    assert!(enc.replaced >= 2);
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == gongwen::model::Code::UndecodableBytes));
    assert!(body_lines(&doc)[0].starts_with("根据省委统一部署，"));
}

#[test]
fn fifty_megabytes_of_html() {
    let para =
        "<p>根据省委统一部署，省委巡视组对本单位进行了巡视，现将巡视整改进展情况予以公布。</p>\n";
    let mut page =
        String::from("<html><head><meta charset=\"utf-8\"><title>大文件</title></head><body><div>");
    while page.len() < 50 * 1024 * 1024 {
        page.push_str(para);
    }
    page.push_str("</div></body></html>");
    let doc = gongwen::convert(page.as_bytes(), &Options::default()).expect("reads");
    assert!(doc.blocks.len() > 100_000);
    // Under a smaller input limit the same page is refused with the limit named.
    let mut opts = Options::default();
    opts.read.limits.input_bytes = 10 * 1024 * 1024;
    let err = gongwen::convert(page.as_bytes(), &opts).unwrap_err();
    assert_eq!(err.code(), "limit_exceeded");
    assert!(err.to_string().contains("input_bytes"), "{err}");
}

#[test]
fn absurd_nesting_is_flattened_with_a_warning() {
    let depth = 200_000;
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("<p>根据省委统一部署，现将巡视整改进展情况予以公布。</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let doc = gongwen::convert(page.as_bytes(), &Options::default()).expect("reads");
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == gongwen::model::Code::LimitReached));
    assert!(body_lines(&doc)
        .iter()
        .any(|l| l.contains("现将巡视整改进展情况予以公布")));
}

// ---- the metadata pass on text input ---------------------------------------------------

#[test]
fn seeds_as_text_have_their_metadata_lines_moved_to_meta() {
    shared_or_skip!("seeds");
    struct Want {
        seed: &'static str,
        source_site: Option<&'static str>,
        published: &'static str,
        gone: &'static [&'static str],
    }
    let cases = [
        Want {
            seed: "000",
            source_site: None,
            published: "2023-07-14",
            gone: &["索引号", "发布机构", "名称:", "文号:", "主题词", "发布日期"],
        },
        Want {
            seed: "001",
            source_site: Some("南粤清风网"),
            published: "2021-11-23",
            gone: &["来源:南粤清风网"],
        },
        Want {
            seed: "002",
            source_site: Some("株洲高新区董家塅片区"),
            published: "2023-03-02",
            gone: &["更新时间"],
        },
        Want {
            seed: "003",
            source_site: Some("中共郑州航空港经济综合实验区工作委员会"),
            published: "2024-09-10",
            gone: &["来源:中共郑州"],
        },
    ];
    for want in cases {
        let path = util::seed_path(want.seed).unwrap();
        let doc = convert_path(&path);
        assert_eq!(doc.source.format, Some(Format::Text));
        assert_eq!(
            doc.meta.source_site.as_deref(),
            want.source_site,
            "{}",
            want.seed
        );
        assert_eq!(
            doc.meta.published_date.as_deref(),
            Some(want.published),
            "{}",
            want.seed
        );
        for line in body_lines(&doc) {
            for g in want.gone {
                assert!(
                    !line.starts_with(g),
                    "{}: {line:?} left in the body",
                    want.seed
                );
            }
        }
    }
    let doc = convert_path(&util::seed_path("000").unwrap());
    let m = &doc.meta;
    assert_eq!(
        m.index_number.as_deref(),
        Some("12440114766117763P/2023-00029")
    );
    assert_eq!(m.issuer.as_deref(), Some("广州市花都区空港经济管理委员会"));
    assert_eq!(m.written_date.as_deref(), Some("2023-07-14"));
    assert_eq!(m.doc_number, None);
    // Body sentences with a colon further down stay in the body.
    assert!(body_lines(&doc)
        .iter()
        .any(|l| l.contains("电话：020-36993133")));
}

/// A gzip-compressed page (`.html.gz`, as crawlers store them) reads exactly like the page;
/// only the source facts say it was compressed.
#[test]
fn gzipped_page_reads_like_the_page() {
    use std::io::Write;
    let path = util::root().join("samples/003.html");
    let plain = util::bytes(&path);
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&plain).unwrap();
    let gz = encoder.finish().unwrap();
    let mut opts = Options::default();
    opts.read.file_name = Some("003.html.gz".into());
    let doc = gongwen::convert(&gz, &opts).unwrap();
    let reference = convert_path(&path);
    assert_eq!(doc.source.compression.as_deref(), Some("gzip"));
    assert_eq!(doc.source.bytes, gz.len() as u64);
    assert_eq!(doc.source.encoding, reference.source.encoding);
    assert_eq!(doc.blocks, reference.blocks);
    assert_eq!(doc.meta, reference.meta);
    assert_eq!(doc.notice, reference.notice);

    // Cut in half: what inflated is read, with a damaged_file warning; the title survives.
    let doc = gongwen::convert(&gz[..gz.len() / 2], &opts).unwrap();
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == gongwen::model::Code::DamagedFile && w.message.contains("gzip")));
    assert_eq!(doc.meta.title, reference.meta.title);
}
