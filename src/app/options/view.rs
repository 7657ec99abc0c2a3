//! The options view (wasm chunk `options`): one column per option with its
//! name, kind and fields (options 3 to 6; options 1 and 2 are the form's
//! two sides), its figures, and the buttons that add, move, duplicate and
//! remove options. Columns stack at phone width (CSS).

use leptos::prelude::*;

use super::edit;
use crate::app::form::widgets::{ChoiceField, NumberField};
use crate::app::shell::state::{use_calc, Calc};
use crate::core::inputs::field::Kind;
use crate::core::inputs::option_fields::{Term, FIRST, LAST};
use crate::core::model::options::{OptionCost, OptionKind};
use crate::core::model::{compare, Basis, Results};
use crate::core::present::format::raw;
use crate::core::present::options::OptionsView;

/// One option's figures.
#[derive(Clone, Debug, PartialEq)]
struct Column {
    number: usize,
    title: String,
    cost: Option<OptionCost>,
    per_request: Option<f64>,
    /// The value of its accuracy over option 1's over the horizon ($).
    accuracy_value: Option<f64>,
    /// Its figures against option 1 (options 2 to 6).
    against_first: Option<Results>,
}

/// Every option's figures and the view's summary, while the figures can
/// be computed.
fn columns(calc: Calc) -> Option<(OptionsView, Vec<Column>)> {
    calc.checked.with(|c| {
        let p = c.parsed.as_ref()?;
        let view = OptionsView::of(p);
        let basis = Basis::of(&p.inputs);
        let approaches = p.option_approaches();
        let first = approaches.first().and_then(|(_, a)| *a)?;
        let requests = basis.requests * basis.volume_factor(basis.months);
        let cols = view
            .lines
            .iter()
            .zip(&approaches)
            .map(|(line, (_, a))| Column {
                number: line.number,
                title: line.title.clone(),
                cost: line.cost,
                per_request: line.per_request,
                accuracy_value: a.map(|a| a.accuracy / 100.0 * basis.error_value * requests),
                against_first: a
                    .filter(|_| line.number > 1)
                    .map(|a| compare(&basis, &first, &a)),
            })
            .collect();
        Some((view, cols))
    })
}

/// The options view.
#[component]
pub fn OptionsCard() -> impl IntoView {
    let calc = use_calc();
    // From now on the page reads options 3 to 6 (their reader is in this
    // chunk, not in the first module).
    calc.read_options(crate::core::parse_scenario);
    let data = Memo::new(move |_| columns(calc));
    let status = RwSignal::new(String::new());
    // The options present, tracked: a change of any option's kind redraws
    // the columns.
    let numbers = Memo::new(move |_| {
        (FIRST..=LAST)
            .filter(|&k| {
                Term::Kind
                    .of(k)
                    .is_some_and(|f| calc.field(f).with(|t| !t.trim().is_empty()))
            })
            .collect::<Vec<_>>()
    });
    // Every number from 3 to 6 taken: nothing left to add.
    let full = move || numbers.with(Vec::len) > LAST - FIRST;
    let add = move |_| {
        if let Some(k) = edit::add(calc) {
            status.set(format!("Option {k} added."));
        }
    };
    let cheapest = move || data.with(|d| d.as_ref().and_then(|(v, _)| v.cheapest));
    let line = move || {
        let fmt = calc.fmt.get();
        data.with(|d| {
            d.as_ref()
                .map(|(v, _)| (v.cheapest_text(), v.volumes_data(), v.crossovers_text(fmt)))
        })
    };
    view! {
        <section class="card options-view" aria-labelledby="options-title" data-testid="options-view">
            <h2 id="options-title">"Options side by side"</h2>
            <p class="fine" data-testid="options-line">
                "Cheapest over the horizon: "
                <span data-metric="cheapest_option" data-value=move || cheapest().map(|k| k.to_string())>
                    {move || line().map(|l| l.0)}
                </span>
                "; the cheapest changes at: "
                <span data-metric="crossover_volumes" data-value=move || line().map(|l| l.1)>
                    {move || line().map(|l| l.2)}
                </span>
                "."
            </p>
            <button type="button" data-testid="add-option" on:click=add disabled=full>
                "Add an option"
            </button>
            <p class="sr-only" role="status">{move || status.get()}</p>
            <div class="option-columns">
                <SideColumn number=1 data/>
                <SideColumn number=2 data/>
                <For each=move || numbers.get() key=|k| *k let:k>
                    <OptionColumn number=k data status/>
                </For>
            </div>
            <super::charts::OptionsCharts/>
            <super::decision::DecisionTableView options=Signal::derive(move || data.with(|d| d.as_ref().map(|(v, _)| v.clone())))/>
        </section>
    }
}

