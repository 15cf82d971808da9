//! Facts about the input file: [`Source`], how its encoding was decided, its signatures.

use serde::{Deserialize, Serialize};

use super::Format;

/// Facts about the input file (not about the notice).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The path the input was read from, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The detected (or forced) format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// The text encoding and how it was found (HTML and text only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<EncodingInfo>,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Lowercase hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Page count (PDF, OFD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// Format version (`1.7` for PDF, OFD `Version`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Producing software (PDF Producer, DOCX Application, OFD Creator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub producer: Option<String>,
    /// Authoring software (PDF Creator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Creation timestamp as written in the file, ISO when it could be parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// Modification timestamp as written in the file, ISO when it could be parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// Digital signatures / electronic seals found in the file (OFD, PDF).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub signatures: Vec<SignatureInfo>,
    /// The compression the input was wrapped in (`gzip`), inflated before reading; `bytes` and
    /// `sha256` are those of the file as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compression: Option<String>,
    /// How pages were read by OCR (scans, page images); absent when none was.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ocr: Option<OcrInfo>,
}

/// The OCR of a document: the engine, its models and how sure it was on each page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OcrInfo {
    /// The engine (`PP-OCRv4 (rten)`).
    pub engine: String,
    /// The model files used (detection, orientation, recognition).
    pub models: Vec<String>,
    /// The pages read by OCR, in order.
    pub pages: Vec<OcrPage>,
}

/// One page read by OCR.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OcrPage {
    /// 1-based page number.
    pub page: u32,
    /// Text lines recognised.
    pub lines: u32,
    /// Mean probability of the recognised characters (0–1), absent when none were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

/// How the text encoding of an HTML or text input was determined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EncodingInfo {
    /// WHATWG name of the encoding used to decode (`UTF-8`, `gb18030`, `UTF-16LE`, …).
    pub name: String,
    /// What decided it.
    pub evidence: EncodingEvidence,
    /// The label the document declared, if any, even when it was overruled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<String>,
    /// Number of malformed byte sequences replaced by U+FFFD.
    pub replaced: u64,
}

/// The evidence behind an encoding decision, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EncodingEvidence {
    /// A byte-order mark.
    Bom,
    /// The HTTP `Content-Type` header (WARC records).
    HttpHeader,
    /// `<meta charset>` or `<meta http-equiv=Content-Type>`.
    MetaCharset,
    /// The declared label was contradicted by the bytes (e.g. meta says GB2312, bytes are UTF-8).
    DeclarationOverruled,
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// A statistical guess (chardetng).
    Guessed,
    /// Forced by the caller.
    Forced,
}

/// An electronic signature or seal found in the file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignatureInfo {
    /// Signer or seal name when readable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// Signing time when readable, ISO when it could be parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The kind of signature (`seal`, `sign`, …) as the file names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}
