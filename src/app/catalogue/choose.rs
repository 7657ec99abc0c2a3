//! What a choice from the price catalogue does to the page: a model or a
//! unit type picked in a picker or in the catalogue dialog fills its side's
//! fields (through the core's fills), and a new exchange rate converts the
//! prices nobody has edited since. Shared by the pickers and the dialog.

use leptos::prelude::*;

use super::Catalogue;
use crate::app::shell::state::Calc;
use crate::core::catalogue::fill::{
    choice_texts, compute_after, compute_sentence, conversion, gaps_sentence, pick_fills, text,
    untouched_at, ComputeChange, Conversion,
};
use crate::core::catalogue::{Entry, Pick};
use crate::core::Field;

/// The conversion factor the scenario allows now (1 in US dollars).
fn factor_now(calc: Calc) -> Option<f64> {
    match conversion(&calc.raw_untracked()).ok()? {
        Conversion::Usd => Some(1.0),
        Conversion::Rate(r) => Some(r),
    }
}

/// Chooses `entry` for `pick`: sets every field text the core says
/// ([`choice_texts`]: prices, modes, label); in another currency without a
/// rate, keeps the choice until one is typed. Whether it was applied.
/// When a fine-tuned model's training price changes how training compute
/// is priced, or could, the notice says so (and offers the switch).
pub(crate) fn choose(calc: Calc, state: Catalogue, pick: Pick, entry: &'static Entry) -> bool {
    let raw = calc.raw_untracked();
    match choice_texts(entry, pick, &raw) {
        Ok(texts) => {
            let used = factor_now(calc).unwrap_or(1.0);
            let compute = match pick {
                Pick::Model(side) => compute_after(entry, side, &raw),
                Pick::Unit(_) => None,
            };
            for (field, t) in texts {
                calc.field(field).set(t);
            }
            if let Some(change) = compute {
                state
                    .compute_offer
                    .set((change == ComputeChange::Offer).then_some(entry));
                state.said.set(compute_sentence(change, entry));
            } else if pick == Pick::Model(crate::core::catalogue::Side::FineTuned) {
                state.compute_offer.set(None);
            }
            state.pending.update(|p| p[pick.slot()] = None);
            state.applied.update_value(|a| a[pick.slot()] = Some(used));
            true
        }
        Err(_) => {
            state.pending.update(|p| p[pick.slot()] = Some(entry));
            false
        }
    }
}

/// A pick from the catalogue dialog: chooses `entry` for `pick`
/// and says in words what it did, including a switch of request costs to
/// tokens or of the side's serving to capacity units.
pub fn pick_from_dialog(calc: Calc, state: Catalogue, pick: Pick, entry: &'static Entry) {
    let side = pick.side();
    let before = calc.raw_untracked();
    let code = before.get(Field::Currency).trim().to_owned();
    if !choose(calc, state, pick, entry) {
        state.said.set(format!(
            "{}: catalogue prices are in US dollars. Enter the exchange rate ({code} per US \
             dollar) to fill {}; nothing is filled until then.",
            entry.name,
            pick.what()
        ));
        return;
    }
    let after = calc.raw_untracked();
    let switched = |field: Field| before.get(field) != after.get(field);
    let mut out = match pick {
        Pick::Model(_) => format!(
            "{} ({}) is now {}: its prices are filled.",
            entry.name,
            entry.provider,
            pick.what()
        ),
        Pick::Unit(_) => format!(
            "{} ({}) now prices {}.",
            entry.name,
            entry.provider,
            pick.what()
        ),
    };
    if switched(Field::CostMode) {
        out += " Request costs are now built from tokens (they were entered directly; the \
                 per-request costs you entered are kept under Direct entry).";
    }
    let compute = state.said.get_untracked();
    if switched(side.serving_fields()[0]) {
        out += &match after.get(side.serving_fields()[0]).trim() {
            "capacity" => format!(" The {} side is now served by capacity units.", side.word()),
            "hourly" => format!(
                " The {} side now pays the provider's hourly hosting fee.",
                side.word()
            ),
            _ => format!(" The {} side is now paid per request only.", side.word()),
        };
    }
    if let Pick::Model(side) = pick {
        if let Some(gaps) = gaps_sentence(entry, side) {
            out += " ";
            out += &gaps;
        }
        if compute_after(entry, side, &before).is_some() {
            out += " ";
            out += &compute;
        }
    }
    state.said.set(out);
}

/// After the exchange rate changes: fills the choices that waited for it,
/// and converts again the prices nobody has edited since they were filled
/// (so typing 0.92 digit by digit ends at 0.92). Only prices: a choice's
/// modes were set when it was made.
pub(crate) fn rate_changed(calc: Calc, state: Catalogue) {
    let Some(now) = factor_now(calc) else {
        return;
    };
    let raw = calc.raw_untracked();
    let mark = raw.decimal_mark();
    for pick in Pick::ALL {
        if let Some(e) = state.pending.get_untracked()[pick.slot()] {
            choose(calc, state, pick, e);
            continue;
        }
        let Some(e) = pick.entry(raw.get(pick.label_field())) else {
            continue;
        };
        let Some(then) = state.applied.get_value()[pick.slot()] else {
            continue;
        };
        if untouched_at(e, pick, &raw, then) {
            for f in pick_fills(e, pick, &raw).unwrap_or_default() {
                calc.field(f.field).set(text(f.value, mark));
            }
            state.applied.update_value(|a| a[pick.slot()] = Some(now));
        }
    }
}
