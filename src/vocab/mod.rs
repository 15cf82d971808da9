//! The vocabulary of Chinese government notices and the sites that publish them: metadata labels
//! (`索引号`, `发布机构`, `成文日期` …) and how a `label：value` line splits, the wording of site
//! chrome (breadcrumbs, print/close bars, `字体[ 大 中 小 ]`, view counters, footers), dates
//! (`2023年7月14日`, `二〇二二年六月三十日`, `2023-07-14`) and Chinese numerals; and how
//! ordinary a run of Chinese characters is (`hanzi`: common characters, word pairs, the score
//! that tells real text from a failed OCR).
//!
//! One word list per vocabulary, asked questions by both the readers and the parser: the HTML
//! reader drops chrome lines and turns 政府信息公开 tables into `meta_field` blocks with the same
//! lists the parser uses on text, PDF and DOCX input. It knows words, not formats and not where
//! in a document a word counts: that is for the stage that asks (the parser's `chrome` pass
//! decides what to drop where).

pub(crate) mod chrome;
pub(crate) mod date;
pub(crate) mod hanzi;
pub(crate) mod labels;
pub(crate) mod numeral;
