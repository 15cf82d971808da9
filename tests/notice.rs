//! Inspection-notice facts over the five seeds, checked against a reading of each text.

use gongwen::model::{Notice, ProblemStatus};
use gongwen::{Document, Format, Options};

use crate::util;

fn seed(prefix: &str) -> Option<Document> {
    let path = util::seed_path(prefix)?;
    let mut options = Options::default();
    options.read.format = Some(Format::Text);
    Some(gongwen::convert(&util::bytes(&path), &options).expect("seed converts"))
}

macro_rules! seed_or_skip {
    ($prefix:expr) => {
        match seed($prefix) {
            Some(d) => d,
            None => {
                crate::util::missing(&format!("seed {}", $prefix));
                return;
            }
        }
    };
}

fn notice(doc: &Document) -> &Notice {
    doc.notice.as_ref().expect("an inspection notice")
}

/// The characters of `text` in the char span `[start, end)`.
fn chars(text: &str, start: u32, end: u32) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn who_whom_when_in_every_seed() {
    // (seed, kind, follow_up, group, parent, target, start, end, feedback, report)
    #[rustfmt::skip]
    let cases = [
        ("000", "巡察", false, "区委第六巡察组", "区委", "区空港委党组",
         "2022-08-24", "2022-10-21", "2023-01-30", "2023-07-14"),
        ("001", "巡视", false, "省委第三巡视组", "省委", "广州市花都区",
         "2020-10-13", "2020-12-13", "2021-01-26", "2021-11-22"),
        ("002", "巡察", false, "区委第四巡察组", "区委", "株洲高新区董家塅片区党工委",
         "2022-03-01", "2022-04-30", "2022-06-07", "2022-10-24"),
        ("003", "巡视", false, "省委第四巡视组", "省委", "郑州航空港经济综合实验区",
         "2023-07-07", "2023-09-07", "2023-10-28", "2024-09-03"),
        // 004 names only the month of the feedback (`2022年4月`), kept as `YYYY-MM`.
        ("004", "巡察", true, "区委第三巡察组", "区委", "中共广州花都（清新）产业转移工业园委员会",
         "2021-12-06", "2021-12-31", "2022-04", "2022-06-30"),
    ];
    for (prefix, name, follow_up, group, parent, target, start, end, feedback, report) in cases {
        let doc = seed_or_skip!(prefix);
        let n = notice(&doc);
        assert_eq!(n.kind.name, name, "{prefix}");
        assert_eq!(n.kind.follow_up, follow_up, "{prefix}");
        assert!(!n.kind.special, "{prefix}");
        let insp = n.inspector.as_ref().expect("inspector");
        assert_eq!(insp.group, group, "{prefix}");
        assert_eq!(insp.parent.as_deref(), Some(parent), "{prefix}");
        assert_eq!(n.target.as_deref(), Some(target), "{prefix}");
        let p = n.period.as_ref().expect("period");
        assert_eq!(p.start.as_deref(), Some(start), "{prefix}");
        assert_eq!(p.end.as_deref(), Some(end), "{prefix}");
        assert_eq!(n.feedback_date.as_deref(), Some(feedback), "{prefix}");
        assert_eq!(n.report_date.as_deref(), Some(report), "{prefix}");
    }
}

