//! The price catalogue's page state: the prices of the models
//! the scenario names, the note under each filled field (date, source,
//! changed from the catalogue, one click back), and the notice for model
//! labels the catalogue does not know. Below the form's widgets: the pickers
//! that fill the fields are in `pickers.rs`.

pub(crate) mod cards;
pub(crate) mod choose;
pub(crate) mod dialog;
// issue 27: the fine-tuned model's end of life.
pub(crate) mod life;
pub(crate) mod pickers;

use leptos::prelude::*;

use super::shell::state::{use_calc, Calc};
use crate::core::catalogue::fill::{
    current, differs, gap_markup, gaps, note_markup, term_markup, term_notes, text, unknown_labels,
    Fill, Gap, TermNote,
};
use crate::core::catalogue::Entry;
use crate::core::inputs::field::CostMode;
use crate::core::{DecimalMark, Field};

/// The catalogue's page state, shared through context.
#[derive(Clone, Copy)]
pub struct Catalogue {
    /// The prices of the models and unit types the scenario names, as they
    /// would be filled now: what each field is compared with.
    pub fills: Memo<Vec<Fill>>,
    /// The prices the models the scenario names do not list.
    pub gaps: Memo<Vec<Gap>>,
    /// What the bill-term fields say about the models (issue 27).
    pub terms: Memo<Vec<TermNote>>,
    /// Per pick (`Pick::slot`), an entry chosen in another currency before
    /// a rate was typed.
    pub pending: RwSignal<[Option<&'static Entry>; 4]>,
    /// Per pick, the conversion factor of its last fill (1 in US dollars).
    pub applied: StoredValue<[Option<f64>; 4]>,
    /// What the last pick from the catalogue dialog did, in words (issue
    /// 25: it may have switched request costs to tokens).
    pub said: RwSignal<String>,
    /// The fine-tuned model whose training price the last pick could not
    /// put to use, because the investment builder holds the user's own
    /// values: the notice offers to price compute by tokens.
    pub compute_offer: RwSignal<Option<&'static Entry>>,
}

/// The catalogue bar's hint: what the catalogue does in the cost mode
/// (`tokens`: request costs from token prices).
pub fn bar_hint(tokens: bool) -> &'static str {
    if tokens {
        "Choose models from the price catalogue below, or type your own prices."
    } else {
        "Pick a model in the price catalogue to build request costs from its token prices (this switches them to tokens), or a GPU-hour price for capacity units."
    }
}

/// The catalogue's bar as it will look, until its chunk (`catalogue`, after
/// the first paint) has come: its hint and its button, disabled meanwhile,
/// so that the price fields below it do not move when it comes.
pub fn bar_stand_in() -> AnyView {
    let calc = use_calc();
    let hint = move || bar_hint(calc.is(Field::CostMode, CostMode::Tokens));
    view! {
        <div class="catalogue-bar" data-stand-in="">
            <p class="hint">{hint}</p>
            <button type="button" class="ghost" disabled>"Price catalogue"</button>
        </div>
    }
    .into_any()
}

/// Sets up the catalogue's state for `calc` and tells the user about model
/// labels in the starting scenario that the catalogue does not know.
pub fn provide(calc: Calc) {
    let fills = Memo::new(move |_| {
        // Only these fields decide the fills; the rest are read untracked.
        for f in [
            Field::BaseModel,
            Field::FtModel,
            Field::BaseUnitType,
            Field::FtUnitType,
            Field::BaseUnitGpus,
            Field::FtUnitGpus,
            Field::Currency,
            Field::FxRate,
            Field::PriceUnit,
            Field::Locale,
        ] {
            calc.field(f).track();
        }
        current(&calc.raw_untracked())
    });
    let gaps = Memo::new(move |_| {
        for f in [
            Field::BaseModel,
            Field::FtModel,
            Field::BaseServing,
            Field::FtServing,
        ] {
            calc.field(f).track();
        }
        gaps(&calc.raw_untracked())
    });
    let terms = Memo::new(move |_| {
        for f in [
            Field::BaseModel,
            Field::FtModel,
            Field::BaseReasoningTokens,
            Field::FtReasoningTokens,
            Field::Locale,
        ] {
            calc.field(f).track();
        }
        term_notes(&calc.raw_untracked())
    });
    provide_context(Catalogue {
        fills,
        gaps,
        terms,
        pending: RwSignal::new([None; 4]),
        applied: StoredValue::new([None; 4]),
        said: RwSignal::new(String::new()),
        compute_offer: RwSignal::new(None),
    });
    check_models(calc);
}