/// Option 1 or 2: one of the form's two sides, edited there.
#[component]
fn SideColumn(
    /// 1 (the baseline side) or 2 (the fine-tuned side).
    number: usize,
    /// Every option's figures.
    data: Memo<Option<(OptionsView, Vec<Column>)>>,
) -> impl IntoView {
    let title = if number == 1 {
        "Baseline"
    } else {
        "Fine-tuned"
    };
    view! {
        <div class="option-column" data-option=number>
            <h3>{format!("{title} (option {number})")}</h3>
            <p class="fine">"Its inputs are the form's " {if number == 1 { "baseline" } else { "fine-tuned" }} " side."</p>
            <Figures number data/>
        </div>
    }
}

/// Option 3 to 6: its name, kind, fields and figures, with the buttons
/// that move, duplicate and remove it.
#[component]
fn OptionColumn(
    /// Its number, 3 to 6.
    number: usize,
    /// Every option's figures.
    data: Memo<Option<(OptionsView, Vec<Column>)>>,
    /// The view's spoken status.
    status: RwSignal<String>,
) -> impl IntoView {
    let calc = use_calc();
    let field = move |t: Term| t.of(number).unwrap_or(crate::core::Field::Training);
    let name = calc.field(field(Term::Name));
    let kind = calc.field(field(Term::Kind));
    let prev = move || (FIRST..number).rev().find(|&j| edit::present(calc, j));
    let next = move || (number + 1..=LAST).find(|&j| edit::present(calc, j));
    let title = move || {
        let n = name.get();
        if n.trim().is_empty() {
            format!("Option {number}")
        } else {
            n.trim().to_owned()
        }
    };
    let terms = move || {
        calc.parsed(|p| {
            p.and_then(|p| {
                p.options
                    .iter()
                    .find(|o| o.number == number)
                    .map(|o| o.terms.clone())
            })
        })
        .unwrap_or_default()
    };
    view! {
        <div class="option-column" data-option=number>
            <h3>{title}</h3>
            <div class="option-actions">
                <button type="button" data-testid="option-left" disabled=move || number == FIRST
                    aria-label=move || format!("Move {} left", title())
                    on:click=move |_| if let Some(j) = prev() { edit::swap(calc, number, j); status.set(format!("Moved to option {j}.")); }>"←"</button>
                <button type="button" data-testid="option-right"
                    aria-label=move || format!("Move {} right", title())
                    on:click=move |_| if let Some(j) = next() { edit::swap(calc, number, j); status.set(format!("Moved to option {j}.")); }>"→"</button>
                <button type="button" data-testid="option-duplicate"
                    on:click=move |_| if let Some(n) = edit::duplicate(calc, number) { status.set(format!("Copied to option {n}.")); }>"Duplicate"</button>
                <button type="button" data-testid="option-remove"
                    on:click=move |_| { edit::remove(calc, number); status.set(format!("Option {number} removed.")); }>"Remove"</button>
            </div>
            <div class="field">
                <label for=format!("field-o{number}_name")>"Name"</label>
                <input id=format!("field-o{number}_name") name=field(Term::Name).name() type="text" maxlength="80"
                    aria-invalid=move || if calc.error(field(Term::Name)).is_some() { "true" } else { "false" }
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <p class="error" data-error=field(Term::Name).name()>{move || calc.error(field(Term::Name)).map(|e| e.to_string())}</p>
            </div>
            <div class="field">
                <label for=format!("field-o{number}_kind")>"Kind"</label>
                <select id=format!("field-o{number}_kind") name=field(Term::Kind).name()
                    on:change=move |ev| kind.set(event_target_value(&ev))>
                    {OptionKind::ALL.iter().map(|&(_, k)| view! {
                        <option value=k selected=move || kind.with(|t| t.trim() == k)>{kind_label(k)}</option>
                    }).collect_view()}
                </select>
                <p class="error" data-error=field(Term::Kind).name()>{move || calc.error(field(Term::Kind)).map(|e| e.to_string())}</p>
            </div>
            {move || terms().into_iter().filter(|t| !matches!(t, Term::Kind | Term::Name)).map(|t| {
                let f = field(t);
                if matches!(f.kind(), Kind::Choice(_)) {
                    view! { <ChoiceField field=f/> }.into_any()
                } else {
                    view! { <NumberField field=f/> }.into_any()
                }
            }).collect_view()}
            <Figures number data/>
        </div>
    }
}

