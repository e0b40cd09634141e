//! Reading the conformance table (`tests/fixtures/conformance/*.json`): shared by the Rust
//! runner (`tests/conformance.rs`) and the CLI's (`cli/tests/conformance.rs`, by `#[path]`).

use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

/// One case of the table.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    /// Its id, unique across the table.
    pub id: String,
    /// The entry point.
    pub entry: String,
    /// The whole case, for the entry's arguments.
    pub raw: Map<String, Value>,
}

/// What a language must answer.
#[derive(Debug, Clone)]
pub(crate) enum Expect {
    /// Success; the members to compare with the answer (`url`, `shopLogin`, …).
    Ok(Map<String, Value>),
    /// An error with this code and field.
    Error { code: String, field: Option<String> },
}

impl Case {
    /// Whether `lang` runs this case (`only`, when given, lists the languages that do).
    pub(crate) fn runs_in(&self, lang: &str) -> bool {
        match self.raw.get("only").and_then(Value::as_array) {
            Some(langs) => langs.iter().any(|l| l.as_str() == Some(lang)),
            None => true,
        }
    }

    /// The answer expected of `lang`: its entry in `differs`, else `expect`.
    pub(crate) fn expect_for(&self, lang: &str) -> Expect {
        let expect = self
            .raw
            .get("differs")
            .and_then(|d| d.get(lang))
            .and_then(|d| d.get("expect"))
            .or_else(|| self.raw.get("expect"))
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("{}: no `expect` object", self.id));
        match expect.get("code") {
            Some(code) => Expect::Error {
                code: code.as_str().unwrap_or_default().to_owned(),
                field: expect
                    .get("field")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            },
            None => {
                let mut wanted = expect.clone();
                wanted.remove("ok");
                Expect::Ok(wanted)
            }
        }
    }
}

/// Every case of every file of `dir`, in file then table order; ids must be unique.
pub(crate) fn load_cases(dir: &Path) -> Vec<Case> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let table: Vec<Map<String, Value>> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for raw in table {
            let field = |k: &str| {
                raw.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_else(|| panic!("{}: a case without `{k}`", file.display()))
                    .to_owned()
            };
            let (id, entry) = (field("id"), field("entry"));
            assert!(
                seen.insert(id.clone()),
                "{}: the id {id} is used twice",
                file.display()
            );
            cases.push(Case { id, entry, raw });
        }
    }
    cases
}
