//! The package: zip entries, XML parts, and the document's `CommonData` (page area, resources,
//! templates) and page list.

use std::collections::HashMap;

use crate::error::{Error, Limit, Result};
use crate::model::{Code, Diagnostic, Format};
use crate::options::Limits;
use crate::read::zipped::Container;

use super::xml::{self, Node, XmlError};
use super::Warn;

/// The opened package with its limits.
pub(super) struct Package<'a> {
    zip: Container<'a>,
    limits: Limits,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self> {
        Ok(Package {
            zip: Container::open(bytes, Format::Ofd, limits)?,
            limits: limits.clone(),
        })
    }

    pub(super) fn limits(&self) -> &Limits {
        &self.limits
    }

    /// See [`Container::resolve_from`].
    pub(super) fn resolve_from(&self, base_dir: &str, href: &str) -> Option<String> {
        self.zip.resolve_from(base_dir, href)
    }

    /// Raw bytes of an entry; `Ok(None)` when absent.
    pub(super) fn read_bytes(&mut self, path: &str) -> Result<Option<Vec<u8>>> {
        self.zip.read(path)
    }

    /// A part the package cannot do without (`OFD.xml`, `Document.xml`): absent or not
    /// well-formed is a [`Error::Malformed`] naming the part.
    pub(super) fn xml_required(&mut self, path: &str, what: &str) -> Result<Node> {
        let Some(bytes) = self.zip.read(path)? else {
            return Err(Error::malformed(
                Format::Ofd,
                format!("{what} ({path}) is missing from the package"),
            ));
        };
        self.parse(&bytes)
            .map_err(|e| e.into_error(Format::Ofd, &format!("{what} ({path})")))
    }

    /// A part the text can do without (a page, a resource file, a signature): absent or damaged
    /// is a warning and `None`. Resource limits still fail, so a bomb never passes as damage.
    pub(super) fn xml_part(&mut self, path: &str, warn: &mut Warn) -> Result<Option<Node>> {
        let bytes = match self.zip.read(path) {
            Ok(Some(b)) => b,
            Ok(None) => {
                warn.push(Diagnostic::new(
                    Code::DamagedFile,
                    format!("{path} is referenced but missing; skipped"),
                ));
                return Ok(None);
            }
            Err(e @ Error::LimitExceeded { .. }) => return Err(e),
            Err(e) => {
                warn.push(Diagnostic::new(
                    Code::DamagedFile,
                    format!("{path} cannot be read ({e}); skipped"),
                ));
                return Ok(None);
            }
        };
        match self.parse(&bytes) {
            Ok(node) => Ok(Some(node)),
            Err(XmlError::TooDeep(n)) => Err(Error::limit(Limit::XmlDepth, n)),
            // Too big a tree for one page's budget: the part is skipped, the rest can be read.
            Err(XmlError::TooMany(n)) => {
                warn.push(Diagnostic::new(
                    Code::LimitReached,
                    format!("{path} has more than {n} elements; skipped"),
                ));
                Ok(None)
            }
            Err(XmlError::Syntax(msg)) => {
                warn.push(Diagnostic::new(
                    Code::DamagedFile,
                    format!("{path} is not well-formed XML ({msg}); skipped"),
                ));
                Ok(None)
            }
        }
    }

    /// Every element counts as an operation against `ops_per_page`, for resource parts too:
    /// it bounds the memory of the element tree.
    fn parse(&self, bytes: &[u8]) -> std::result::Result<Node, XmlError> {
        xml::parse_limited(bytes, self.limits.xml_depth, self.limits.ops_per_page)
    }
}

/// The folder of a part path (`Doc_0/Pages/Page_0/Content.xml` → `Doc_0/Pages/Page_0`).
pub(super) fn parent_dir(path: &str) -> String {
    path.replace('\\', "/")
        .rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

/// A font resource.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Font {
    /// `FontName`, or `FamilyName` when the name is missing.
    pub(super) name: Option<String>,
    /// `Bold="true"`.
    pub(super) bold: bool,
}

/// One page as `Document.xml` declares it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PageRef {
    /// The resolved content path, or `None` when `BaseLoc` points nowhere.
    pub(super) path: Option<String>,
    /// `BaseLoc` as written (for messages).
    pub(super) loc: String,
}

