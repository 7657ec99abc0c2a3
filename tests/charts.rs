//! Native tests of the schedule (against the closed forms and hand-computed
//! NPV), growth, the tornado's ordering and the chart geometry, degenerate
//! ranges included.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::montecarlo::simulate;
use ft_roi::core::model::schedule::{break_evens, schedule, to_csv};
use ft_roi::core::present::chart::{
    distribution, label_place, log_ticks, nice_ticks, path, pointed, timeline, tornado,
    usable_domain, volume, Cell, Scale, Table,
};
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::{money, money_short, months, F};
use ft_roi::core::{calculate, parse_scenario, Field, Inputs, RawInputs, Status};
use proptest::prelude::*;

const EX: Inputs = Inputs::EXAMPLE;

#[test]
fn npv_and_discounted_payback_against_hand_computed_values() {
    // 12% a year is 1.12^(1/12) − 1 a month; −2,500 + Σ 700 / 1.12^(m/12).
    let r = calculate(&Inputs {
        discount: 0.12,
        ..EX
    });
    assert_eq!(money(r.npv), "$5,404.06");
    assert_eq!(months(r.discounted_break_even_months.unwrap()), "3.65");
    // Discounting does not change the undiscounted figures.
    assert_eq!(money(r.net_benefit), "$5,900.00");
    assert_eq!(months(r.break_even_months.unwrap()), "3.57");
    // Without discounting NPV is the net benefit.
    let r = calculate(&EX);
    assert_eq!(r.npv, r.net_benefit);
    assert_eq!(r.discounted_break_even_months, r.break_even_months);
}

#[test]
fn growth_comes_from_the_schedule() {
    // 5% a month: V_m = 100,000 × 1.05^(m−1); net_m = 0.008·V_m − 100.
    let r = calculate(&Inputs { growth: 0.05, ..EX });
    assert_eq!(money(r.net_benefit), "$9,033.70");
    assert_eq!(money(r.baseline_horizon_cost), "$31,834.25");
    assert_eq!(months(r.break_even_months.unwrap()), "3.34");
    assert_eq!(r.status, Status::Positive);
    // At the break-even volume the horizon's net benefit is zero.
    let at = calculate(&Inputs {
        requests: r.break_even_volume.unwrap(),
        growth: 0.05,
        ..EX
    });
    assert!(at.net_benefit.abs() < 1e-6, "{}", at.net_benefit);
    // Shrinking traffic can stop payback.
    let r = calculate(&Inputs { growth: -0.5, ..EX });
    assert_eq!(r.break_even_months, None);
    assert_eq!(r.status, Status::Never);
}

#[test]
fn shrinking_traffic_that_pays_back_within_the_horizon_breaks_even_there() {
    // Volume falls 4% a month: the position crosses zero in month 4 and is
    // $9,299.61 at the 36-month horizon (checked with an independent
    // month-by-month sum), though it turns down again years
    // later when the savings no longer cover maintenance. It once read
    // "Never" beside "Positive projected ROI".
    for (growth, horizon, expected) in [
        (-0.04, 36, "3.81"),
        (-0.02, 12, "3.69"),
        (-0.01, 12, "3.63"),
    ] {
        let i = Inputs {
            growth,
            months: horizon,
            ..EX
        };
        let r = calculate(&i);
        assert_eq!(r.status, Status::Positive, "{growth}");
        assert_eq!(months(r.break_even_months.unwrap()), expected, "{growth}");
        // The position is non-negative from break-even to the horizon.
        let s = schedule(&i, horizon);
        let from = r.break_even_months.unwrap().ceil() as usize;
        assert!(
            s[from - 1..].iter().all(|m| m.cumulative >= 0.0),
            "{growth}"
        );
        // So is the discounted position from discounted payback on.
        let d = calculate(&Inputs { discount: 0.1, ..i });
        assert!(d.discounted_break_even_months.unwrap() <= f64::from(horizon));
    }
    // Paid back only after the horizon, then down again: break-even is
    // where it first reaches zero after the horizon.
    let i = Inputs {
        growth: -0.04,
        months: 3,
        ..EX
    };
    let r = calculate(&i);
    assert_eq!(r.status, Status::BeyondHorizon);
    assert_eq!(months(r.break_even_months.unwrap()), "3.81");
}

