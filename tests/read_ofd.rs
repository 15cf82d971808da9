//! The OFD reader: generated samples against their seeds, the real files of the corpus, and
//! malformed packages.

use gongwen::model::{BlockKind, Code};
use gongwen::read::{self, Extracted};
use gongwen::{Error, Format, NormalizeOptions, Options, ReadOptions};

use crate::shared_or_skip;
use crate::util::{self, cer};

fn read_bytes(bytes: &[u8]) -> gongwen::Result<Extracted> {
    read::read(bytes, &ReadOptions::default())
}

/// Read as OFD whatever the bytes look like (malformed packages do not sniff as OFD).
fn read_forced(bytes: &[u8]) -> gongwen::Result<Extracted> {
    let mut opts = ReadOptions::default();
    opts.format = Some(Format::Ofd);
    read::read(bytes, &opts)
}

fn read_path(path: &std::path::Path) -> Extracted {
    read_bytes(&util::bytes(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Normalize line by line: the normalizer joins wrapped lines, and the lines here are
/// paragraphs, not wraps.
fn norm(s: &str) -> String {
    s.split('\n')
        .map(|l| gongwen::normalize::text(l, &NormalizeOptions::default()).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn text_of(ex: &Extracted) -> String {
    ex.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Assert that `needles` occur in `hay` in this order.
fn assert_in_order(hay: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        match hay.get(from..).and_then(|h| h.find(n)) {
            Some(i) => from += i + n.len(),
            None => panic!("{n:?} missing or out of order in:\n{hay}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Samples made by scripts/make_samples_ofd.py from the seeds.

struct SampleSeed {
    prefix: &'static str,
    /// The first title line as the seed writes it, and how many lines the title has.
    first_title: &'static str,
    title_lines: usize,
    pages: u32,
}

const SAMPLES: &[SampleSeed] = &[
    SampleSeed {
        prefix: "000",
        first_title: "中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报",
        title_lines: 1,
        pages: 14,
    },
    SampleSeed {
        prefix: "003",
        first_title: "中共郑州航空港经济综合实验区工作委员会",
        title_lines: 2,
        pages: 13,
    },
];

/// The seed's notice as the generator takes it: from the title line to the end, without
/// `来源:`/`发布日期:` lines and blank lines; (title lines, body paragraphs).
fn seed_notice(s: &SampleSeed) -> Option<(Vec<String>, Vec<String>)> {
    let path = util::seed_path(s.prefix)?;
    let text = std::fs::read_to_string(path).ok()?;
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    let start = lines.iter().position(|l| *l == s.first_title)?;
    let body: Vec<String> = lines[start..]
        .iter()
        .filter(|l| {
            !l.is_empty()
                && !["来源:", "来源：", "发布日期:", "发布日期："]
                    .iter()
                    .any(|p| l.starts_with(p))
        })
        .map(|l| l.to_string())
        .collect();
    let (title, paras) = body.split_at(s.title_lines);
    Some((title.to_vec(), paras.to_vec()))
}

#[test]
fn samples_give_the_seed_text_in_order_without_furniture() {
    for s in SAMPLES {
        let Some((title, paras)) = seed_notice(s) else {
            crate::util::missing(&format!("seed {}", s.prefix));
            return;
        };
        let ex = read_path(&util::sample(&format!("{}.ofd", s.prefix)));
        let got = text_of(&ex);
        // Line and paragraph breaks are the layout step's business; here every character must be
        // there, in order, and nothing else (no running header, no page number).
        let want = format!("{}{}", title.join(""), paras.join(""));
        let rate = cer(&squeeze(&norm(&want)), &squeeze(&norm(&got)));
        assert!(rate <= 0.005, "{}: CER {rate:.4}", s.prefix);
        let full_title = title.join("");
        assert_eq!(
            squeeze(&got).matches(&full_title).count(),
            1,
            "{}: the running header (the title on every page) leaked into the body",
            s.prefix
        );
        for n in 1..=s.pages {
            let number = format!("— {n} —");
            assert!(!got.contains(&number), "{}: {number} leaked", s.prefix);
        }
        assert_eq!(ex.source.pages, Some(s.pages));
    }
}

#[test]
fn samples_paragraphs_title_and_signature_match_the_seed() {
    for s in SAMPLES {
        let Some((title, paras)) = seed_notice(s) else {
            crate::util::missing(&format!("seed {}", s.prefix));
            return;
        };
        let bytes = util::bytes(&util::sample(&format!("{}.ofd", s.prefix)));
        let doc = gongwen::convert(&bytes, &Options::default()).unwrap();
        // The text rendering puts heading numbers back in front of their headings.
        let text = gongwen::render::to_string(&doc, gongwen::OutputFormat::Text);
        let want = norm(&format!("{}\n{}", title.join(""), paras.join("\n")));
        let rate = cer(&want, text.trim_end());
        assert!(rate <= 0.005, "{}: CER {rate:.4}", s.prefix);
        let got_title = doc.blocks.iter().find(|b| b.kind == BlockKind::Title);
        assert_eq!(
            got_title.map(|b| squeeze(&b.text)),
            Some(squeeze(&norm(&title.join(""))))
        );
        let sig = doc.signature.as_ref().expect("signature");
        let organ = &paras[paras.len() - 2];
        assert_eq!(sig.issuers, vec![norm(organ)]);
        let date = match s.prefix {
            "000" => "2023-07-14",
            _ => "2024-09-03",
        };
        assert_eq!(sig.date.as_deref(), Some(date));
        assert!(!doc.blocks.iter().any(|b| b.text.contains("— ")));
    }
}

/// The heading tree without block indices: one line per heading, indented by depth.
fn outline(sections: &[gongwen::Section], depth: usize, out: &mut String) {
    for s in sections {
        out.push_str(&format!(
            "{}{} {}{}\n",
            "  ".repeat(depth),
            s.level,
            s.number.as_deref().unwrap_or(""),
            squeeze(&s.title)
        ));
        outline(&s.children, depth + 1, out);
    }
}

#[test]
fn samples_sections_equal_those_of_the_seed_as_text() {
    for s in SAMPLES {
        let Some(seed) = util::seed_path(s.prefix) else {
            crate::util::missing(&format!("seed {}", s.prefix));
            return;
        };
        let from_text = gongwen::convert(&util::bytes(&seed), &Options::default()).unwrap();
        let ofd = util::bytes(&util::sample(&format!("{}.ofd", s.prefix)));
        let from_ofd = gongwen::convert(&ofd, &Options::default()).unwrap();
        let (mut want, mut got) = (String::new(), String::new());
        outline(&from_text.sections, 0, &mut want);
        outline(&from_ofd.sections, 0, &mut got);
        assert!(!want.is_empty(), "{}: the seed has headings", s.prefix);
        assert_eq!(got, want, "{}", s.prefix);
    }
}

#[test]
fn sample_facts_hints_and_seal() {
    let ex = read_path(&util::sample("000.ofd"));
    assert_eq!(ex.source.version.as_deref(), Some("1.0"));
    assert_eq!(
        ex.source.producer.as_deref(),
        Some("gongwen make_samples_ofd.py 1.0")
    );
    assert_eq!(ex.source.created.as_deref(), Some("2023-07-14"));
    assert_eq!(
        ex.meta.title.as_deref(),
        Some("中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报")
    );
    assert_eq!(
        ex.meta.author.as_deref(),
        Some("中共广州市花都区空港经济管理委员会党组")
    );
    let sigs = &ex.source.signatures;
    assert_eq!(sigs.len(), 1);
    assert_eq!(
        sigs[0].signer.as_deref(),
        Some("中共广州市花都区空港经济管理委员会党组")
    );
    assert_eq!(sigs[0].date.as_deref(), Some("2023-07-14T09:00:00"));
    assert_eq!(sigs[0].kind.as_deref(), Some("seal"));
    // Title in 方正小标宋简体 22 pt, 一、 headings in 黑体, body 仿宋_GB2312 16 pt.
    let first = &ex.blocks[0];
    assert_eq!(first.hints.font.as_deref(), Some("方正小标宋简体"));
    assert_eq!(first.hints.font_size, Some(22.0));
    let h1 = ex
        .blocks
        .iter()
        .find(|b| b.text.starts_with("一、"))
        .expect("a 一、 heading");
    assert_eq!(h1.hints.font.as_deref(), Some("黑体"));
    let body = ex
        .blocks
        .iter()
        .find(|b| b.text.starts_with("根据区委统一部署"))
        .expect("the opening paragraph");
    assert_eq!(body.hints.font.as_deref(), Some("仿宋_GB2312"));
    assert_eq!(body.hints.font_size, Some(16.0));
    assert_eq!(body.origin.page, Some(1));

    let ex = read_path(&util::sample("003.ofd"));
    assert!(ex.source.signatures.is_empty());
    assert!(ex.warnings.is_empty(), "{:?}", ex.warnings);
}

// ---------------------------------------------------------------------------------------------
// The corpus.

#[test]
fn corpus_n_red_header_reply_reader_level() {
    let path = shared_or_skip!("corpus/ofd/ofdrw_n.ofd");
    let ex = read_path(&path);
    let text = text_of(&ex);
    assert_in_order(
        &text,
        &[
            "路桥区卫生局文件",
            "路卫发〔2011〕76号",
            "关于同意张阿三同志辞职的批复",
            "区中医院：",
            "同意张阿三同志辞职。",
            "测试符路桥区卫生局办公室",
            "2011年3月10日",
            "测试符路桥区卫生局办公室",
            "2011年3月10日印发",
        ],
    );
    assert_eq!(ex.source.pages, Some(2));
    assert_eq!(ex.source.created.as_deref(), Some("2020-01-25"));
    assert!(ex
        .source
        .producer
        .as_deref()
        .is_some_and(|p| p.contains("iOFD")));
    // The 发文机关标志 is red, bold, 小标宋体.
    let mark = ex
        .blocks
        .iter()
        .find(|b| b.text.contains("路桥区卫生局文件"))
        .unwrap();
    assert!(mark.hints.red && mark.hints.bold);
    assert_eq!(mark.hints.font.as_deref(), Some("小标宋体"));
    // Signed, with a readable seal.
    let sigs = &ex.source.signatures;
    assert_eq!(sigs.len(), 1);
    assert_eq!(
        sigs[0].signer.as_deref(),
        Some("某某省人力资源和社会测试章")
    );
    assert_eq!(sigs[0].date.as_deref(), Some("2020-01-25T15:31:56"));
    assert_eq!(sigs[0].kind.as_deref(), Some("seal"));
}

#[test]
fn corpus_n_red_header_reply_parsed() {
    let path = shared_or_skip!("corpus/ofd/ofdrw_n.ofd");
    let doc = gongwen::convert(&util::bytes(&path), &Options::default()).unwrap();
    assert!(doc
        .parts
        .issuer_mark
        .as_deref()
        .is_some_and(|m| m.ends_with("路桥区卫生局文件")));
    let number = doc.parts.doc_number.as_ref().expect("发文字号");
    assert_eq!(number.text, "路卫发〔2011〕76号");
    assert_eq!(
        (number.organ.as_str(), number.year, number.serial),
        ("路卫发", 2011, 76)
    );
    let title = doc.blocks.iter().find(|b| b.kind == BlockKind::Title);
    assert_eq!(
        title.map(|b| b.text.as_str()),
        Some("关于同意张阿三同志辞职的批复")
    );
    assert_eq!(doc.parts.addressee.as_deref(), Some("区中医院"));
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(sig.issuers, vec!["测试符路桥区卫生局办公室".to_string()]);
    assert_eq!(sig.date.as_deref(), Some("2011-03-10"));
    assert_eq!(
        doc.parts.printed_by.as_deref(),
        Some("测试符路桥区卫生局办公室")
    );
    assert_eq!(doc.parts.printed_date.as_deref(), Some("2011-03-10"));
    assert!(!doc
        .blocks
        .iter()
        .any(|b| b.text.contains("— 1 —") || b.text.contains("— 2 —")));
    assert_eq!(doc.source.signatures.len(), 1);
}

#[test]
fn corpus_other_files_convert_with_text_in_reading_order() {
    // (file, strings in reading order, pages, signatures)
    let cases: &[(&str, &[&str], u32, usize)] = &[
        (
            "ofdrw_1.ofd",
            &[
                "发票代码：",
                "033002000211",
                "开票日期：",
                "2020年07月23日",
                "项目名称",
                "*餐饮服务*餐费",
                "价税合计（大写）",
                "收款人：",
            ],
            1,
            1,
        ),
        (
            "ofdrw_path_unstd.ofd",
            &[
                "立案决定书",
                "立案侦查。",
                "立案决定书",
                "（存根）",
                "案件名称",
            ],
            2,
            0,
        ),
        (
            "ofdrw_signout.ofd",
            &[
                "XX市政府文件处理",
                "府办专督〔2020〕24",
                "公文标题",
                "拟办意见",
                "处理意见",
            ],
            1,
            0,
        ),
        (
            "ofdrw_testImageOverridePage.ofd",
            &[
                "临翔区棚户区改造安置房二期",
                "临沧市临翔区自然资源局",
                "2022年08月23日",
            ],
            1,
            2,
        ),
        (
            "ofdrw_y.ofd",
            &[
                "数字档案室建设与实践",
                "建设新时代海关数字档案室",
                "海关总署",
            ],
            3,
            0,
        ),
    ];
    for (file, order, pages, sigs) in cases {
        let rel = format!("corpus/ofd/{file}");
        let path = shared_or_skip!(&rel);
        let ex = read_path(&path);
        // Forms leave gaps between a label and its filled-in value; spacing is not the point here.
        let squeezed: Vec<String> = order.iter().map(|s| squeeze(s)).collect();
        let needles: Vec<&str> = squeezed.iter().map(String::as_str).collect();
        assert_in_order(&squeeze(&text_of(&ex)), &needles);
        assert_eq!(ex.source.pages, Some(*pages), "{file}");
        assert_eq!(ex.source.signatures.len(), *sigs, "{file}");
        // The whole pipeline runs too.
        let doc = gongwen::convert(&util::bytes(&path), &Options::default()).unwrap();
        assert!(!doc.blocks.is_empty(), "{file}");
    }
}

#[test]
fn corpus_plain_signatures_name_the_certificate_subject() {
    let path = shared_or_skip!("corpus/ofd/ofdrw_testImageOverridePage.ofd");
    let ex = read_path(&path);
    // Two `Type="Sign"` PKCS#7 signatures; `openssl asn1parse` shows the first certificate's
    // issuer CN YNCA_SM2 and subject CN 一部手机办事通设备证书.
    for sig in &ex.source.signatures {
        assert_eq!(sig.kind.as_deref(), Some("sign"));
        assert_eq!(sig.signer.as_deref(), Some("一部手机办事通设备证书"));
        assert_eq!(sig.date.as_deref(), Some("2022-09-03T05:41:27"));
    }
}

#[test]
fn corpus_annotations_are_not_body_text() {
    let path = shared_or_skip!("corpus/ofd/ofdrw_signout.ofd");
    // Annots/Page_0/Annotation.xml draws a text note (测试文本注释) over the page.
    assert!(!text_of(&read_path(&path)).contains("测试文本注释"));
}

#[test]
fn corpus_invoice_seal_and_form_labels() {
    let path = shared_or_skip!("corpus/ofd/ofdrw_1.ofd");
    let ex = read_path(&path);
    // The invoice's labels live in its one-page template: they are body text, not furniture.
    assert!(text_of(&ex).contains("纳税人识别号："));
    let sig = &ex.source.signatures[0];
    assert_eq!(sig.signer.as_deref(), Some("国家税务总局浙江省税务局"));
    assert_eq!(sig.date.as_deref(), Some("2020-07-23T13:09:07"));
}

#[test]
fn corpus_files_survive_truncation() {
    let path = shared_or_skip!("corpus/ofd/ofdrw_n.ofd");
    let bytes = util::bytes(&path);
    for cut in (0..bytes.len()).step_by(997) {
        // Any outcome but a panic; errors must name what is wrong.
        if let Err(e) = read_forced(&bytes[..cut]) {
            assert!(!e.to_string().is_empty());
        }
    }
}

#[test]
fn damaged_bytes_never_panic() {
    // Deterministic byte flips and truncations of a sample: any outcome but a panic.
    let bytes = util::bytes(&util::sample("003.ofd"));
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..150 {
        let mut b = bytes.clone();
        for _ in 0..(1 + round % 8) {
            let i = (next() % b.len() as u64) as usize;
            b[i] = (next() & 0xFF) as u8;
        }
        if round % 3 == 0 {
            b.truncate((next() % b.len() as u64) as usize);
        }
        if let Err(e) = read_forced(&b) {
            assert!(!e.to_string().is_empty());
        }
    }
}

#[test]
fn damaged_page_xml_never_panics() {
    // Every prefix of a real page (at a stride) as the page content: a warning, never a panic.
    for cut in (0..PAGE_XML.len()).step_by(7) {
        let page = &PAGE_XML.as_bytes()[..cut];
        let ex = read_bytes(&package(OFD_XML, DOCUMENT_XML, page)).unwrap();
        assert!(ex.blocks.is_empty() || text_of(&ex) == "整改通报");
    }
}

// ---------------------------------------------------------------------------------------------
// Malformed packages, built here with the zip writer.

const OFD_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD"><ofd:DocBody>
<ofd:DocInfo><ofd:Title>测试</ofd:Title><ofd:Keywords><ofd:Keyword>巡察</ofd:Keyword><ofd:Keyword>整改</ofd:Keyword></ofd:Keywords>
<ofd:CustomDatas><ofd:CustomData Name="文种">通报</ofd:CustomData></ofd:CustomDatas></ofd:DocInfo>
<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#;

const DOCUMENT_XML: &str = r#"<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData>
<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>
<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#;

const PAGE_XML: &str = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">
<ofd:TextObject ID="3" Boundary="28 37 156 10" Size="5.6"><ofd:TextCode X="0" Y="8" DeltaX="g 3 5.6">整改通报</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;

fn package(ofd: impl AsRef<[u8]>, doc: impl AsRef<[u8]>, page: impl AsRef<[u8]>) -> Vec<u8> {
    crate::util::zip_of(&[
        ("OFD.xml", ofd.as_ref()),
        ("Doc_0/Document.xml", doc.as_ref()),
        ("Doc_0/Pages/Page_0/Content.xml", page.as_ref()),
    ])
}

fn malformed_reason(r: gongwen::Result<Extracted>) -> String {
    match r {
        Err(Error::Malformed { format, reason }) => {
            assert_eq!(format, Format::Ofd);
            reason
        }
        Err(e) => panic!("expected malformed, got {e}"),
        Ok(_) => panic!("expected malformed, got a document"),
    }
}

#[test]
fn a_minimal_package_reads() {
    let ex = read_bytes(&package(OFD_XML, DOCUMENT_XML, PAGE_XML)).unwrap();
    assert_eq!(text_of(&ex), "整改通报");
    assert_eq!(ex.source.version.as_deref(), Some("1.1"));
    assert_eq!(ex.meta.title.as_deref(), Some("测试"));
    assert_eq!(ex.meta.keywords, vec!["巡察", "整改"]);
    assert_eq!(ex.meta.extra[0].key, "文种");
    assert_eq!(ex.meta.extra[0].value, "通报");
    assert!(ex.warnings.is_empty());
}

#[test]
fn malformed_packages_give_clear_errors() {
    let no_ofd = crate::util::zip_of(&[("Doc_0/Document.xml", DOCUMENT_XML.as_bytes())]);
    assert!(malformed_reason(read_forced(&no_ofd)).contains("no OFD.xml"));

    let nowhere = OFD_XML.replace("Doc_0/Document.xml", "Doc_9/Document.xml");
    let r = read_bytes(&package(nowhere.as_bytes(), DOCUMENT_XML, PAGE_XML));
    assert!(malformed_reason(r).contains("DocRoot Doc_9/Document.xml points to no file"));

    let no_root = OFD_XML.replace("<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>", "");
    let r = read_bytes(&package(no_root.as_bytes(), DOCUMENT_XML, PAGE_XML));
    assert!(malformed_reason(r).contains("no DocRoot"));

    let no_body = br#"<ofd:OFD xmlns:ofd="x"></ofd:OFD>"#;
    let r = read_bytes(&package(no_body, DOCUMENT_XML, PAGE_XML));
    assert!(malformed_reason(r).contains("no DocBody"));

    let bad_xml = b"<ofd:OFD><ofd:DocBody></ofd:OFD>";
    let r = read_bytes(&package(bad_xml, DOCUMENT_XML, PAGE_XML));
    assert!(malformed_reason(r).contains("not well-formed"));

    let r = read_bytes(&package(OFD_XML, b"<ofd:Document><ofd:Pages>", PAGE_XML));
    assert!(malformed_reason(r).contains("Document.xml"));

    let r = read_forced(b"PK\x03\x04 this is no zip");
    assert!(malformed_reason(r).contains("zip"));
}

#[test]
fn a_damaged_page_is_a_warning() {
    let ex = read_bytes(&package(OFD_XML, DOCUMENT_XML, b"<ofd:Page><ofd:Content>")).unwrap();
    assert!(ex.blocks.is_empty());
    assert!(ex.warnings.iter().any(|w| w.code == Code::DamagedFile));
    assert_eq!(ex.source.pages, Some(1));
}

#[test]
fn a_document_without_pages_is_empty_with_a_warning() {
    let doc = DOCUMENT_XML.replace(
        r#"<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>"#,
        "",
    );
    let ex = read_bytes(&package(OFD_XML, doc, PAGE_XML)).unwrap();
    assert!(ex.blocks.is_empty());
    assert_eq!(ex.source.pages, Some(0));
    assert!(ex.warnings.iter().any(|w| w.code == Code::DamagedFile));
}

#[test]
fn zip_bombs_and_deep_xml_hit_limits() {
    let bomb = vec![b' '; 60 << 20];
    let r = read_bytes(&package(OFD_XML, DOCUMENT_XML, &bomb));
    assert!(
        matches!(r, Err(Error::LimitExceeded { .. })),
        "{:?}",
        r.map(|_| ())
    );
    let deep = format!(
        "<ofd:Page><ofd:Content>{}{}</ofd:Content></ofd:Page>",
        "<ofd:PageBlock>".repeat(5000),
        "</ofd:PageBlock>".repeat(5000)
    );
    let r = read_bytes(&package(OFD_XML, DOCUMENT_XML, deep.as_bytes()));
    assert!(matches!(
        r,
        Err(Error::LimitExceeded {
            what: gongwen::Limit::XmlDepth,
            ..
        })
    ));
}

#[test]
fn only_the_first_of_several_documents_is_read() {
    let two = OFD_XML.replace(
        "</ofd:DocBody></ofd:OFD>",
        "</ofd:DocBody><ofd:DocBody><ofd:DocRoot>Doc_1/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
    );
    let ex = read_bytes(&package(two.as_bytes(), DOCUMENT_XML, PAGE_XML)).unwrap();
    assert_eq!(text_of(&ex), "整改通报");
    assert!(ex
        .warnings
        .iter()
        .any(|w| w.code == Code::MultipleDocuments));
}

#[test]
fn non_standard_paths_resolve() {
    // Absolute DocRoot, backslashes and another case in BaseLoc.
    let ofd = OFD_XML.replace(
        "<ofd:DocRoot>Doc_0/Document.xml",
        "<ofd:DocRoot>/doc_0/document.XML",
    );
    let doc = DOCUMENT_XML.replace("Pages/Page_0/Content.xml", "Pages\\page_0\\content.xml");
    let ex = read_bytes(&package(ofd.as_bytes(), doc.as_bytes(), PAGE_XML)).unwrap();
    assert_eq!(text_of(&ex), "整改通报");
}

#[test]
fn page_and_operation_limits_warn_and_stop_early() {
    let bytes = util::bytes(&util::sample("003.ofd"));
    let full = read_bytes(&bytes).unwrap();
    let mut opts = ReadOptions::default();
    opts.limits.pages = 2;
    let ex = read::read(&bytes, &opts).unwrap();
    assert_eq!(ex.source.pages, Some(13), "the declared count");
    assert!(ex.blocks.iter().all(|b| b.origin.page <= Some(2)));
    assert!(ex.warnings.iter().any(|w| w.code == Code::LimitReached));
    let mut opts = ReadOptions::default();
    opts.limits.ops_per_page = 50;
    let ex = read::read(&bytes, &opts).unwrap();
    assert!(ex.warnings.iter().any(|w| w.code == Code::LimitReached));
    assert!(text_of(&ex).chars().count() < text_of(&full).chars().count());
}

// ---------------------------------------------------------------------------------------------
// Text objects drawn at `Size="1"` and scaled by their CTM (issue 16, item 9).

/// A real vendor file whose text objects are all `Size="1"` with a scaling CTM: the body lines
/// keep their characters in order, and the large title in the other half of the spread is a
/// line of its own instead of being merged into the two body lines its baseline falls between.
#[test]
fn scaling_ctm_lines_do_not_interleave_real_file() {
    let path = util::root().join("tests/fixtures/ofd/ofdrw-testImageNotFound.ofd");
    let ex = read_path(&path);
    let text = text_of(&ex);
    let lines: Vec<&str> = text.lines().collect();
    for want in [
        "应遵守下列规定：",
        "一、探矿权人应在批准的勘查范围内依法进行勘查活动。",
        "矿产资源勘查许可证",
        "四、《矿产资源勘查许可证》有效期满，需要延长勘查工作时间",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(want)),
            "{want:?} is not a line of:\n{text}"
        );
    }
    assert_in_order(
        &squeeze(&text),
        &[
            "探矿权人应遵守下列规定：",
            "一、探矿权人应在批准的勘查范围内",
        ],
    );
}

/// Our own rendering: body lines at `Size="1"` with `CTM="4.94 0 0 4.94 0 0"` (5 mm type,
/// 7.8 mm pitch), positions from `DeltaX` in object space, and a 15 mm title in the right
/// column whose baseline lies between the first two body lines.
#[test]
fn scaling_ctm_lines_do_not_interleave_rendering() {
    let line = |id: u32, x: f32, top: f32, ctm: f32, text: &str| {
        let n = text.chars().count();
        format!(
            r#"<ofd:TextObject ID="{id}" CTM="{ctm} 0 0 {ctm} 0 0" Boundary="{x} {top} {w} {h}" Size="1"><ofd:TextCode X="0" Y="0.8" DeltaX="g {g} 1">{text}</ofd:TextCode></ofd:TextObject>"#,
            w = n as f32 * ctm,
            h = ctm,
            g = n - 1
        )
    };
    let body = [
        line(3, 15.44, 71.32, 4.94, "应遵守下列规定："),
        line(4, 25.32, 79.11, 4.94, "一、探矿权人应在批准的范围内勘查。"),
        line(5, 25.32, 86.87, 4.94, "二、许可证不得转借、转让、买卖。"),
        line(6, 207.72, 67.95, 14.82, "勘查许可证"),
    ]
    .concat();
    let page = format!(
        r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">{body}</ofd:Layer></ofd:Content></ofd:Page>"#
    );
    let ex = read_bytes(&package(OFD_XML, DOCUMENT_XML, page)).unwrap();
    let text = text_of(&ex);
    let lines: Vec<&str> = text.lines().collect();
    for want in [
        "应遵守下列规定：",
        "一、探矿权人应在批准的范围内勘查。",
        "二、许可证不得转借、转让、买卖。",
        "勘查许可证",
    ] {
        assert!(lines.contains(&want), "{want:?} is not a line of:\n{text}");
    }
}

/// An OFD whose text reads like a failed OCR (seed lines with 30 % of the characters misread,
/// as `scripts/gen_pdf_fixtures.py` garbles them) gets `unreliable_text` and lists the page as
/// an OCR candidate; the samples above pass without it.
#[test]
fn failed_ocr_text_is_unreliable() {
    let lines = [
        "根1区季统-部l,2;0l2年81月24曰至i1|0月21日,匹委第`六巡察纽对匹_港委党组进行巡蔡12 023年;1月30日,i匹委迎",
        "一1加~纽织顿异、提高l想认识1。区空|委党纽'决把巡察螫改作`为党组一_项重大的_治任务抓紧抓实,严肃对 待巡察反;馈问题,诚恳i",
        "二1细~螫改l务、;逐l压实责1任。围|巡察反|馈问题,制定印_~了《区空港I委觉纽关于区委第六巡察组反馈意见 的整改丁作方I案》,i对`",
    ];
    let body: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                r#"<ofd:TextObject ID="{}" Boundary="20 {} 170 6" Size="2.5"><ofd:TextCode X="0" Y="5">{}</ofd:TextCode></ofd:TextObject>"#,
                3 + i,
                40 + 8 * i,
                l.replace('<', "&lt;")
            )
        })
        .collect();
    let page = format!(
        r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">{body}</ofd:Layer></ofd:Content></ofd:Page>"#
    );
    let ex = read_bytes(&package(OFD_XML, DOCUMENT_XML, page)).unwrap();
    assert_eq!(ex.unreliable_pages, [1], "{:?}", ex.warnings);
    assert!(ex
        .warnings
        .iter()
        .any(|w| w.code == Code::UnreliableText && w.message.contains("failed OCR")));
    let clean = read_bytes(&package(OFD_XML, DOCUMENT_XML, PAGE_XML)).unwrap();
    assert!(clean.unreliable_pages.is_empty());
}