/// What `Document.xml` tells about the whole document.
#[derive(Debug, Default)]
pub(super) struct DocumentInfo {
    /// Default page box (`CommonData/PageArea/PhysicalBox`): x, y, width, height in mm.
    pub(super) page_box: Option<[f32; 4]>,
    /// Fonts of every resource file, by ID.
    pub(super) fonts: HashMap<String, Font>,
    /// `CompositeGraphicUnit`s by ID (drawn by `CompositeObject`s).
    pub(super) composites: HashMap<String, Node>,
    /// Template pages by ID → resolved content path.
    pub(super) templates: HashMap<String, String>,
    /// Pages in declared order.
    pub(super) pages: Vec<PageRef>,
}

/// Read `CommonData`, the resource files and the page list of the document at `doc_path`.
pub(super) fn document(
    pkg: &mut Package<'_>,
    doc: &Node,
    doc_path: &str,
    warn: &mut Warn,
) -> Result<DocumentInfo> {
    let dir = parent_dir(doc_path);
    let mut info = DocumentInfo::default();
    if let Some(common) = doc.child("CommonData") {
        info.page_box = common
            .child("PageArea")
            .and_then(|a| a.child("PhysicalBox"))
            .and_then(|b| parse_box(&b.text));
        for res in common
            .children
            .iter()
            .filter(|c| c.name == "PublicRes" || c.name == "DocumentRes")
        {
            let loc = res.text.trim();
            if loc.is_empty() {
                continue;
            }
            match pkg.resolve_from(&dir, loc) {
                Some(path) => read_resources(pkg, &path, &mut info, warn)?,
                None => warn.push(Diagnostic::new(
                    Code::DamagedFile,
                    format!("resource file {loc} is missing; its fonts are unknown"),
                )),
            }
        }
        for tpl in common.children_named("TemplatePage") {
            let (Some(id), Some(loc)) = (tpl.attr("ID"), tpl.attr("BaseLoc")) else {
                continue;
            };
            if let Some(path) = pkg.resolve_from(&dir, loc) {
                info.templates.insert(id.to_string(), path);
            }
        }
    }
    if let Some(pages) = doc.child("Pages") {
        for page in pages.children_named("Page") {
            let loc = page.attr("BaseLoc").unwrap_or_default().to_string();
            info.pages.push(PageRef {
                path: pkg.resolve_from(&dir, &loc),
                loc,
            });
        }
    }
    Ok(info)
}

/// Add the fonts and composite units of the resource file at `path` (resolved) to `info`.
pub(super) fn read_resources(
    pkg: &mut Package<'_>,
    path: &str,
    info: &mut DocumentInfo,
    warn: &mut Warn,
) -> Result<()> {
    let Some(res) = pkg.xml_part(path, warn)? else {
        return Ok(());
    };
    for list in res.children_named("Fonts") {
        for f in list.children_named("Font") {
            let Some(id) = f.attr("ID") else { continue };
            let name = [f.attr("FontName"), f.attr("FamilyName")]
                .into_iter()
                .flatten()
                .map(str::trim)
                .find(|n| !n.is_empty())
                .map(str::to_string);
            let bold = f.attr("Bold").is_some_and(|b| b.trim() == "true");
            info.fonts.insert(id.to_string(), Font { name, bold });
        }
    }
    for list in res.children_named("CompositeGraphicUnits") {
        for unit in list.children_named("CompositeGraphicUnit") {
            if let Some(id) = unit.attr("ID") {
                info.composites.insert(id.trim().to_string(), unit.clone());
            }
        }
    }
    Ok(())
}

/// Parse `ST_Box` (`x y w h`, separated by spaces or commas).
pub(super) fn parse_box(s: &str) -> Option<[f32; 4]> {
    let v = numbers(s);
    match v.as_slice() {
        [x, y, w, h] => Some([*x, *y, *w, *h]),
        _ => None,
    }
}

/// Every number in a whitespace/comma separated list; words that are not numbers are skipped.
pub(super) fn numbers(s: &str) -> Vec<f32> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|t| t.parse::<f32>().ok())
        .filter(|v| v.is_finite())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_and_dirs() {
        assert_eq!(parse_box("0 0 210 297"), Some([0.0, 0.0, 210.0, 297.0]));
        assert_eq!(
            parse_box("0.0,0.0, 210.0 140"),
            Some([0.0, 0.0, 210.0, 140.0])
        );
        assert_eq!(parse_box("0 0 210"), None);
        assert_eq!(parse_box("a b c d"), None);
        assert_eq!(
            parent_dir("Doc_0/Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0"
        );
        assert_eq!(parent_dir("OFD.xml"), "");
        assert_eq!(parent_dir("Doc_0\\Document.xml"), "Doc_0");
    }
}