#[test]
fn a_position_that_reaches_zero_only_between_retrainings_never_pays_back() {
    // n = $100 a month, $100 to train, $1,500 retraining once a year: the
    // position peaks before each retraining and ends every year lower. It
    // reaches zero after the 12-month horizon only until the next
    // retraining: never paid back, with or without a touch of growth or
    // discounting (once "15.99 months" with growth, and a discounted
    // payback beside an undiscounted "Never").
    let i = Inputs {
        training: 100.0,
        maintenance: 0.0,
        baseline: 0.002,
        finetuned: 0.001,
        requests: 100_000.0,
        retrain_cost: 1500.0,
        retrain_per_year: 1.0,
        ..EX
    };
    for (growth, discount) in [(0.0, 0.0), (0.0001, 0.0), (0.0, 0.1), (0.0001, 0.1)] {
        let r = calculate(&Inputs {
            growth,
            discount,
            ..i
        });
        assert_eq!(r.status, Status::Never, "{growth} {discount}");
        assert_eq!(r.break_even_months, None, "{growth} {discount}");
        assert_eq!(r.discounted_break_even_months, None, "{growth} {discount}");
    }
}

#[test]
fn a_retraining_after_the_horizon_does_not_undo_payback_within_it() {
    // n = 200 a month, $2,300 retraining once a year, $1,000 to train: the
    // position crosses zero at month 5 and is +$1,200 at month 11; the
    // retraining at month 12 takes it to −$900, and it stays non-negative
    // for good only from month 108.5.
    let i = Inputs {
        training: 1000.0,
        maintenance: 0.0,
        baseline: 0.002,
        finetuned: 0.0,
        requests: 100_000.0,
        retrain_cost: 2300.0,
        retrain_per_year: 1.0,
        ..EX
    };
    let within = calculate(&Inputs { months: 11, ..i });
    assert_eq!(within.status, Status::Positive);
    assert_eq!(months(within.break_even_months.unwrap()), "5.00");
    let after = calculate(&Inputs { months: 12, ..i });
    assert_eq!(after.status, Status::BeyondHorizon);
    assert_eq!(months(after.break_even_months.unwrap()), "108.50");
}

#[test]
fn schedule_rows_and_csv() {
    let i = Inputs {
        retrain_cost: 1000.0,
        retrain_per_year: 4.0,
        ..EX
    };
    let s = schedule(&i, 12);
    assert_eq!(s.len(), 12);
    assert_eq!(
        s.iter()
            .filter(|m| m.retraining > 0.0)
            .map(|m| m.month)
            .collect::<Vec<_>>(),
        [3, 6, 9, 12]
    );
    assert_eq!(money(s[2].net), "−$300.00");
    assert_eq!(money(s[11].cumulative), "$1,900.00");
    let csv = to_csv(&s);
    assert!(csv.starts_with("month,requests,baseline_cost,finetuned_cost,maintenance,retraining,quality_value,net,cumulative,discounted_cumulative\r\n"));
    assert_eq!(csv.lines().count(), 13);
    // The schedule and the closed form agree on break-even with lumps at whole months.
    let (plain, _) = break_evens(&i, &schedule(&i, 600));
    assert_eq!(
        months(plain.unwrap()),
        months(calculate(&i).break_even_months.unwrap())
    );
}

/// Any inputs, growth, discounting and retraining included.
fn any_full_inputs() -> impl Strategy<Value = Inputs> {
    (
        any_plain_inputs(),
        prop_oneof![Just(0.0), -0.2..0.2f64],
        prop_oneof![Just(0.0), 0.0..0.5f64],
        prop_oneof![Just(0.0), 0.0..5e4f64],
        prop_oneof![Just(0.0), 0.5..12.0f64],
    )
        .prop_map(
            |(i, growth, discount, retrain_cost, retrain_per_year)| Inputs {
                growth,
                discount,
                retrain_cost,
                retrain_per_year,
                ..i
            },
        )
}

