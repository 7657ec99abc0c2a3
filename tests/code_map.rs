//! The code map in `docs/architecture.md` matches the tree: every
//! `src/**/*.rs` file has its entry, and every entry names a file that
//! exists. A newcomer reads the map first, so a stale map misleads.

use std::collections::BTreeSet;
use std::path::Path;

/// Every `.rs` file under `dir`, as a path relative to the crate root.
fn rust_files(dir: &Path, out: &mut BTreeSet<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let rel = path.strip_prefix(root).expect("under the crate root");
            out.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Every entry of the code map, in order: bullets whose first token is a
/// backticked `src/…` path.
fn entries(doc: &str) -> Vec<String> {
    doc.lines()
        .filter_map(|line| line.strip_prefix("- `src/"))
        .filter_map(|rest| rest.split_once('`'))
        .map(|(path, _)| format!("src/{path}"))
        .collect()
}

/// The paths the code map lists.
fn mapped(doc: &str) -> BTreeSet<String> {
    entries(doc).into_iter().collect()
}

/// The paths the code map lists more than once.
fn duplicated(doc: &str) -> Vec<String> {
    let all = entries(doc);
    let mut seen = BTreeSet::new();
    let mut twice: Vec<String> = all
        .into_iter()
        .filter(|path| !seen.insert(path.clone()))
        .collect();
    twice.dedup();
    twice
}

#[test]
fn every_source_file_is_in_the_code_map_and_every_entry_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/architecture.md"))
        .expect("docs/architecture.md exists");
    let mut files = BTreeSet::new();
    rust_files(&root.join("src"), &mut files);
    let map = mapped(&doc);
    let missing: Vec<_> = files.difference(&map).collect();
    let twice = duplicated(&doc);
    assert!(
        twice.is_empty(),
        "code map entries listed twice in docs/architecture.md: {twice:?}"
    );
    let stale: Vec<_> = map.difference(&files).collect();
    assert!(
        missing.is_empty(),
        "files missing from the code map in docs/architecture.md: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "code map entries for files that do not exist: {stale:?}"
    );
}

#[test]
fn the_map_reader_finds_entries_and_skips_prose() {
    let doc = "- `src/a.rs`: one.\n  - `src/b.rs`: nested is not an entry.\nText `src/c.rs`.\n- `src/d/e.rs`: two.\n";
    let expected: BTreeSet<String> = ["src/a.rs", "src/d/e.rs"].map(String::from).into();
    assert_eq!(mapped(doc), expected);
}

#[test]
fn the_map_reader_finds_a_file_listed_twice() {
    let doc = "- `src/a.rs`: one.\n- `src/b.rs`: two.\n- `src/a.rs`: one again.\n";
    assert_eq!(duplicated(doc), vec!["src/a.rs".to_owned()]);
    assert!(duplicated("- `src/a.rs`: one.\n").is_empty());
}
