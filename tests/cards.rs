//! The headline cards agree with each other, and the break-even volume is
//! never shown as 0 (issue #25): with capacity serving the saving per
//! request and the training recovery count the serving costs, and a
//! fine-tune that pays at every volume (or at none) says so in words, in
//! the figures, the volume chart and the formula panel.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::closed::net_benefit;
use ft_roi::core::model::serving::{Capacity, Serving};
use ft_roi::core::present::chart::volume;
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::{count, money, unit_cost, F};
use ft_roi::core::present::figure::Figure;
use ft_roi::core::present::formulas::worked;
use ft_roi::core::{calculate, Inputs, Results};

fn capacity(unit_rate: f64, unit_rps: f64) -> Serving {
    Serving::Capacity(Capacity {
        unit_rate,
        unit_rps,
        peak_factor: 2.0,
        min_units: 1.0,
        unit_hours: 730.0,
    })
}

/// Four baseline units at $10 an hour replaced by one fine-tuned unit at
/// $2.50 (five times the throughput); no per-request costs: every saving
/// comes from serving.
const SELF_HOSTED: Inputs = Inputs {
    baseline: 0.0,
    finetuned: 0.0,
    requests: 5e6,
    base_serving: Serving::Capacity(Capacity {
        unit_rate: 10.0,
        unit_rps: 1.0,
        peak_factor: 2.0,
        min_units: 1.0,
        unit_hours: 730.0,
    }),
    ft_serving: Serving::Capacity(Capacity {
        unit_rate: 2.5,
        unit_rps: 5.0,
        peak_factor: 2.0,
        min_units: 1.0,
        unit_hours: 730.0,
    }),
    ..Inputs::EXAMPLE
};

#[track_caller]
fn text(name: &str, r: &Results) -> String {
    Figure::ALL
        .into_iter()
        .find(|f| f.name() == name)
        .unwrap_or_else(|| panic!("no figure {name}"))
        .text(F, r)
}

#[test]
fn savings_from_serving_are_savings_per_request() {
    let r = calculate(&SELF_HOSTED);
    assert_eq!(r.baseline_units, Some(4.0));
    assert_eq!(r.finetuned_units, Some(1.0));
    // The per-request costs alone save nothing…
    assert_eq!(text("request_savings", &r), "$0.00");
    // …serving saves (29,200 − 1,825) ÷ 5,000,000 a request.
    assert_eq!(text("effective_request_savings", &r), "$0.005475");
    assert_eq!(
        r.effective_request_savings.unwrap(),
        r.baseline_effective_cost.unwrap() - r.finetuned_effective_cost.unwrap()
    );
    // And it repays the training cost: 2,500 ÷ 0.005475.
    assert_eq!(text("training_recovery_requests", &r), "456,621 requests");
    // The cards agree: savings a request × requests − maintenance is the
    // monthly net, and break-even is a fraction of a month.
    let per_request = r.effective_request_savings.unwrap();
    assert!((per_request * SELF_HOSTED.requests - 100.0 - r.monthly_net_savings).abs() < 1e-6);
    assert_eq!(money(r.monthly_net_savings), "$27,275.00");
    assert_eq!(text("break_even_months", &r), "0.09 months");
}

#[test]
fn without_serving_the_cards_are_as_before() {
    let r = calculate(&Inputs::EXAMPLE);
    assert_eq!(r.effective_request_savings, None);
    assert_eq!(text("training_recovery_requests", &r), "312,500 requests");
    assert_eq!(unit_cost(r.request_savings), "$0.008");
}

#[test]
fn serving_that_costs_more_than_it_saves_is_counted_too() {
    // An Azure-like fee on the reference example: $1,241 a month over
    // 100,000 requests costs more than the $0.008 a request saves.
    let i = Inputs {
        ft_serving: Serving::Hourly {
            rate: 1.7,
            hours: 730.0,
            deployments: 1.0,
        },
        ..Inputs::EXAMPLE
    };
    let r = calculate(&i);
    assert_eq!(unit_cost(r.effective_request_savings.unwrap()), "−$0.00441");
    assert_eq!(text("training_recovery_requests", &r), "Never");
    // With no requests there is no saving per request to speak of.
    let r = calculate(&Inputs { requests: 0.0, ..i });
    assert_eq!(r.effective_request_savings, None);
    assert_eq!(text("effective_request_savings", &r), "n/a: no requests");
    assert_eq!(text("training_recovery_requests", &r), "n/a: no requests");
}

