//! Benchmark of what one keystroke recomputes: validation, the model, the
//! 600-month schedule, the three charts' geometry and the formula panel;
//! and, beside it in the same run, what options side by side add (issue
//! 28): the costs, the cheapest and the crossover search up to the largest
//! accepted volume, which walks every serving-unit step.
//! Prints figures; asserts nothing (timings vary by machine).
//! Run with `cargo bench --bench recompute`.

use std::hint::black_box;
use std::time::Instant;

use ft_roi::core::inputs::presets::preset;
use ft_roi::core::model::schedule::schedule;
use ft_roi::core::present::chart::{timeline, tornado, volume};
use ft_roi::core::present::formulas::worked;
use ft_roi::core::present::options::OptionsView;
use ft_roi::core::{calculate, parse_scenario, Field, RawInputs};
#[path = "../tests/support/fmt.rs"]
mod fmt_default;
use fmt_default::F;

fn recompute(raw: &RawInputs) -> usize {
    let p = parse_scenario(raw).parsed.expect("valid scenario");
    let r = calculate(&p.inputs);
    let s = schedule(&p.inputs, p.inputs.months);
    let t = timeline(F, &p.inputs, &r, 1100.0, 320.0);
    let v = volume(F, &p.inputs, &r, 1100.0, 300.0);
    let k = tornado(F, &p.inputs, p.sensitivity.unwrap_or(0.2), 1100.0);
    let f = worked(F, &p.inputs, &r);
    s.len() + t.readouts.len() + v.readouts.len() + k.bars.len() + f.len()
}

/// The options' figures (`OptionsView::of`: costs, cheapest, crossovers)
/// of a valid scenario: what the options add to a keystroke.
fn options(raw: &RawInputs) -> usize {
    let p = parse_scenario(raw).parsed.expect("valid scenario");
    let v = OptionsView::of(&p);
    v.lines.len() + v.changes.len()
}

fn measure(name: &str, raw: &RawInputs) {
    measure_with(name, raw, recompute);
}

fn measure_with(name: &str, raw: &RawInputs, recompute: fn(&RawInputs) -> usize) {
    // One call sizes the batches (about 20 ms each, at least one call);
    // warm up, then time 25 batches and report the median batch.
    let start = Instant::now();
    black_box(recompute(black_box(raw)));
    let once = start.elapsed().as_secs_f64();
    let batch = ((0.02 / once.max(1e-9)) as u32).clamp(1, 200);
    for _ in 0..batch {
        black_box(recompute(black_box(raw)));
    }
    let mut per_call: Vec<f64> = (0..25)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                black_box(recompute(black_box(raw)));
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(batch)
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    println!(
        "{name:<48} median {:>8.1} µs   min {:>8.1} µs   max {:>8.1} µs",
        per_call[per_call.len() / 2],
        per_call[0],
        per_call[per_call.len() - 1]
    );
}

fn main() {
    println!("full recompute per keystroke (parse + model + schedule + 3 charts + formulas)");
    let example = RawInputs::example();
    measure("reference example, 12 months", &example);
    let mut long = example.clone();
    long.set(Field::Months, "600");
    long.set(Field::Growth, "1.5");
    long.set(Field::Discount, "8");
    measure("600 months, 1.5%/month growth, 8% discount", &long);
    let mut busy = preset("classification").expect("preset").raw();
    busy.set(Field::Months, "600");
    busy.set(Field::MaintenanceMode, "itemized");
    busy.set(Field::RetrainCost, "3000");
    busy.set(Field::RetrainPerYear, "4");
    busy.set(Field::Growth, "2");
    measure("tokens + itemized + retraining, 600 months", &busy);

    println!();
    println!("options side by side (costs, cheapest, crossover search to 1e15 requests a month)");
    measure_with("the two sides, reference example", &example, options);
    let mut six = long.clone();
    for (k, kind) in [(3, "model"), (4, "rag"), (5, "finetune"), (6, "distill")] {
        let key = |suffix: &str| Field::from_name(&format!("o{k}_{suffix}")).expect("option field");
        six.set(key("kind"), kind);
        six.set(key("request_cost"), format!("0.00{k}"));
        six.set(key("one_time"), format!("{}", 1000 * k));
        six.set(key("monthly"), "200");
    }
    measure_with(
        "six options, 600 months, per-request serving",
        &six,
        options,
    );
    for k in 3..=6 {
        let key = |suffix: &str| Field::from_name(&format!("o{k}_{suffix}")).expect("option field");
        six.set(key("serving"), "capacity");
        six.set(key("unit_rate"), "2.5");
        six.set(key("unit_rps"), "0.5");
    }
    measure_with("six options, capacity units (steps walked)", &six, options);
    measure(
        "reference in the same run: full recompute, 600 months",
        &long,
    );
}
