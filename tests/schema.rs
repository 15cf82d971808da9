//! Every JSON output validates against `docs/gongwen.schema.json`.

use std::path::Path;

use crate::util;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(util::root().join("docs/gongwen.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// Convert `path` and validate its JSON; returns the JSON for further checks.
pub fn assert_valid(validator: &jsonschema::Validator, path: &Path) -> serde_json::Value {
    let bytes = util::bytes(path);
    let mut options = gongwen::Options::default();
    options.read.file_name = Some(path.display().to_string());
    let doc = gongwen::convert(&bytes, &options)
        .unwrap_or_else(|e| panic!("{} does not convert: {e}", path.display()));
    let json = gongwen::render::to_string(&doc, gongwen::OutputFormat::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{} does not validate:\n{}",
        path.display(),
        errors.join("\n")
    );
    value
}

#[test]
fn every_sample_validates() {
    let validator = validator();
    let mut seen = 0;
    for entry in std::fs::read_dir(util::root().join("samples"))
        .unwrap()
        .flatten()
    {
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "txt" | "pdf" | "docx" | "ofd") {
            continue;
        }
        assert_valid(&validator, &path);
        seen += 1;
    }
    assert!(seen > 0, "no samples found");
}

#[test]
fn every_seed_validates() {
    let validator = validator();
    let dir = crate::shared_or_skip!("seeds");
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        assert_valid(&validator, &entry.path());
    }
}

#[test]
fn the_schema_rejects_what_it_should() {
    let validator = validator();
    let doc = gongwen::convert("通报\n正文".as_bytes(), &gongwen::Options::default()).unwrap();
    let mut value = serde_json::to_value(&doc).unwrap();
    assert!(validator.is_valid(&value));
    value["schema"] = "gongwen/0".into();
    assert!(
        !validator.is_valid(&value),
        "a wrong schema id must not validate"
    );
    value["schema"] = "gongwen/1".into();
    value["source"]["sha256"] = "xyz".into();
    assert!(
        !validator.is_valid(&value),
        "a malformed hash must not validate"
    );
}