fn any_plain_inputs() -> impl Strategy<Value = Inputs> {
    (
        0.0..1e5f64,
        0.0..1e4f64,
        0.0..0.1f64,
        0.0..0.1f64,
        0.0..1e7f64,
        1u32..=600,
    )
        .prop_map(
            |(training, maintenance, baseline, finetuned, requests, months)| Inputs {
                training,
                maintenance,
                baseline,
                finetuned,
                requests,
                months,
                ..EX
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn schedule_agrees_with_the_closed_forms(i in any_plain_inputs()) {
        let r = calculate(&i);
        let s = schedule(&i, 600);
        let cum = s[i.months as usize - 1].cumulative;
        let scale = r.baseline_horizon_cost.abs().max(r.finetuned_horizon_cost.abs()).max(1.0);
        prop_assert!((cum - r.net_benefit).abs() <= 0.01_f64.max(1e-9 * scale), "{cum} vs {}", r.net_benefit);
        let (plain, discounted) = break_evens(&i, &s);
        match (plain, r.break_even_months) {
            (Some(a), Some(b)) => prop_assert!((a - b).abs() <= 1e-6 * b.max(1.0), "{a} vs {b}"),
            // The schedule looks 600 months ahead; the closed form forever.
            (None, Some(b)) => prop_assert!(b > 599.0, "{b}"),
            (a, b) => prop_assert_eq!(a, b),
        }
        prop_assert_eq!(plain, discounted);
    }

    #[test]
    fn the_status_and_break_even_agree(i in any_full_inputs()) {
        // A position above zero at the horizon has paid back within it; one
        // below zero there pays back after it or never.
        let r = calculate(&i);
        let h = f64::from(i.months);
        match r.status {
            Status::Positive => prop_assert!(r.break_even_months.is_some_and(|b| b <= h * (1.0 + 1e-9)), "{:?}", r.break_even_months),
            Status::BeyondHorizon => prop_assert!(r.break_even_months.is_some()),
            Status::Never => prop_assert_eq!(r.break_even_months, None),
        }
        if r.npv > 0.0 {
            prop_assert!(r.discounted_break_even_months.is_some_and(|b| b <= h * (1.0 + 1e-9)), "{:?}", r.discounted_break_even_months);
        }
    }

    #[test]
    fn the_fast_net_benefit_equals_the_full_model(i in any_plain_inputs(), g in -0.2..0.2f64, cost in 0.0..5000.0f64, c in 0.0..12.0f64) {
        let i = Inputs { growth: g, retrain_cost: cost, retrain_per_year: c, ..i };
        let full = calculate(&i).net_benefit;
        let fast = ft_roi::core::model::closed::net_benefit(&i);
        let scale = calculate(&i).baseline_horizon_cost.abs().max(calculate(&i).finetuned_horizon_cost.abs()).max(1.0);
        prop_assert!((full - fast).abs() <= 1e-6 * scale, "{full} vs {fast}");
    }

    #[test]
    fn tornado_is_sorted_by_impact_and_charts_stay_finite(i in any_plain_inputs(), range in 0.0..1.0f64, w in 200.0..1400.0f64) {
        let r = calculate(&i);
        let t = tornado(F, &i, range, w);
        let impact: Vec<f64> = t.bars.iter().map(|b| b.low.abs().max(b.high.abs())).collect();
        prop_assert!(impact.windows(2).all(|p| p[0] >= p[1]));
        for chart in [timeline(F, &i, &r, w, 320.0), volume(F, &i, &r, w, 320.0)] {
            for s in &chart.series {
                prop_assert!(!s.path.contains("NaN") && !s.path.contains("inf"));
            }
            for r in &chart.readouts {
                prop_assert!(r.ys.iter().all(|y| y.is_finite()) && r.x.is_finite());
            }
        }
        for b in &t.bars {
            prop_assert!(b.x_low.is_finite() && b.x_high.is_finite());
        }
    }
}

#[test]
fn tornado_ordering_and_values() {
    let t = tornado(F, &EX, 0.2, 640.0);
    let names: Vec<_> = t.bars.iter().map(|b| b.name).collect();
    // ±20%: baseline moves NB by 0.004 × 100,000 × 12 = $4,800; requests by
    // 0.008 × 20,000 × 12 = $1,920; fine-tuned by $2,880; training by $500;
    // maintenance by $240.
    assert_eq!(
        names,
        [
            "baseline",
            "finetuned",
            "requests",
            "training",
            "maintenance"
        ]
    );
    let b = &t.bars[0];
    assert_eq!(
        (money(b.low), money(b.high)),
        ("−$4,800.00".to_owned(), "$4,800.00".to_owned())
    );
    assert!(b.x_low < t.zero_x && b.x_high > t.zero_x);
    assert!(t.summary.contains("baseline cost per request"));
}

#[test]
fn y_axis_labels_fit_their_margin() {
    // Ordinary figures keep the usual margin; money in the hundreds of
    // trillions widens it so that no label is cut off at the page's edge.
    let r = calculate(&EX);
    assert_eq!(timeline(F, &EX, &r, 390.0, 320.0).frame.left, 64.0);
    // Up to $600 quintillion ($600,000,000T): the margin grows to 45% of a
    // phone's width at most, which such labels fit.
    let huge = Inputs {
        baseline: 1000.0,
        finetuned: 100.0,
        requests: 1e15,
        months: 600,
        ..EX
    };
    let r = calculate(&huge);
    for chart in [
        timeline(F, &huge, &r, 390.0, 320.0),
        volume(F, &huge, &r, 390.0, 300.0),
    ] {
        for t in &chart.y_ticks {
            assert!(
                t.label.chars().count() as f64 * 7.2 + 8.0 <= chart.frame.left,
                "{} in {}",
                t.label,
                chart.frame.left
            );
        }
    }
}

#[test]
fn timeline_marks_break_even_and_extends_beyond_the_horizon() {
    let r = calculate(&EX);
    let c = timeline(F, &EX, &r, 640.0, 320.0);
    assert_eq!(c.readouts.len(), 13);
    assert_eq!(
        c.describe(0).unwrap().1[0],
        ("Net position", "−$2,500.00".to_owned())
    );
    assert_eq!(
        c.describe(12).unwrap(),
        (
            "Month 12".to_owned(),
            vec![
                ("Net position", "$5,900.00".to_owned()),
                ("Baseline cost", "$24,000.00".to_owned()),
                ("Fine-tuned cost", "$18,100.00".to_owned())
            ]
        )
    );
    assert_eq!(c.describe(13), None);
    let marker = c.markers.iter().find(|m| m.key == "break-even").unwrap();
    assert_eq!(marker.label, "Break-even 3.57 months");
    let x0 = c.frame.left;
    let expected = x0 + 3.5714285714 / 12.0 * (c.frame.right - x0);
    assert!((marker.x - expected).abs() < 0.01);
    // Pays back after a 3-month horizon: the axis runs on to show it.
    let i = Inputs { months: 3, ..EX };
    let c = timeline(F, &i, &calculate(&i), 640.0, 320.0);
    assert!(c.readouts.len() > 5);
    assert!(c.markers.iter().any(|m| m.key == "horizon"));
    assert!(c.markers.iter().any(|m| m.key == "break-even"));
    // Never: no marker, and the summary says so.
    let i = Inputs {
        maintenance: 900.0,
        ..EX
    };
    let c = timeline(F, &i, &calculate(&i), 640.0, 320.0);
    assert!(c.markers.iter().all(|m| m.key != "break-even"));
    assert!(c.summary.contains("never crosses zero"));
    // A single month.
    let i = Inputs {
        months: 1,
        training: 0.0,
        ..EX
    };
    assert_eq!(
        timeline(F, &i, &calculate(&i), 640.0, 320.0).readouts.len(),
        2
    );
}

#[test]
fn volume_chart_marks_current_and_break_even_volume() {
    let r = calculate(&EX);
    let c = volume(F, &EX, &r, 640.0, 320.0);
    assert_eq!(c.describe(0).unwrap().0, "1,000 requests/month");
    assert_eq!(
        c.describe(c.readouts.len() - 1).unwrap().0,
        "10,000,000 requests/month"
    );
    let be = c.markers.iter().find(|m| m.key == "break-even").unwrap();
    assert_eq!(be.label, "Break-even 38,542/month");
    let now = c.markers.iter().find(|m| m.key == "current").unwrap();
    assert!(be.x < now.x);
    assert_eq!(
        c.x_ticks
            .iter()
            .map(|t| t.label.as_str())
            .collect::<Vec<_>>(),
        ["1K", "10K", "100K", "1M", "10M"]
    );
    // No requests at all: still a chart, centred on the break-even volume.
    let i = Inputs {
        requests: 0.0,
        ..EX
    };
    let c = volume(F, &i, &calculate(&i), 640.0, 320.0);
    assert!(c.readouts.iter().all(|r| r.x.is_finite()));
}

#[test]
fn geometry_degenerate_ranges() {
    assert_eq!(usable_domain(5.0, 5.0), (4.5, 5.5));
    assert_eq!(usable_domain(0.0, 0.0), (-1.0, 1.0));
    assert_eq!(usable_domain(f64::NAN, 3.0), (0.0, 1.0));
    assert_eq!(usable_domain(3.0, 1.0), (1.0, 3.0));
    let (ticks, lo, hi) = nice_ticks(0.0, 0.0, 5);
    assert!(lo < 0.0 && hi > 0.0 && ticks.contains(&0.0));
    let (ticks, lo, hi) = nice_ticks(-2500.0, 5900.0, 5);
    assert_eq!(ticks, [-4000.0, -2000.0, 0.0, 2000.0, 4000.0, 6000.0]);
    assert_eq!((lo, hi), (-4000.0, 6000.0));
    let (ticks, _, _) = nice_ticks(0.0, 1e30, 5);
    assert!(ticks.len() <= 12 && ticks.iter().all(|t| t.is_finite()));
    let (ticks, _, _) = nice_ticks(0.1, 0.3, 2);
    assert!(ticks.contains(&0.2) || ticks.contains(&0.0));
    // Tick values are their decimals exactly (to the nearest double), so
    // the labels carry no binary noise at any magnitude.
    for (lo, hi) in [
        (0.0, 0.7),
        (-3e26, 4.2e26),
        (0.0, 9e-7),
        (1e15, 1e15 + 70.0),
        (-1e22, 0.0),
    ] {
        let (ticks, _, _) = nice_ticks(lo, hi, 5);
        for t in ticks {
            let shortest = format!("{t:e}");
            let digits = shortest
                .split('e')
                .next()
                .unwrap()
                .trim_start_matches('-')
                .replace('.', "");
            assert!(digits.len() <= 3, "{lo}..{hi}: tick {t} is {shortest}");
        }
    }
    for t in log_ticks(1e-9, 1e30) {
        assert!(
            format!("{t:e}").starts_with(['1', '2', '5']) && format!("{t:e}").len() <= 6,
            "{t:e}"
        );
    }
    assert_eq!(
        money_short(nice_ticks(0.0, 4e26, 5).0[2]),
        "$200,000,000,000,000T"
    );
    assert_eq!(log_ticks(1000.0, 1e7), [1e3, 1e4, 1e5, 1e6, 1e7]);
    assert_eq!(log_ticks(10.0, 100.0), [10.0, 20.0, 50.0, 100.0]);
    assert_eq!(log_ticks(0.0, 10.0), Vec::<f64>::new());
    let s = Scale::linear(0.0, 10.0, 100.0, 200.0);
    assert_eq!(s.map(5.0), 150.0);
    assert_eq!(s.map(1e300), 210.0);
    assert_eq!(s.invert(150.0), 5.0);
    let s = Scale::log(1.0, 100.0, 0.0, 100.0);
    assert!((s.map(10.0) - 50.0).abs() < 1e-9);
    assert!(s.map(0.0).is_finite());
    assert_eq!(path(&[(1.0, 2.0), (3.26, -4.04)]), "M1.0 2.0L3.3 -4.0");
    assert_eq!(path(&[]), "");
    assert_eq!(
        [
            money_short(0.0),
            money_short(850.0),
            money_short(12_000.0),
            money_short(-1_500_000.0),
            money_short(2.5e9),
            // One decimal at most, and rounding up to 1000 moves to the next
            // suffix: what Chromium's Intl writes for each of these.
            money_short(123_400.0),
            money_short(999.96),
            money_short(999_950.0),
            money_short(999_949.0),
            money_short(99_960.0),
            money_short(9.9996e14),
        ],
        [
            "$0", "$850", "$12K", "−$1.5M", "$2.5B", "$123.4K", "$1K", "$1M", "$999.9K", "$100K",
            "$1000T"
        ]
    );
}

/// The number of `open` tags and `close` tags in `markup`.
fn balance(markup: &str, open: &str, close: &str) -> (usize, usize) {
    (markup.matches(open).count(), markup.matches(close).count())
}

#[test]
fn markup_escapes_text() {
    use ft_roi::core::present::format::Escaped;
    assert_eq!(
        Escaped(r#"<b a="1">Tom & 'Jerry'</b>"#).to_string(),
        "&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
    );
    assert_eq!(Escaped("plain € text").to_string(), "plain € text");
    assert_eq!(Escaped("").to_string(), "");
}

#[test]
fn line_chart_markup_draws_every_part() {
    let r = calculate(&EX);
    let c = timeline(F, &EX, &r, 800.0, 320.0);
    let svg = c.svg();
    assert_eq!(svg.matches("<path class=\"line ").count(), c.series.len());
    assert_eq!(
        svg.matches("<text class=\"tick\"").count(),
        c.x_ticks.len() + c.y_ticks.len()
    );
    for s in &c.series {
        assert!(svg.contains(&format!(r#"<path class="line {}" d="{}"/>"#, s.key, s.path)));
    }
    // Break-even at 3.57 months: the marker, its point and its label.
    let be = &c.markers.iter().find(|m| m.key == "break-even").unwrap();
    assert!(svg.contains(&format!(
        r#"<g class="marker break-even" data-marker="break-even" data-x="{:.1}">"#,
        be.x
    )));
    assert!(svg.contains(">Break-even 3.57 months</text></g>"));
    assert_eq!(
        balance(&svg, "<g ", "</g>"),
        (1 + c.markers.len(), 1 + c.markers.len())
    );
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    // Pixels are written to one decimal, negatives included.
    assert_eq!(
        path(&[(-0.06, 12.34), (1e300, -0.04)]),
        "M-0.1 12.3L100000000000.0 0.0"
    );
}

#[test]
fn marker_labels_wider_than_the_chart_are_centred() {
    // right of the line, left of it, centred, and wider than the chart
    assert_eq!(label_place(10.0, 10, 400.0), (16.0, "start"));
    assert_eq!(label_place(390.0, 10, 400.0), (384.0, "end"));
    assert_eq!(label_place(200.0, 35, 300.0), (156.0, "middle"));
    // At phone width, "Now 100,000/month" right of the line would run past
    // the edge at 12 px bold (about 8 px a character): it goes left.
    assert_eq!(label_place(182.0, 17, 316.0), (176.0, "end"));
    assert_eq!(label_place(100.0, 60, 200.0), (100.0, "middle"));
    // A phone-width timeline whose markers carry huge figures (it used to
    // panic in `clamp` and stop the page).
    let i = Inputs {
        requests: 1e12,
        training: 1e12,
        months: 6,
        ..EX
    };
    let r = calculate(&i);
    for width in (100..1300).step_by(7) {
        let c = timeline(F, &i, &r, f64::from(width), 320.0);
        assert!(!c.svg().contains("NaN"));
    }
}

#[test]
fn tornado_markup_has_one_labelled_bar_per_estimate() {
    let t = tornado(F, &EX, 0.2, 800.0);
    let svg = t.svg();
    assert_eq!(svg.matches("<g class=\"bar\"").count(), t.bars.len());
    assert_eq!(balance(&svg, "<g ", "</g>"), (t.bars.len(), t.bars.len()));
    assert_eq!(svg.matches("<rect ").count(), 2 * t.bars.len());
    let first = &t.bars[0];
    let tip = first.tip(F, 0.2);
    assert!(
        tip.starts_with(&format!("{}: lowered 20% → ", first.label)),
        "{tip}"
    );
    // The tip is the bar's title and accessible name, escaped once each.
    assert!(svg.contains(&format!(r#"aria-label="{tip}"><title>{tip}</title>"#)));
    assert!(svg.contains(&format!(r#"data-input="{}""#, first.name)));
}

#[test]
fn tornado_axis_labels_stay_inside_the_chart() {
    // The self-hosted case of issue 25: swings of about $140K, ticks from
    // −$200K to $200K. Centred on the plot's ends, the outer labels used to
    // reach past the chart's edges ("−$400K" and "$400K" cut at 390 px).
    let hosted = Inputs {
        training: 25_000.0,
        baseline: 0.0,
        finetuned: 0.0,
        requests: 2e6,
        months: 24,
        base_serving: ft_roi::core::model::serving::Serving::Capacity(
            ft_roi::core::model::serving::Capacity {
                unit_rate: 10.0,
                unit_rps: 1.0,
                peak_factor: 2.0,
                min_units: 4.0,
                unit_hours: 730.0,
            },
        ),
        ..EX
    };
    for i in [EX, hosted] {
        // A phone's card (316 px), a tablet's, a wide page's.
        for width in [240.0, 316.0, 390.0, 519.0, 520.0, 640.0, 1118.0] {
            let t = tornado(F, &i, 0.2, width);
            assert!(t.x_ticks.len() >= 2);
            for k in &t.x_ticks {
                // About 8 px a character of the 12 px tick labels.
                let half = k.label.chars().count() as f64 * 8.0 / 2.0;
                assert!(
                    k.pos - half >= 0.0 && k.pos + half <= t.frame.width,
                    "{} at {} of {width}",
                    k.label,
                    k.pos
                );
            }
        }
    }
}

#[test]
fn tornado_row_labels_are_drawn_over_the_lines_they_cross() {
    // On a phone each label sits above its bar, across the zero line: the
    // line comes first in the markup, then each bar and, over it, its label.
    let t = tornado(F, &EX, 0.2, 316.0);
    assert!(t.labels_above);
    let svg = t.svg();
    let zero = svg.find(r#"<line class="zero""#).unwrap();
    let first_bar = svg.find(r#"<g class="bar""#).unwrap();
    assert!(zero < first_bar, "{svg}");
    for group in svg.split(r#"<g class="bar""#).skip(1) {
        let label = group.find(r#"<text class="tick label""#).unwrap();
        assert!(group.rfind("<rect ").unwrap() < label, "{group}");
    }
    // And above its own bar, clear of the bar before it.
    for pair in t.bars.windows(2) {
        let (above, bar) = (&pair[0], &pair[1]);
        let (top, baseline) = (bar.y - 5.0 - 12.5, bar.y - 5.0 + 3.5);
        assert!(top >= above.y + above.h && baseline <= bar.y, "{bar:?}");
    }
}

/// A table's rows as text: `data-input` (or `-`), then each cell as
/// `text=value` (or `text` without a value), as the page renders them.
fn rows(t: &Table) -> Vec<String> {
    let cell = |c: &Cell| match &c.value {
        Some(v) => format!("{}={v}", c.text),
        None => c.text.clone(),
    };
    t.rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = std::iter::once(&r.head).chain(&r.cells).map(cell).collect();
            format!("{} {}", r.input.unwrap_or("-"), cells.join(" | "))
        })
        .collect()
}

#[test]
fn each_chart_writes_its_table_alternative() {
    let r = calculate(&EX);
    let t = timeline(F, &EX, &r, 640.0, 320.0).table();
    assert_eq!(
        t.columns,
        ["Month", "Net position", "Baseline cost", "Fine-tuned cost"]
    );
    let got = rows(&t);
    assert_eq!(got.len(), 13);
    assert_eq!(
        got[0],
        "- 0=0 | −$2,500.00=-2500 | $0.00=0 | $2,500.00=2500"
    );
    assert_eq!(
        got[12],
        "- 12=12 | $5,900.00=5900 | $24,000.00=24000 | $18,100.00=18100"
    );
    // The volume chart's x is a count of requests.
    let v = volume(F, &EX, &r, 640.0, 320.0).table();
    assert_eq!(v.columns, ["Requests per month", "Net benefit"]);
    assert!(rows(&v).contains(&"- 100,000=100000 | $5,900.00=5900".to_owned()));
    // The tornado: signed changes, the input's name on its row, the
    // range in the headings.
    let t = tornado(F, &EX, 0.2, 640.0).table();
    assert_eq!(t.columns, ["Input", "−20%", "+20%"]);
    assert_eq!(
        rows(&t)[0],
        "baseline Baseline cost per request | −$4,800.00=-4800 | +$4,800.00=4800"
    );
    assert_eq!(rows(&t).len(), 5);
    // The histogram: each bar's range, cases and share.
    let p = parse_scenario(&{
        let mut raw = RawInputs::example();
        raw.set(Field::RequestsLow, "-30");
        raw.set(Field::RequestsHigh, "50");
        raw
    })
    .into_result()
    .expect("valid");
    let s = simulate(p.inputs, &p.ranges.expect("valid ranges")).expect("simulated");
    let d = distribution(F, &s, 640.0, 280.0);
    let t = d.table();
    assert_eq!(t.columns, ["Net benefit from", "to", "Cases", "Share"]);
    assert_eq!(t.rows.len(), d.bins.len());
    for (row, b) in t.rows.iter().zip(&d.bins) {
        assert_eq!(row.head.text, money(b.from));
        assert_eq!(row.cells[1].value, Some(b.cases.to_string()));
        assert_eq!(row.cells[2].text, F.percent(d.share(b)));
    }
    let cases: u32 = d.bins.iter().map(|b| b.cases).sum();
    assert_eq!(cases, s.draws);
}

#[test]
fn the_pointer_reads_the_chart_under_it() {
    let r = calculate(&EX);
    let c = timeline(F, &EX, &r, 640.0, 320.0);
    // Drawn at its own size from the page's left edge: each data point's x
    // reads that point, and a little beside it too.
    for (k, p) in c.readouts.iter().enumerate() {
        assert_eq!(pointed(&c, p.x, 0.0, 640.0), Some(k));
        assert_eq!(pointed(&c, p.x + 3.0, 0.0, 640.0), Some(k));
    }
    // Beyond the plot: the nearest end.
    assert_eq!(pointed(&c, 0.0, 0.0, 640.0), Some(0));
    assert_eq!(pointed(&c, 640.0, 0.0, 640.0), Some(12));
    // Drawn at half its size, 100 px into the page.
    let last = c.readouts[12].x;
    assert_eq!(pointed(&c, 100.0 + last / 2.0, 100.0, 320.0), Some(12));
}

#[test]
fn marker_labels_keep_clear_of_the_axis_labels_and_of_each_other() {
    use ft_roi::core::present::chart::{marker_labels, Frame, Tick};
    let f = Frame::new(316.0, 300.0);
    let tick = |pos: f64, label: &str| Tick {
        pos,
        label: label.to_owned(),
    };
    // "$1M" at the top of a phone-width chart; "Now 100,000/month" near the
    // left edge would go left of its line, over that tick label: it moves
    // into the plot or a row down instead.
    let ticks = [tick(20.0, "$1M"), tick(150.0, "$0")];
    #[track_caller]
    fn check(got: (f64, f64, &str), expected: (f64, f64, &str)) {
        assert_eq!(got, expected);
    }
    let placed = marker_labels(&f, &ticks, &[(182.0, 17)]);
    check(placed[0], (182.0, 28.0, "middle"));
    // With no tick label in the way: where it always was, left of its line.
    let placed = marker_labels(&f, &[], &[(182.0, 17)]);
    check(placed[0], (176.0, 28.0, "end"));
    // Wider than the plot: centred in the chart, a row down, clear of "$1M".
    let placed = marker_labels(&f, &ticks, &[(182.0, 33)]);
    check(placed[0], (180.0, 44.0, "middle"));
    let placed = marker_labels(&f, &ticks, &[(200.0, 10)]);
    check(placed[0], (206.0, 28.0, "start"));
    // Two markers at the same place: never on one another.
    let placed = marker_labels(&f, &[], &[(200.0, 10), (200.0, 10)]);
    assert_ne!(placed[0].1, placed[1].1);
    // A chart too small for any free place keeps the label where it was.
    let tiny = Frame::new(240.0, 160.0);
    let crowded: Vec<Tick> = (0..8)
        .map(|k| tick(16.0 + 14.0 * k as f64, "$1,000,000"))
        .collect();
    let placed = marker_labels(&tiny, &crowded, &[(70.0, 40)]);
    assert_eq!(placed[0].2, "middle");
}

#[test]
fn volume_chart_labels_never_cover_the_axis_labels_at_any_width() {
    // The marker labels' text boxes against the y-axis labels' boxes, read
    // back from the markup, at every width from 240 to 1,400 px.
    let scenarios = [
        EX,
        Inputs {
            requests: 2_000_000.0,
            training: 1_000_000.0,
            ..EX
        },
    ];
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    for i in scenarios {
        let r = calculate(&i);
        for width in (240..=1400).step_by(10) {
            let c = volume(F, &i, &r, f64::from(width), 300.0);
            let svg = c.svg();
            let mut ticks = Vec::new();
            let mut labels = Vec::new();
            for piece in svg.split("<text").skip(1) {
                let (tag, rest) = piece.split_once('>').unwrap();
                let text = rest.split("</text>").next().unwrap();
                let (x, y) = (attr(tag, "x"), attr(tag, "y"));
                let w = text.chars().count() as f64 * 8.0;
                let x0 = if tag.contains("\"end\"") {
                    x - w
                } else if tag.contains("\"middle\"") {
                    x - w / 2.0
                } else {
                    x
                };
                let b = [x0, x0 + w, y - 11.0, y + 3.0];
                if tag.contains("class=\"tick\"") && tag.contains("\"end\"") {
                    ticks.push(b);
                } else if !tag.contains("class=") {
                    labels.push(b);
                }
            }
            assert!(!labels.is_empty());
            for (k, a) in labels.iter().enumerate() {
                let hits = |b: &[f64; 4]| a[0] < b[1] && b[0] < a[1] && a[2] < b[3] && b[2] < a[3];
                assert!(
                    !ticks.iter().any(hits),
                    "{width} px: {a:?} over a tick in {svg}"
                );
                assert!(
                    !labels[k + 1..].iter().any(hits),
                    "{width} px: labels overlap"
                );
            }
        }
    }
}
