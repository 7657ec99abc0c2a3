//! Build script: reads the price catalogue (data/prices.toml), checks every
//! entry (build/catalogue.rs) and writes it as Rust static data into
//! `$OUT_DIR/catalogue.rs`, which src/core/catalogue.rs includes. Any problem
//! fails the build with a message naming the entry.

#[path = "build/catalogue.rs"]
mod catalogue;

fn main() {
    const DATA: &str = "data/prices.toml";
    println!("cargo::rerun-if-changed={DATA}");
    println!("cargo::rerun-if-changed=build/catalogue.rs");
    let text = match std::fs::read_to_string(DATA) {
        Ok(text) => text,
        Err(e) => fail(&[format!("cannot read it: {e}")]),
    };
    let entries = match catalogue::read(&text) {
        Ok(entries) => entries,
        Err(problems) => fail(&problems),
    };
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("catalogue.rs");
    if let Err(e) = std::fs::write(&out, catalogue::to_rust(&entries)) {
        fail(&[format!("cannot write {}: {e}", out.display())]);
    }
}

/// Stops the build, listing the problems of the data file.
fn fail(problems: &[String]) -> ! {
    for p in problems {
        eprintln!("data/prices.toml: {p}");
    }
    std::process::exit(1);
}
