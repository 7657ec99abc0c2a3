//! Component: the fine-tuned model's end of life (issue 27), in the
//! catalogue's bar (the builders' chunk): the horizon's start month and the
//! migration cost, and in words which picked model shuts down when and in
//! which month of the horizon. Without a start month it still warns when
//! the shutdown falls within a horizon counted from this month (the
//! browser's date, read here only), and says the figures leave it out.

use leptos::prelude::*;

use crate::app::form::widgets::NumberField;
use crate::app::shell::state::use_calc;
use crate::core::catalogue::lifecycle::{shutdown_in, shutdown_of, Shutdown, SUCCESSOR};
use crate::core::model::lifecycle::Placement;
use crate::core::Field;

/// This month as a month index (year × 12 + month − 1), by the browser's
/// clock in UTC.
fn this_month() -> i64 {
    let now = js_sys::Date::new_0();
    i64::from(now.get_utc_full_year()) * 12 + i64::from(now.get_utc_month())
}

/// The end-of-life fields and sentence.
#[component]
pub fn EndOfLife() -> impl IntoView {
    let calc = use_calc();
    let model = calc.field(Field::FtModel);
    let start = calc.field(Field::Start);
    let cost = calc.field(Field::FtMigrationCost);
    // The fine-tuned pick has a known shutdown.
    let known = move || model.with(|m| shutdown_of(m).is_some());
    let used = move || {
        known()
            || start.with(|t| !t.trim().is_empty())
            || cost.with(|t| t.trim() != "0")
            || calc.error(Field::Start).is_some()
            || calc.error(Field::FtMigrationCost).is_some()
    };
    // With a valid start month: the shutdown the figures count.
    let counted = move || calc.parsed(|p| p.and_then(|p| p.shutdown));
    // Without one: against a horizon starting this month.
    let uncounted = move || {
        if start.with(|t| !t.trim().is_empty()) {
            return None;
        }
        let months = calc.parsed(|p| p.map(|p| p.inputs.months))?;
        model.with(|m| shutdown_in(m, this_month(), months))
    };
    let note = move || {
        if let Some(s) = counted() {
            return Some(counted_view(s));
        }
        let s = uncounted()?;
        let text = match s.placement {
            Placement::Within(k) => format!(
                "{} shuts down on {}: within the horizon if it starts this month (month {k}). \
                 The figures do not include it until you set the month the horizon starts.",
                s.name,
                s.stated.words()
            ),
            Placement::BeforeStart => format!(
                "{} was shut down on {}: it can no longer be used.",
                s.name,
                s.stated.words()
            ),
            Placement::After(_) => return None,
        };
        Some(
            view! { <p class="life-note warning" data-testid="end-of-life" data-counted="false" role="status">{text}</p> }
                .into_any(),
        )
    };
    view! {
        {note}
        <Show when=used>
            <div class="fields" data-testid="end-of-life-fields">
                <NumberField field=Field::Start/>
                <NumberField field=Field::FtMigrationCost/>
            </div>
        </Show>
    }
}

/// The sentence for a shutdown the figures count (a start month is set),
/// with the figure `ft_shutdown_month` when it falls within the horizon.
fn counted_view(s: Shutdown) -> AnyView {
    let words = match s.placement {
        // The sentence of [`Shutdown::words`], its month the figure.
        Placement::Within(k) => view! {
            {format!("{}: ", s.when())}
            <span class="life-month" data-metric="ft_shutdown_month" data-value=k.to_string()>
                {format!("month {k} of the horizon")}
            </span>
            {format!(". {SUCCESSOR}")}
        }
        .into_any(),
        _ => s.words().into_any(),
    };
    view! {
        <p class="life-note warning" data-testid="end-of-life" data-counted="true" role="status">
            {words}
        </p>
    }
    .into_any()
}