/// What people read for a kind.
fn kind_label(kind: &str) -> &'static str {
    match kind {
        "rag" => "Model with retrieval",
        "finetune" => "Fine-tuned model",
        "distill" => "Distilled model",
        _ => "Model (prompting)",
    }
}

/// One option's figures: its costs, cost per request, the value of its
/// accuracy apart, and against option 1 the net benefit, ROI and
/// break-even.
#[component]
fn Figures(
    /// The option's number.
    number: usize,
    /// Every option's figures.
    data: Memo<Option<(OptionsView, Vec<Column>)>>,
) -> impl IntoView {
    let calc = use_calc();
    let col = move || {
        data.with(|d| {
            d.as_ref()
                .and_then(|(_, c)| c.iter().find(|c| c.number == number).cloned())
        })
    };
    let row = move |name: &'static str,
                    label: &'static str,
                    pick: fn(&Column) -> Option<f64>,
                    money: bool| {
        let value = move || col().as_ref().and_then(pick);
        let text = move || {
            let fmt = calc.fmt.get();
            match (col(), value()) {
                (None, _) => "invalid".to_owned(),
                (Some(c), _) if c.cost.is_none() => "invalid".to_owned(),
                (_, Some(v)) if money => fmt.money(v),
                (_, Some(v)) if name == "option_cost_per_request" => fmt.unit_cost(v),
                (_, Some(v)) if name == "option_roi_percent" => fmt.percent(v),
                (_, Some(v)) if name == "option_break_even_months" => fmt.months(v),
                (_, Some(v)) => fmt.count(v),
                (_, None) => "n/a".to_owned(),
            }
        };
        view! {
            <div class="metric">
                <dt>{label}</dt>
                <dd data-metric=name data-value=move || raw(value())>{text}</dd>
            </div>
        }
    };
    view! {
        <dl class="rows">
            {row("option_cost", "Cost over the horizon", |c| c.cost.map(|c| c.cost), true)}
            {row("option_pv_cost", "Present-value cost", |c| c.cost.map(|c| c.pv_cost), true)}
            {row("option_cost_per_request", "Cost per request", |c| c.per_request, false)}
            {row("option_accuracy_value", "Errors avoided, value (in the costs)", |c| c.accuracy_value, true)}
            // issue 28: its chance of being the cheapest, with ranges.
            <super::odds::Odds number/>
            {(number > 1).then(|| view! {
                {row("option_net_benefit", "Net benefit over option 1", |c| c.against_first.map(|r| r.net_benefit), true)}
                {row("option_roi_percent", "ROI over option 1", |c| c.against_first.and_then(|r| r.roi_percent), false)}
                {row("option_break_even_months", "Break-even against option 1", |c| c.against_first.and_then(|r| r.break_even_months), false)}
                {row("option_break_even_volume", "Break-even volume against option 1", |c| c.against_first.and_then(|r| r.break_even_volume), false)}
            })}
        </dl>
    }
}
