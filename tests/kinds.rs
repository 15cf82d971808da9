//! Documents other than notices: statutes (第X章/第X条 with 项 lists), 办法 with 节 and a
//! table of contents, decimal-numbered emergency plans. Fixtures and their sources:
//! tests/fixtures/kinds/README.md. Every expected value was read off the fixture by hand.

use gongwen::model::{BlockKind, Code, Document, Section};
use gongwen::{Format, HeadingKind, Options};

use crate::util::root;

fn fixture(name: &str) -> Document {
    let path = root().join("tests/fixtures/kinds").join(name);
    let bytes = std::fs::read(&path).expect("fixture is in the repository");
    let mut opts = Options::default();
    opts.read.format = Some(Format::Text);
    gongwen::convert(&bytes, &opts).expect("fixture converts")
}

/// `(level, number, title)` of every section, depth first.
fn outline(doc: &Document) -> Vec<(u8, String, String)> {
    fn walk(s: &[Section], out: &mut Vec<(u8, String, String)>) {
        for s in s {
            out.push((
                s.level,
                s.number.clone().unwrap_or_default(),
                s.title.clone(),
            ));
            walk(&s.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&doc.sections, &mut out);
    out
}

fn find<'a>(sections: &'a [Section], number: &str) -> Option<&'a Section> {
    sections.iter().find_map(|s| {
        if s.number.as_deref() == Some(number) {
            Some(s)
        } else {
            find(&s.children, number)
        }
    })
}

fn gaps(doc: &Document) -> usize {
    doc.warnings
        .iter()
        .filter(|w| w.code == Code::NumberingGap)
        .count()
}

fn texts(doc: &Document, indices: &[u32]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| doc.blocks[i as usize].text.clone())
        .collect()
}

#[test]
fn statute_articles_are_sections_and_their_items_a_list() {
    // 国徽法: 19 articles, no chapters; 第四条 lists nine organs (（一）…；…（九）…。).
    let doc = fixture("guohui_fa.txt");
    let outline = outline(&doc);
    assert_eq!(outline.len(), 19, "{outline:?}");
    assert!(outline.iter().all(|(level, _, _)| *level == 1));
    assert_eq!(outline[11].1, "第十二条");
    assert_eq!(gaps(&doc), 0, "{:?}", doc.warnings);
    let art12 = find(&doc.sections, "第十二条").expect("第十二条 can be cited");
    assert_eq!(art12.kind, Some(HeadingKind::Article));
    assert_eq!(art12.article, Some(12));
    assert_eq!(
        texts(&doc, &art12.content),
        ["在本法规定的范围以外需要悬挂国徽或者使用国徽图案的，由全国人民代表大会常务委员会办公厅或者国务院办公厅会同有关主管部门规定。"]
    );
    // 第十六条: a lead-in, three sizes, a closing paragraph; no item is a heading.
    let art16 = find(&doc.sections, "第十六条").expect("第十六条");
    assert!(art16.children.is_empty());
    let items: Vec<(String, String)> = art16
        .content
        .iter()
        .map(|&i| &doc.blocks[i as usize])
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(|b| (b.number.clone().unwrap_or_default(), b.text.clone()))
        .collect();
    assert_eq!(
        items,
        [
            ("（一）".to_string(), "一百厘米；".to_string()),
            ("（二）".to_string(), "八十厘米；".to_string()),
            ("（三）".to_string(), "六十厘米。".to_string()),
        ]
    );
    let art4 = find(&doc.sections, "第四条").expect("第四条");
    assert_eq!(
        art4.content.len(),
        11,
        "lead-in, nine items, closing paragraph"
    );
    assert!(doc
        .blocks
        .iter()
        .all(|b| b.kind != BlockKind::Heading
            || b.number.as_deref().is_some_and(|n| n.ends_with('条'))));
}

#[test]
fn article_number_keeps_its_separator_in_text() {
    let doc = fixture("guohui_fa.txt");
    let mut out = Vec::new();
    gongwen::render::text(&doc, &mut out).expect("renders");
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("\n第一条 为了维护国徽的尊严"), "{text}");
    assert!(!text.contains("第一条为了"));
}