#[test]
fn seed_003_every_figure_of_the_progress_paragraph() {
    let doc = seed_or_skip!("003");
    let n = notice(&doc);
    let (index, block) = doc
        .blocks
        .iter()
        .enumerate()
        .find(|(_, b)| b.text.contains("40个具体问题"))
        .expect("the progress paragraph");
    let got: Vec<(&str, f64, String)> = n
        .figures
        .iter()
        .filter(|f| f.block as usize == index)
        .map(|f| {
            assert!(block.text.contains(f.sentence.as_str()), "{}", f.sentence);
            (
                f.label.as_str(),
                f.value,
                chars(&block.text, f.span.start, f.span.end),
            )
        })
        .collect();
    let want = [
        ("problems_found", 40.0, "40个"),
        ("problems_rectified", 36.0, "36个"),
        ("problems_in_progress", 4.0, "4个"),
        ("measures_planned", 193.0, "193条"),
        ("measures_completed", 186.0, "186条"),
        ("clues_received", 162.0, "162件"),
        ("clues_closed", 156.0, "156件"),
        ("clues_in_progress", 6.0, "6件"),
        ("cases_filed", 15.0, "15件"),
        ("people_disciplined", 15.0, "15人"),
        ("petitions_received", 407.0, "407件"),
    ];
    let want: Vec<(&str, f64, String)> = want
        .iter()
        .map(|(l, v, s)| (*l, *v, s.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn figures_of_seeds_002_and_004() {
    let doc = seed_or_skip!("002");
    let got: Vec<(&str, f64)> = notice(&doc)
        .figures
        .iter()
        .map(|f| (f.label.as_str(), f.value))
        .collect();
    // `针对巡察反馈的三个方面12个问题，党工委细化分解成41项具体问题…先后11次专题研究部署`;
    // `已完成了巡察反馈的三个方面12个具体问题的全部整改…召开专题会议11次，出台制度文件4个`.
    assert_eq!(
        got,
        [
            ("problem_categories", 3.0),
            ("problems_found", 12.0),
            ("problems_subdivided", 41.0),
            ("meetings_held", 11.0),
            ("problem_categories", 3.0),
            ("problems_rectified", 12.0),
            ("meetings_held", 11.0),
            ("rules_built", 4.0),
        ]
    );

    let doc = seed_or_skip!("004");
    let got: Vec<(&str, f64)> = notice(&doc)
        .figures
        .iter()
        .map(|f| (f.label.as_str(), f.value))
        .collect();
    // `指出我单位存在的问题16个。截至6月24日，已整改完毕事项16个，整改建章立制5项。`
    assert_eq!(
        got,
        [
            ("problems_found", 16.0),
            ("problems_rectified", 16.0),
            ("rules_built", 5.0),
        ]
    );

    let doc = seed_or_skip!("000");
    let rules: Vec<f64> = notice(&doc)
        .figures
        .iter()
        .filter(|f| f.label == "rules_built")
        .map(|f| f.value)
        .collect();
    // `单位针对巡察反馈问题已制定、完善制度16份`.
    assert_eq!(rules, [16.0]);
}

#[test]
fn seed_004_twenty_problems_with_cause_and_rectification() {
    let doc = seed_or_skip!("004");
    let ps = &notice(&doc).problems;
    assert_eq!(ps.len(), 20);
    for (k, p) in ps.iter().enumerate() {
        let number = p
            .number
            .as_deref()
            .unwrap_or("")
            .trim()
            .trim_end_matches('.');
        assert_eq!(number, (k + 1).to_string(), "{}", p.title);
        assert!(
            p.cause.as_deref().is_some_and(|c| !c.is_empty()),
            "{}",
            p.title
        );
        let r = p.rectification.as_deref().unwrap_or("");
        assert!(r.starts_with("整改完成"), "{}: {r}", p.title);
        assert_eq!(
            p.status,
            Some(ProblemStatus::CompletedOngoing),
            "{}",
            p.title
        );
        assert!(
            p.category.as_deref().is_some_and(|c| c.starts_with("针对")),
            "{}",
            p.title
        );
    }
    let first = &ps[0];
    assert!(first.title.starts_with("工业园党委领导核心弱化"));
    assert_eq!(
        first.category.as_deref(),
        Some("针对党委和行政班子会议仍然混合召开的问题")
    );
    assert_eq!(
        first.cause.as_deref(),
        Some("一是工业园党委议事规则、行政班子议事规则不够完善。二是除工业园党委书记以外，工业园党委班子成员与管委会班子成员均交叉任职，在一定程度上导致此问题发生。")
    );
    assert!(first.rectification.as_deref().unwrap_or("").starts_with(
        "整改完成，并长期坚持。修订完善《中共广州花都（清新）产业转移工业园委员会议事规则》"
    ));
    let last = &ps[19];
    assert!(last.title.contains("饭堂费用均没有发票入账"));
    assert_eq!(
        last.cause.as_deref(),
        Some("自2020年开始，饭堂单独开设会计专账核算，设置资金专户。由于对票据收集整理不够规范，导致被巡察时，一些票据未被发现，造成反馈饭堂支出无发票入账的情况。")
    );
    assert_eq!(
        last.rectification.as_deref(),
        Some("整改完成，并长期坚持。目前已按要求完善了饭堂开支单据及相关报销手续，并通过加强财务人员业务培训等措施，进一步规范饭堂财务管理。")
    );
    // Problems 13–15 share the category `针对对巡察反馈意见整改工作不够重视的问题`.
    for p in &ps[12..15] {
        assert_eq!(
            p.category.as_deref(),
            Some("针对对巡察反馈意见整改工作不够重视的问题")
        );
    }
}

#[test]
fn seed_002_problems_completed_and_kept_up() {
    let doc = seed_or_skip!("002");
    let ps = &notice(&doc).problems;
    // Three 方面; 13 `①…` items under each.
    assert_eq!(ps.len(), 39);
    let with_status = ps.iter().filter(|p| p.status.is_some()).count();
    // 3.② `对“履行出资人职责不到位”等问题` states no status.
    assert_eq!(with_status, 38);
    for p in ps.iter().filter(|p| p.status.is_some()) {
        assert_eq!(
            p.status,
            Some(ProblemStatus::CompletedOngoing),
            "{}",
            p.title
        );
        assert_eq!(
            p.status_text.as_deref(),
            Some("已完成整改，并长期坚持"),
            "{}",
            p.title
        );
    }
    assert_eq!(ps[0].title, "对“理论学习不深入”等问题的整改情况");
    assert_eq!(
        ps[0].parent.as_deref(),
        Some("关于“学习习近平新时代中国特色社会主义思想不深不透，学用‘两张皮’”问题的整改情况")
    );
    assert!(ps[0]
        .category
        .as_deref()
        .is_some_and(|c| c.contains("聚焦党中央、省委各项决策部署在基层的落实情况方面的问题")));
    assert_eq!(ps[0].measures.len(), 3);
    assert_eq!(
        ps.last().map(|p| p.category.as_deref()),
        Some(Some("聚焦基层党组织建设"))
    );
}
