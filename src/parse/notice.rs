//! Pass: facts of inspection (巡视/巡察) notices.

use crate::model::{Document, Notice};

/// The notice facts of `doc`, or `None` when it is not an inspection notice.
///
/// (Placeholder: lands with the notice-facts issue.)
pub(crate) fn notice(_doc: &Document) -> Option<Notice> {
    None
}