#[test]
fn chapters_hold_their_articles() {
    let doc = fixture("junren_diwei_fa_excerpt.txt");
    let chapters: Vec<(u8, String, String)> = doc
        .sections
        .iter()
        .map(|s| {
            (
                s.level,
                s.number.clone().unwrap_or_default(),
                s.title.clone(),
            )
        })
        .collect();
    assert_eq!(
        chapters,
        [
            (1, "第一章".into(), "总则".into()),
            (1, "第二章".into(), "军人地位".into()),
            (1, "第七章".into(), "附则".into()),
        ]
    );
    assert!(doc
        .sections
        .iter()
        .all(|s| s.kind == Some(HeadingKind::Chapter)));
    let numbers: Vec<Option<u32>> = doc.sections[2].children.iter().map(|s| s.article).collect();
    assert_eq!(numbers, [Some(68), Some(69), Some(70), Some(71)]);
    assert!(doc.sections[2].children.iter().all(|s| s.level == 2));
    // The excerpt skips chapters 3-6 and articles 5-11, 14-67: the check says so.
    assert_eq!(gaps(&doc), 3, "{:?}", doc.warnings);
}

#[test]
fn banfa_with_sections_contents_and_nested_items() {
    let doc = fixture("banfa_rendering.txt");
    let contents: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.contents)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        contents,
        [
            "目录",
            "第一章 总则",
            "第二章 设立与管理",
            "第一节 设立",
            "第二节 管理",
            "第三章 附则"
        ]
    );
    assert_eq!(
        outline(&doc),
        [
            (1, "第一章".into(), "总则".into()),
            (2, "第一条".into(), String::new()),
            (2, "第二条".into(), String::new()),
            (1, "第二章".into(), "设立与管理".into()),
            (2, "第一节".into(), "设立".into()),
            (3, "第三条".into(), String::new()),
            (3, "第三条之一".into(), String::new()),
            (2, "第二节".into(), "管理".into()),
            (3, "第四条".into(), "服务时间".into()),
            (1, "第三章".into(), "附则".into()),
            (2, "第五条".into(), String::new()),
        ]
    );
    assert_eq!(gaps(&doc), 0, "{:?}", doc.warnings);
    let art4 = find(&doc.sections, "第四条").expect("第四条");
    let numbers: Vec<String> = art4
        .content
        .iter()
        .filter_map(|&i| doc.blocks[i as usize].number.clone())
        .collect();
    assert_eq!(numbers, ["（一）", "（二）", "1.", "2.", "（三）"]);
    assert_eq!(
        find(&doc.sections, "第三条之一").and_then(|s| s.article),
        Some(3)
    );
}

#[test]
fn decimal_plan_levels_follow_depth() {
    let doc = fixture("yuan_decimal_rendering.txt");
    assert_eq!(
        outline(&doc),
        [
            (1, "1".into(), "总则".into()),
            (2, "1.1".into(), "编制目的".into()),
            (2, "1.2".into(), "适用范围".into()),
            (1, "2".into(), "组织体系".into()),
            (2, "2.1".into(), "指挥机构".into()),
            (3, "2.1.1".into(), "指挥部组成".into()),
            (3, "2.1.2".into(), "指挥部职责".into()),
            (2, "第2.2条".into(), "专家组".into()),
        ]
    );
    assert_eq!(gaps(&doc), 0, "{:?}", doc.warnings);
    assert_eq!(doc.blocks.iter().filter(|b| b.contents).count(), 6);
    let mut out = Vec::new();
    gongwen::render::text(&doc, &mut out).expect("renders");
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("\n1.1 编制目的\n"), "{text}");
    assert!(text.contains("\n2.1.1 指挥部组成\n"));
}

fn convert_text(text: &str, normalize: bool) -> Document {
    let mut opts = Options::default();
    opts.read.format = Some(Format::Text);
    if !normalize {
        opts.normalize = gongwen::NormalizeOptions::none();
    }
    gongwen::convert(text.as_bytes(), &opts).expect("text converts")
}

