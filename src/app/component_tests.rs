//! Component tests: a few components mounted in headless Chromium with
//! `wasm-bindgen-test`, for behaviour that needs a browser but no release
//! build (`./tools/test.sh` runs them; see docs/development.md).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::chart_parts::AsTable;
use super::form::widgets::{ChoiceField, NumberField};
use super::results::metric::{FitRow, Metric, Tile};
use super::shell::state::Calc;
use crate::core::present::chart::{Cell, Row, Table};
use crate::core::present::figure::Figure;
use crate::core::present::format::Fmt;
use crate::core::{Field, RawInputs};

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` (with a calculator on the reference example in context)
/// in a fresh element, and returns the element and the calculator.
fn mount<V: IntoView + 'static>(
    view: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, Calc) {
    let parent: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document()
        .body()
        .expect("a body")
        .append_child(&parent)
        .expect("appended");
    let calc = Calc::new(RawInputs::example());
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(calc);
        view()
    });
    // Kept mounted for the test's life.
    std::mem::forget(handle);
    (parent, calc)
}

/// The element matching `selector` inside `root`.
fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into()
}

/// Lets the reactive system run its effects.
async fn tick() {
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn a_tile_carries_its_name_value_and_words_for_undefined() {
    let value = RwSignal::new(Some(5900.0));
    let (root, _) = mount(move || {
        view! {
            <dl>
                <Tile name="net_benefit" label="Projected net benefit" value=value format=Fmt::money undefined="Never"/>
            </dl>
        }
    });
    let dd = find(&root, "[data-metric=net_benefit]");
    assert_eq!(dd.get_attribute("data-value").as_deref(), Some("5900"));
    assert_eq!(dd.inner_text(), "$5,900.00");
    value.set(None);
    tick().await;
    assert_eq!(dd.inner_text(), "Never");
    assert_eq!(dd.get_attribute("data-value").as_deref(), Some(""));
}

#[wasm_bindgen_test]
async fn a_figure_of_the_results_takes_its_name_label_and_text_from_the_table() {
    let (root, calc) = mount(|| {
        view! {
            <dl>
                <Metric figure=Figure::NetBenefit/>
                <Metric figure=Figure::RequestSavings label="Per-request savings before serving"/>
            </dl>
        }
    });
    tick().await;
    let dd = find(&root, "[data-metric=net_benefit]");
    assert_eq!(dd.get_attribute("data-value").as_deref(), Some("5900"));
    assert_eq!(dd.inner_text(), "$5,900.00");
    assert_eq!(find(&root, "dt").inner_text(), "Projected net benefit");
    let savings = find(&root, "[data-metric=request_savings]");
    assert_eq!(savings.inner_text(), "$0.008");
    assert!(root
        .inner_text()
        .contains("Per-request savings before serving"));
    // A field made invalid: no results, and the figure reads as undefined.
    calc.field(Field::Training).set("x".to_owned());
    tick().await;
    assert_eq!(dd.get_attribute("data-value").as_deref(), Some(""));
}

#[wasm_bindgen_test]
async fn a_fit_row_gives_its_tiles_the_widest_figure_width() {
    let long = RwSignal::new(Some(183_824.0));
    let (root, _) = mount(move || {
        view! {
            <FitRow class="metrics">
                <Tile name="a" label="A" value=Signal::derive(|| Some(1.0)) format=Fmt::money fit=true/>
                <Tile name="b" label="B" value=long format=|_, x| format!("{x} requests") fit=true/>
            </FitRow>
        }
    });
    tick().await;
    let row = find(&root, "dl.metrics");
    let width = row
        .style()
        .get_property_value("--row-half-chars")
        .expect("a style");
    // "183824 requests": 15 characters of two halves each.
    assert_eq!(width, "30");
    long.set(Some(1.0));
    tick().await;
    let width = row
        .style()
        .get_property_value("--row-half-chars")
        .expect("a style");
    assert_eq!(
        width, "20",
        "the row follows its widest figure: \"1 requests\", not \"$1.00\""
    );
}

#[wasm_bindgen_test]
async fn a_number_field_keeps_what_is_typed_and_shows_its_message() {
    let (root, calc) = mount(|| view! { <NumberField field=Field::Requests/> });
    tick().await;
    let input: web_sys::HtmlInputElement = find(&root, "input[name=requests]").unchecked_into();
    assert_eq!(input.value(), "100000");
    input.set_value("12abc");
    let event = web_sys::Event::new("input").expect("an event");
    input.dispatch_event(&event).expect("dispatched");
    tick().await;
    assert_eq!(
        calc.field(Field::Requests).get_untracked(),
        "12abc",
        "the text is kept as typed"
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn a_choice_field_sets_its_field_to_the_option_chosen() {
    let (root, calc) = mount(|| view! { <ChoiceField field=Field::CostMode/> });
    let tokens: web_sys::HtmlInputElement =
        find(&root, "input[name=cost_mode][value=tokens]").unchecked_into();
    tokens.click();
    tick().await;
    assert_eq!(calc.field(Field::CostMode).get_untracked(), "tokens");
}

#[wasm_bindgen_test]
async fn a_table_alternative_is_built_only_while_open() {
    let open = RwSignal::new(false);
    let table = Signal::derive(|| {
        Some(Table {
            columns: vec!["Input".to_owned(), "−20%".to_owned()],
            rows: vec![Row {
                input: Some("baseline"),
                head: Cell {
                    text: "Baseline".to_owned(),
                    value: None,
                },
                cells: vec![Cell {
                    text: "−$4,800.00".to_owned(),
                    value: Some("-4800".to_owned()),
                }],
            }],
        })
    });
    let (root, _) = mount(move || {
        view! { <AsTable open name="tornado" what="Sensitivity" table/> }
    });
    tick().await;
    assert_eq!(
        find(&root, "details.as-table > summary").inner_text(),
        "Show as table"
    );
    assert!(
        root.query_selector("table").expect("a selector").is_none(),
        "closed: no table"
    );
    open.set(true);
    tick().await;
    let region = find(&root, "div.table-scroll");
    assert_eq!(region.class_name(), "table-scroll", "not tall");
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Sensitivity as a table")
    );
    let table = find(&root, "table[data-table=tornado]");
    let text = |selector: &str| find(&table, selector).inner_text();
    assert_eq!(text("thead th[scope=col]:nth-child(1)"), "Input");
    assert_eq!(text("thead th[scope=col]:nth-child(2)"), "−20%");
    assert_eq!(
        text("tr[data-input=baseline] th[scope=row]:not([data-value])"),
        "Baseline"
    );
    assert_eq!(
        text("tr[data-input=baseline] td[data-value=\"-4800\"]"),
        "−$4,800.00"
    );
    open.set(false);
    tick().await;
    assert!(
        root.query_selector("table").expect("a selector").is_none(),
        "closed again"
    );
}
