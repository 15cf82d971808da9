//! `docProps/core.xml` and `docProps/app.xml` → metadata and source facts.
//!
//! core: `dc:title`, `dc:creator`, `cp:keywords`, `dc:description`, `dcterms:created`,
//! `dcterms:modified`; app: `Application` (the producer) and `Company` (kept in `meta.extra`).

use quick_xml::events::Event;

use super::xml::{local, local_end, reference, Xml};
use crate::error::Result;
use crate::model::{Meta, MetaField, Source};

/// Collect the text of each top-level child of the root element.
fn fields(text: &str, part: &str, max_depth: u64) -> Result<Vec<(String, String)>> {
    let mut x = Xml::new(crate::model::Format::Docx, text, part, max_depth);
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut cur: Option<(String, String)> = None;
    while let Some(ev) = x.next()? {
        match ev {
            Event::Start(e) => {
                depth += 1;
                if depth == 2 {
                    cur = Some((
                        String::from_utf8_lossy(local(&e)).into_owned(),
                        String::new(),
                    ));
                }
            }
            Event::End(e) => {
                if depth == 2 {
                    let _ = local_end(e.name().into_inner());
                    if let Some(f) = cur.take() {
                        out.push(f);
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                if let Some((_, v)) = cur.as_mut() {
                    v.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let (Some((_, v)), Some(c)) = (cur.as_mut(), reference(&r)) {
                    v.push(c);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn clean(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// Apply `core.xml`.
pub(crate) fn core(text: &str, max_depth: u64, meta: &mut Meta, source: &mut Source) -> Result<()> {
    for (k, v) in fields(text, "docProps/core.xml", max_depth)? {
        let Some(v) = clean(&v) else { continue };
        match k.as_str() {
            "title" => meta.title = Some(v),
            "creator" => meta.author = Some(v),
            "description" => meta.description = Some(v),
            "keywords" => {
                meta.keywords = v
                    .split([',', '，', ';', '；', '、'])
                    .flat_map(|s| s.split_whitespace())
                    .map(str::to_string)
                    .collect()
            }
            "created" => source.created = Some(v),
            "modified" => source.modified = Some(v),
            _ => {}
        }
    }
    Ok(())
}

/// Apply `app.xml`.
pub(crate) fn app(text: &str, max_depth: u64, meta: &mut Meta, source: &mut Source) -> Result<()> {
    for (k, v) in fields(text, "docProps/app.xml", max_depth)? {
        let Some(v) = clean(&v) else { continue };
        match k.as_str() {
            "Application" => source.producer = Some(v),
            "Company" => meta.extra.push(MetaField {
                key: "company".to_string(),
                value: v,
            }),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_and_app() {
        let core_xml = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t">
          <dc:title>关于巡察整改进展情况的通报</dc:title><dc:creator>办公室</dc:creator>
          <cp:keywords>巡察, 整改；通报</cp:keywords><dc:description>说明 &amp; 摘要</dc:description>
          <dcterms:created xsi:type="dcterms:W3CDTF">2023-07-14T08:00:00Z</dcterms:created>
          <dcterms:modified>2023-07-15T08:00:00Z</dcterms:modified><dc:subject/></cp:coreProperties>"#;
        let app_xml = r#"<Properties><Application>Microsoft Office Word</Application><Company>某某局</Company><Pages>3</Pages></Properties>"#;
        let (mut m, mut s) = (Meta::default(), Source::default());
        core(core_xml, 64, &mut m, &mut s).unwrap();
        app(app_xml, 64, &mut m, &mut s).unwrap();
        assert_eq!(m.title.as_deref(), Some("关于巡察整改进展情况的通报"));
        assert_eq!(m.author.as_deref(), Some("办公室"));
        assert_eq!(m.keywords, ["巡察", "整改", "通报"]);
        assert_eq!(m.description.as_deref(), Some("说明 & 摘要"));
        assert_eq!(s.created.as_deref(), Some("2023-07-14T08:00:00Z"));
        assert_eq!(s.modified.as_deref(), Some("2023-07-15T08:00:00Z"));
        assert_eq!(s.producer.as_deref(), Some("Microsoft Office Word"));
        assert_eq!(
            m.extra,
            [MetaField {
                key: "company".into(),
                value: "某某局".into()
            }]
        );
    }
}
