//! The page's state: one signal of raw text per field; everything else is
//! derived by memos.

use leptos::prelude::*;

use crate::core::query::raw_from_query;
use crate::core::{calculate, parse_inputs, Field, InputError, Inputs, RawInputs, Results};

/// The calculator's state, shared through context. `Copy`, like signals.
#[derive(Clone, Copy)]
pub struct Calc {
    /// The text of each field, exactly as typed, in [`Field::ALL`] order.
    pub fields: [RwSignal<String>; 6],
    /// The validated inputs, or each invalid field's error.
    pub parsed: Memo<Result<Inputs, Vec<(Field, InputError)>>>,
    /// The figures, when every field is valid.
    pub results: Memo<Option<Results>>,
}

impl Calc {
    /// State starting from `raw`.
    pub fn new(raw: RawInputs) -> Calc {
        let fields = raw.0.map(RwSignal::new);
        let parsed = Memo::new(move |_| parse_inputs(&RawInputs(fields.map(|f| f.get()))));
        let results = Memo::new(move |_| parsed.with(|p| p.as_ref().ok().map(calculate)));
        Calc {
            fields,
            parsed,
            results,
        }
    }

    /// State from the page's URL query, the reference example filling the
    /// fields it does not name.
    pub fn from_location() -> Calc {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        Calc::new(raw_from_query(&search, RawInputs::example()))
    }

    /// The text signal of `field`.
    pub fn field(self, field: Field) -> RwSignal<String> {
        self.fields[field.index()]
    }

    /// The error of `field`, if its text is invalid.
    pub fn error(self, field: Field) -> Option<InputError> {
        self.parsed.with(|p| match p {
            Ok(_) => None,
            Err(errors) => errors.iter().find(|(f, _)| *f == field).map(|&(_, e)| e),
        })
    }

    /// Puts the reference example back in every field.
    pub fn reset(self) {
        for (signal, text) in self.fields.iter().zip(RawInputs::example().0) {
            signal.set(text);
        }
    }

    /// One figure of the results, `None` when undefined or not computable.
    pub fn figure(self, pick: fn(&Results) -> Option<f64>) -> Signal<Option<f64>> {
        let results = self.results;
        Signal::derive(move || results.with(|r| r.as_ref().and_then(pick)))
    }
}

/// The state provided by [`crate::app::App`].
pub fn use_calc() -> Calc {
    expect_context::<Calc>()
}
