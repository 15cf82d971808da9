//! Footnotes, endnotes and comments: text of the file that is not body.

use serde::{Deserialize, Serialize};

/// A footnote, endnote or comment: text that belongs to the file but not to the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Note {
    /// Footnote, endnote or comment.
    pub kind: NoteKind,
    /// The note's id as the file gives it (DOCX `w:id`; `.doc`: Word's number for it, footnotes
    /// and endnotes from 1, comments from 0).
    pub id: String,
    /// The note's text; its paragraphs are joined with `\n`.
    pub text: String,
    /// Who wrote it (comments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `origin.index` of the body block that references it; `None` when no block does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<u32>,
}

impl Note {
    /// A note with no author and no anchor.
    pub fn new(kind: NoteKind, id: impl Into<String>, text: impl Into<String>) -> Self {
        Note {
            kind,
            id: id.into(),
            text: text.into(),
            author: None,
            anchor: None,
        }
    }
}

/// The kinds of [`Note`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoteKind {
    /// A footnote (脚注).
    Footnote,
    /// An endnote (尾注).
    Endnote,
    /// A reviewer's comment (批注).
    Comment,
}
