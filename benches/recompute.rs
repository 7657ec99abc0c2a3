//! Benchmark of what one keystroke recomputes: validation, the model, the
//! 600-month schedule, the three charts' geometry and the formula panel.
//! Prints figures; asserts nothing (timings vary by machine).
//! Run with `cargo bench --bench recompute`.

use std::hint::black_box;
use std::time::Instant;

use ft_roi::core::inputs::presets::preset;
use ft_roi::core::model::schedule::schedule;
use ft_roi::core::present::chart::{timeline, tornado, volume};
use ft_roi::core::present::formulas::worked;
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

fn measure(name: &str, raw: &RawInputs) {
    // Warm up, then time batches and report the median batch.
    for _ in 0..200 {
        black_box(recompute(black_box(raw)));
    }
    let batch = 200;
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
}
