//! Build script: reads the price catalogue (data/prices.toml), checks every
//! entry (build/catalogue.rs) and writes it as Rust static data into
//! `$OUT_DIR/catalogue.rs`, which src/core/catalogue.rs includes. Any problem
//! fails the build with a message naming the entry.

#[path = "build/catalogue.rs"]
mod catalogue;
#[path = "build/lifecycle.rs"]
mod lifecycle;

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
    write_lifecycle(&entries);
}

/// Reads and checks data/lifecycle.toml against the catalogue's entries and
/// writes it as `$OUT_DIR/lifecycle.rs` (src/core/catalogue/lifecycle.rs
/// includes it).
fn write_lifecycle(entries: &[catalogue::Entry]) {
    const DATA: &str = "data/lifecycle.toml";
    println!("cargo::rerun-if-changed={DATA}");
    println!("cargo::rerun-if-changed=build/lifecycle.rs");
    println!("cargo::rerun-if-changed=build/dates.rs");
    let fail = |problems: &[String]| -> ! {
        for p in problems {
            eprintln!("{DATA}: {p}");
        }
        std::process::exit(1);
    };
    let text = match std::fs::read_to_string(DATA) {
        Ok(text) => text,
        Err(e) => fail(&[format!("cannot read it: {e}")]),
    };
    let ids: Vec<&str> = entries.iter().filter_map(|e| e.id.as_deref()).collect();
    let rows = match lifecycle::read(&text, &ids) {
        Ok(rows) => rows,
        Err(problems) => fail(&problems),
    };
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("lifecycle.rs");
    if let Err(e) = std::fs::write(&out, lifecycle::to_rust(&rows)) {
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