#[test]
fn decree_signed_by_the_premier() {
    // Own rendering of the layout of a 国务院令 (a decree promulgating a regulation).
    let text = "中华人民共和国国务院令\n第709号\n《某某暂行条例》已经2014年7月23日国务院第57次常务会议通过，现予公布，自2014年10月1日起施行。\n总理　李克强\n2014年8月7日\n";
    for normalize in [true, false] {
        let doc = convert_text(text, normalize);
        let sig = doc.signature.as_ref().expect("signed");
        assert_eq!(sig.issuers, ["总理 李克强"], "normalize: {normalize}");
        assert_eq!(sig.date.as_deref(), Some("2014-08-07"));
    }
}

#[test]
fn seal_placeholders_are_not_issuers_and_ascii_colon_addressee() {
    // Own rendering of a 批复 template with seal placeholders and an ASCII-colon 主送.
    let text = "某某市人民政府关于同意设立某某开发区的批复\n某某区人民政府:\n你区《关于设立某某开发区的请示》收悉。经研究，现批复如下：\n一、同意设立某某开发区。\n二、请你区抓好落实。\n[院印]\n某某市人民政府\n（此处添加印章）\n2023年5月6日\n";
    for normalize in [true, false] {
        let doc = convert_text(text, normalize);
        assert_eq!(doc.parts.addressee.as_deref(), Some("某某区人民政府"));
        let sig = doc.signature.as_ref().expect("signed");
        assert_eq!(sig.issuers, ["某某市人民政府"], "normalize: {normalize}");
        assert!(doc
            .blocks
            .iter()
            .filter(|b| b.text.contains("印"))
            .all(|b| b.kind == BlockKind::Closing));
    }
    let doc = convert_text(
        "某某县人民政府关于做好防汛工作的通知\n各乡镇人民政府:\n现将有关事项通知如下。欢迎监督，联系电话：0731-8432 6658。\n某某县人民政府\n（盖章）\n2023年5月6日\n",
        true,
    );
    assert_eq!(
        doc.signature.as_ref().map(|s| s.issuers.clone()),
        Some(vec!["某某县人民政府".to_string()])
    );
    assert_eq!(doc.contacts.phones, ["0731-84326658"]);
}

#[test]
fn word_requirements_document_chapters_and_decimals() {
    // A real DOCX from the corpus, read in place: 目录, then 第一章…第六章 with `2.1.` / `3.1.1.`
    // numbering from Word's multilevel lists.
    let Some(path) =
        crate::util::shared("corpus/docx/platform1_83562dae-44c6-4dcc-8894-61567d01bae3.docx")
    else {
        return;
    };
    let bytes = std::fs::read(path).expect("corpus file reads");
    let doc = gongwen::convert(&bytes, &Options::default()).expect("converts");
    let chapters: Vec<String> = doc.sections.iter().map(|s| s.title.clone()).collect();
    assert_eq!(
        chapters,
        [
            "引言",
            "项目简介",
            "功能（业务）需求",
            "非功能需求",
            "外部系统接口需求",
            "设计约束"
        ]
    );
    let ch2: Vec<(u8, String, String)> = doc.sections[1]
        .children
        .iter()
        .map(|s| {
            (
                s.level,
                s.number.clone().unwrap_or_default(),
                s.title.clone(),
            )
        })
        .collect();
    assert_eq!(ch2[0], (2, "2.1.".into(), "编写目的".into()));
    assert_eq!(ch2.len(), 5);
    let s3101 = find(&doc.sections, "3.10.3.1.").expect("a fourth-level decimal heading");
    assert_eq!((s3101.level, s3101.title.as_str()), (4, "政策分类"));
    assert_eq!(gaps(&doc), 0, "{:?}", doc.warnings);
    let contents = doc.blocks.iter().filter(|b| b.contents).count();
    assert!(contents > 50, "目录 and its entries are marked: {contents}");
    assert_eq!(
        doc.blocks
            .iter()
            .find(|b| b.contents)
            .map(|b| b.text.as_str()),
        Some("目录")
    );
}
