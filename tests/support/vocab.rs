//! tiktoken-rs 0.12.1's vocabulary files, from the registry's copy of the
//! crate (what `tools/vocab.mjs` copies into the bundle): shared by the
//! data tests and the data benchmark (`#[path]`-included).

use std::path::PathBuf;

/// The text of the vocabulary file `name` (`o200k_base.tiktoken`).
pub fn vocab(name: &str) -> String {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    let src = home.join("registry").join("src");
    for index in std::fs::read_dir(&src).expect("cargo registry") {
        let path = index
            .unwrap()
            .path()
            .join("tiktoken-rs-0.12.1/assets")
            .join(name);
        if path.exists() {
            return std::fs::read_to_string(path).unwrap();
        }
    }
    panic!("{name} not found under {}", src.display());
}