#[test]
fn a_fine_tune_that_pays_at_every_volume_says_so() {
    let r = calculate(&SELF_HOSTED);
    // The model's figure stays the lowest volume, 0 (exports, comparison)…
    assert_eq!(r.break_even_volume, Some(0.0));
    assert!(r.pays_at_every_volume);
    // …but no page shows it as a volume.
    assert_eq!(text("break_even_volume", &r), "Pays at every volume");
    let at_zero = net_benefit(&Inputs {
        requests: 0.0,
        ..SELF_HOSTED
    });
    assert_eq!(money(at_zero), "$62,000.00");
    let chart = volume(F, &SELF_HOSTED, &r, 640.0, 300.0);
    assert!(
        !chart.summary.contains("reaches zero at 0"),
        "{}",
        chart.summary
    );
    assert!(
        chart
            .summary
            .contains("at or above zero at every volume ($62,000.00 with no requests)"),
        "{}",
        chart.summary
    );
    let line = worked(F, &SELF_HOSTED, &r)
        .into_iter()
        .find(|f| f.metric == "break_even_volume")
        .and_then(|f| f.worked)
        .unwrap();
    assert!(
        line.ends_with("= $62,000.00 with no requests: at or above zero at every volume"),
        "{line}"
    );
}

#[test]
fn break_even_volume_cases_in_words() {
    #[track_caller]
    fn check(name: &str, i: Inputs, every: bool, words: &str) {
        let r = calculate(&i);
        assert_eq!(r.pays_at_every_volume, every, "{name}");
        assert_eq!(text("break_even_volume", &r), words, "{name}");
    }
    let ex = Inputs::EXAMPLE;
    // A volume to reach: the number, as before.
    check("reference", ex, false, "38,542 requests/month");
    // Nothing to recover: every volume pays (closed form).
    check(
        "no costs",
        Inputs {
            training: 0.0,
            maintenance: 0.0,
            ..ex
        },
        true,
        "Pays at every volume",
    );
    // A dearer baseline deployment: the line starts above zero and rises.
    let hourly = |rate: f64, deployments: f64| Serving::Hourly {
        rate,
        hours: 730.0,
        deployments,
    };
    check(
        "hourly fees",
        Inputs {
            base_serving: hourly(10.0, 1.0),
            ft_serving: hourly(1.0, 2.0),
            ..ex
        },
        true,
        "Pays at every volume",
    );
    // Pays from zero volume, but each fine-tuned unit costs more than the
    // requests it serves save: below zero above 131,400 for good.
    let i = Inputs {
        base_serving: hourly(5.0, 1.0),
        ft_serving: capacity(2.5, 0.05),
        ..ex
    };
    check("up to a volume", i, false, "Pays even at zero volume");
    assert_eq!(
        count(calculate(&i).break_even_volume_max.unwrap()),
        "131,400"
    );
    let chart = volume(F, &i, &calculate(&i), 640.0, 300.0);
    assert!(
        chart
            .summary
            .contains("at or above zero from zero volume to 131,400 requests a month"),
        "{}",
        chart.summary
    );
    // Savings that are not positive: no volume.
    check(
        "dearer fine-tune",
        Inputs {
            finetuned: 0.03,
            ..ex
        },
        false,
        "n/a",
    );
    check(
        "serving that never pays",
        Inputs {
            ft_serving: capacity(2.5, 0.001),
            ..ex
        },
        false,
        "n/a",
    );
}

#[test]
fn a_dip_below_zero_after_a_unit_step_is_not_every_volume() {
    // Pays at zero volume thanks to a baseline hosting fee, and in the long
    // run thanks to savings a request; in between, the first fine-tuned
    // unit steps below zero.
    let i = Inputs {
        training: 0.0,
        maintenance: 0.0,
        baseline: 0.02,
        finetuned: 0.0,
        base_serving: Serving::Hourly {
            rate: 0.01,
            hours: 730.0,
            deployments: 1.0,
        },
        ft_serving: Serving::Capacity(Capacity {
            unit_rate: 10.0,
            unit_rps: 1.0,
            peak_factor: 2.0,
            min_units: 0.0,
            unit_hours: 730.0,
        }),
        ..Inputs::EXAMPLE
    };
    let r = calculate(&i);
    assert_eq!(r.break_even_volume, Some(0.0));
    assert_eq!(r.break_even_volume_max, None);
    let just_above = net_benefit(&Inputs { requests: 1.0, ..i });
    assert!(just_above < 0.0, "{just_above}");
    assert!(!r.pays_at_every_volume);
    assert_eq!(text("break_even_volume", &r), "Pays even at zero volume");
}

#[test]
fn a_range_in_percent_of_zero_does_nothing() {
    use ft_roi::core::model::uncertainty::RANGED;
    let on_zero = |i: &Inputs| -> Vec<&str> {
        RANGED
            .iter()
            .filter(|r| r.on_zero(i))
            .map(|r| r.name)
            .collect()
    };
    assert!(on_zero(&Inputs::EXAMPLE).is_empty());
    // Per-request costs of 0 (self-hosted): their ranges do nothing; growth's
    // ends are growth rates themselves, so a growth of 0 can still range.
    assert_eq!(on_zero(&SELF_HOSTED), ["baseline", "finetuned"]);
    let i = Inputs {
        training: 0.0,
        growth: 0.0,
        ..Inputs::EXAMPLE
    };
    assert_eq!(on_zero(&i), ["training"]);
}