/// Tells the user about each model label of the scenario that the catalogue
/// does not know (a link made with a newer catalogue, a typo): it is
/// ignored, and the prices in the scenario still apply. Run wherever a whole
/// scenario comes in (the page's start, an import, a saved scenario).
pub fn check_models(calc: Calc) {
    let unknown = unknown_labels(&calc.raw_untracked());
    if unknown.is_empty() {
        calc.dismiss("catalogue");
        return;
    }
    let names: Vec<String> = unknown
        .iter()
        .map(|(field, id)| format!("\u{201c}{id}\u{201d} ({})", field.label()))
        .collect();
    calc.notify(
        "catalogue",
        format!(
            "This scenario names {} the price catalogue does not have: {}. It is ignored; \
             the prices in the scenario still apply.",
            // a unit type (GPU-hour entry) is not a model.
            if unknown
                .iter()
                .all(|(f, _)| matches!(f, Field::BaseModel | Field::FtModel))
            {
                "a model"
            } else {
                "an entry"
            },
            names.join(", ")
        ),
    );
}

/// The catalogue price filled in `field`, if any, and whether the field now
/// holds something else: what [`FillNote`] and the field's
/// `data-catalogue` show.
pub fn field_fill(field: Field) -> Signal<Option<(Fill, bool)>> {
    let Some(state) = use_context::<Catalogue>() else {
        return Signal::derive(|| None);
    };
    let calc = use_calc();
    let text = calc.field(field);
    let locale = calc.field(Field::Locale);
    Signal::derive(move || {
        let fill = state
            .fills
            .with(|list| list.iter().find(|f| f.field == field).copied())?;
        let mark = locale.with(|l| DecimalMark::of_locale(l));
        Some((fill, text.with(|t| differs(&fill, t, mark))))
    })
}

/// The price the chosen model does not list for `field`, if any.
pub fn field_gap(field: Field) -> Signal<Option<Gap>> {
    let Some(state) = use_context::<Catalogue>() else {
        return Signal::derive(|| None);
    };
    Signal::derive(move || {
        state
            .gaps
            .with(|list| list.iter().find(|g| g.field == field).copied())
    })
}

/// What the bill-term `field` says about its side's model, if anything.
pub fn field_term(field: Field) -> Signal<Option<TermNote>> {
    let Some(state) = use_context::<Catalogue>() else {
        return Signal::derive(|| None);
    };
    Signal::derive(move || {
        state
            .terms
            .with(|list| list.iter().find(|t| t.field == field).copied())
    })
}

/// Under a filled field: "as of <date> · <source>", or, once the value was
/// edited, that it changed from the catalogue's and a button to put it back;
/// under a field whose price the chosen model does not list, that its value
/// is not from the catalogue. The words are one string of markup from the
/// core (`fill::note_markup`, `fill::gap_markup`).
#[component]
pub fn FillNote(
    /// The field.
    field: Field,
    /// Its catalogue price and whether it was changed ([`field_fill`]).
    fill: Signal<Option<(Fill, bool)>>,
    /// The price the chosen model does not list for it ([`field_gap`]).
    gap: Signal<Option<Gap>>,
    /// What it says about a bill term of the model ([`field_term`]).
    term: Signal<Option<TermNote>>,
) -> impl IntoView {
    let calc = use_calc();
    let name = field.name();
    let note = move || {
        let Some((f, changed)) = fill.get() else {
            let markup = match gap.get() {
                Some(g) => gap_markup(&g),
                None => term_markup(&term.get()?),
            };
            return Some(view! { <span inner_html=markup></span> }.into_any());
        };
        let mark = DecimalMark::of_locale(&calc.field(Field::Locale).get_untracked());
        let code = calc.field(Field::Currency).get_untracked();
        let markup = note_markup(&f, changed, mark, &code);
        let restore = changed.then(|| {
            let value = text(f.value, mark);
            view! {
                " "
                <button type="button" class="link-button" data-testid="catalogue-restore" on:click=move |_| calc.field(field).set(value.clone())>
                    "Use catalogue price"
                </button>
            }
        });
        Some(view! { <span inner_html=markup></span> {restore} }.into_any())
    };
    view! {
        <p class="from-catalogue" id=format!("field-{name}-source") data-catalogue-note=name>{note}</p>
    }
}
