//! Native tests of the figures' table: the public names in their order,
//! the serving figures last and shown only with serving, and one worked
//! formula per figure shown.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::montecarlo::SimFigure;
use ft_roi::core::model::serving::{Capacity, Serving};
use ft_roi::core::present::figure::{Better, Figure};
use ft_roi::core::present::formulas::worked;
use ft_roi::core::{calculate, Inputs};

#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::F;

/// A scenario that pays for serving on the fine-tuned side.
const SERVED: Inputs = Inputs {
    ft_serving: Serving::Capacity(Capacity {
        unit_rate: 2.5,
        unit_rps: 5.0,
        peak_factor: 2.0,
        min_units: 1.0,
        unit_hours: 730.0,
    }),
    ..Inputs::EXAMPLE
};

/// The public names (`data-metric`, export keys) in reading order: the
/// table may grow, but these never change.
#[rustfmt::skip]
const NAMES: [&str; 32] = [
    "request_savings", "monthly_baseline_cost", "monthly_finetuned_cost", "monthly_gross_savings",
    "monthly_quality_value", "monthly_net_savings", "retraining_monthly_average", "break_even_months",
    "break_even_requests", "training_recovery_requests", "break_even_volume", "baseline_horizon_cost",
    "finetuned_horizon_cost", "investment", "net_operating_savings", "net_benefit", "roi_percent", "npv",
    "discounted_break_even_months", "annual_benefit", "annual_roi_one_time",
    // Serving costs.
    "baseline_serving_monthly", "finetuned_serving_monthly", "baseline_units", "finetuned_units",
    "baseline_utilization", "finetuned_utilization", "baseline_effective_cost", "finetuned_effective_cost",
    "effective_request_savings", "finetuned_idle_cost", "break_even_volume_max",
];

#[test]
fn the_public_names_are_as_published_in_reading_order() {
    let names: Vec<&str> = Figure::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, NAMES);
    let sim: Vec<&str> = SimFigure::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(
        sim,
        [
            "prob_payback_in_horizon",
            "prob_positive",
            "net_benefit_p10",
            "net_benefit_p50",
            "net_benefit_p90",
            "net_benefit_mean",
            "roi_percent_p10",
            "roi_percent_p50",
            "roi_percent_p90",
            "break_even_months_p50",
        ]
    );
    // No name twice, across both tables.
    let mut all: Vec<&str> = names.iter().chain(&sim).copied().collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), NAMES.len() + SimFigure::ALL.len());
}

#[test]
fn serving_figures_come_last_and_only_with_serving() {
    assert_eq!(Figure::SERVING.len(), 11);
    assert_eq!(Figure::SERVING[0], Figure::BaselineServingMonthly);
    for f in Figure::ALL {
        assert_eq!(Figure::SERVING.contains(&f), f.is_serving(), "{f:?}");
    }
    let plain = calculate(&Inputs::EXAMPLE);
    assert!(!plain.serving);
    assert_eq!(Figure::of(&plain).count(), 21);
    assert!(Figure::of(&plain).all(|f| !f.is_serving()));
    let served = calculate(&SERVED);
    assert!(served.serving);
    assert!(Figure::of(&served).eq(Figure::ALL));
}

#[test]
fn each_figure_shown_has_its_worked_formula_in_the_same_order() {
    for i in [Inputs::EXAMPLE, SERVED] {
        let r = calculate(&i);
        let formulas: Vec<&str> = worked(F, &i, &r).iter().map(|f| f.metric).collect();
        let figures: Vec<&str> = Figure::of(&r).map(Figure::name).collect();
        assert_eq!(formulas, figures);
        for f in worked(F, &i, &r) {
            assert!(f.worked.is_some_and(|w| !w.is_empty()), "{}", f.metric);
        }
    }
}

#[test]
fn the_table_reads_writes_and_ranks_each_figure() {
    let r = calculate(&Inputs::EXAMPLE);
    assert_eq!(Figure::NetBenefit.value(&r), Some(5900.0));
    assert_eq!(Figure::NetBenefit.text(F, &r), "$5,900.00");
    assert_eq!(Figure::NetBenefit.label(), "Projected net benefit");
    assert_eq!(Figure::NetBenefit.unit(), "$");
    assert_eq!(Figure::NetBenefit.better(), Better::Higher);
    assert_eq!(Figure::BreakEvenMonths.better(), Better::Lower);
    assert_eq!(Figure::BreakEvenMonths.write(F, 3.5), "3.50 months");
    assert_eq!(Figure::BreakEvenMonths.undefined(), "Never");
    // Words where a number would mislead.
    let free = calculate(&Inputs {
        training: 0.0,
        maintenance: 0.0,
        ..Inputs::EXAMPLE
    });
    assert_eq!(
        Figure::BreakEvenVolume.words(&free),
        Some("Pays at every volume")
    );
    assert_eq!(
        Figure::BreakEvenVolume.text(F, &free),
        "Pays at every volume"
    );
    assert_eq!(Figure::NetBenefit.words(&free), None);
}
