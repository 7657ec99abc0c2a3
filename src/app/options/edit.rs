//! The options' changes as field texts: add, remove, duplicate and move an
//! option (3 to 6), each rewriting the `oK_…` texts it touches, so a link,
//! storage and undo-by-typing see ordinary inputs.

use leptos::prelude::*;

use crate::app::shell::state::Calc;
use crate::core::inputs::option_fields::{Term, FIRST, LAST};
use crate::core::inputs::parse::MAX_NAME_LEN;
use crate::core::model::uncertainty::option_range_fields;
use crate::core::Field;

/// Option `k`'s fields: the template's, in its order, then the ends of
/// the ranges on its own inputs (they go with it).
fn fields(k: usize) -> Vec<Field> {
    Term::ALL
        .iter()
        .filter_map(|t| t.of(k))
        .chain(option_range_fields(k))
        .collect()
}

/// Option `k`'s texts, in the order of [`fields`].
fn texts(calc: Calc, k: usize) -> Vec<String> {
    fields(k)
        .into_iter()
        .map(|f| calc.field(f).get_untracked())
        .collect()
}

/// Writes `texts` into option `k`'s fields.
fn write(calc: Calc, k: usize, texts: &[String]) {
    for (f, text) in fields(k).into_iter().zip(texts) {
        calc.field(f).set(text.clone());
    }
}

/// An absent option's texts: every field at its default, no kind.
fn blank() -> Vec<String> {
    fields(FIRST)
        .into_iter()
        .map(|f| f.example().to_owned())
        .collect()
}

/// Whether option `k` is in the scenario.
pub fn present(calc: Calc, k: usize) -> bool {
    Term::Kind
        .of(k)
        .is_some_and(|f| calc.field(f).with_untracked(|t| !t.trim().is_empty()))
}

/// The first number with no option, if any is left.
fn free(calc: Calc) -> Option<usize> {
    (FIRST..=LAST).find(|&k| !present(calc, k))
}

/// Adds an option (a model, every field at its default) at the first free
/// number; returns it.
pub fn add(calc: Calc) -> Option<usize> {
    let k = free(calc)?;
    let mut new = blank();
    new[Term::Kind as usize] = "model".to_owned();
    write(calc, k, &new);
    Some(k)
}

/// Removes option `k`: the options after it move down one number.
pub fn remove(calc: Calc, k: usize) {
    for j in k..LAST {
        write(calc, j, &texts(calc, j + 1));
    }
    write(calc, LAST, &blank());
}

/// Copies option `k` to the first free number, its name marked as a copy;
/// returns the copy's number.
pub fn duplicate(calc: Calc, k: usize) -> Option<usize> {
    let n = free(calc)?;
    let mut copy = texts(calc, k);
    let name = copy[Term::Name as usize].trim().to_owned();
    let name = if name.is_empty() {
        format!("Option {k}")
    } else {
        name
    };
    copy[Term::Name as usize] = format!("{name} (copy)")
        .chars()
        .take(MAX_NAME_LEN)
        .collect();
    write(calc, n, &copy);
    Some(n)
}

/// Swaps options `k` and `j` (both 3 to 6): moving an option left or right.
pub fn swap(calc: Calc, k: usize, j: usize) {
    let (a, b) = (texts(calc, k), texts(calc, j));
    write(calc, k, &b);
    write(calc, j, &a);
}

/// Whether the scenario holds an option beyond the two sides (its kind
/// typed), read from the field texts so the view stays while a field is
/// invalid.
pub fn has_added() -> bool {
    crate::app::shell::state::use_calc().has_added_options()
}
