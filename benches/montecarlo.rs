//! Benchmark of the Monte Carlo simulation (issue #17): 10,000 draws of the
//! reference scenario with growth over 60 months, retraining and
//! discounting, every estimate ranged. Prints figures; asserts nothing
//! (timings vary by machine). Run with `cargo bench --bench montecarlo`.

use std::hint::black_box;
use std::time::Instant;

use ft_roi::core::model::montecarlo::{outcome, simulate, Simulation};
use ft_roi::core::{parse_scenario, Field, RawInputs};

/// Times `f` `runs` times after two warm-up runs: median, min, max (ms).
fn time(name: &str, runs: usize, mut f: impl FnMut() -> usize) {
    for _ in 0..2 {
        black_box(f());
    }
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "{name:<58} median {:>8.2} ms   min {:>8.2} ms   max {:>8.2} ms",
        ms[ms.len() / 2],
        ms[0],
        ms[ms.len() - 1]
    );
}

fn scenario(pairs: &[(Field, &str)]) -> RawInputs {
    let mut raw = RawInputs::example();
    for (f, t) in pairs {
        raw.set(*f, *t);
    }
    raw
}

fn main() {
    use Field::*;
    let ranges = [
        (TrainingLow, "-20"),
        (TrainingHigh, "50"),
        (MaintenanceLow, "-20"),
        (MaintenanceHigh, "50"),
        (BaselineLow, "-10"),
        (BaselineHigh, "10"),
        (FinetunedLow, "-10"),
        (FinetunedHigh, "40"),
        (RequestsLow, "-50"),
        (RequestsHigh, "50"),
    ];
    let mut reference: Vec<(Field, &str)> = vec![
        (Months, "60"),
        (Growth, "1.5"),
        (GrowthLow, "-1"),
        (GrowthHigh, "4"),
        (Discount, "8"),
        (MaintenanceMode, "itemized"),
        (Monitoring, "100"),
        (RetrainCost, "1500"),
        (RetrainPerYear, "2"),
    ];
    reference.extend(ranges);
    let mut flat: Vec<(Field, &str)> = vec![(Months, "60")];
    flat.extend(ranges);
    println!("Monte Carlo simulation, 10,000 draws (Latin hypercube, the whole model per draw)");
    for (name, pairs) in [
        (
            "reference, 60 months, growth, retraining, discounting",
            &reference,
        ),
        ("reference, 60 months, no growth (closed forms)", &flat),
    ] {
        let p = parse_scenario(&scenario(pairs))
            .parsed
            .expect("valid scenario");
        let r = p.ranges.expect("valid ranges");
        time(name, 15, || {
            simulate(p.inputs, &r).map_or(0, |s| s.net_benefits.len())
        });
        // The same run in the page's slices of 200 draws.
        time("  … in slices of 200 draws", 15, || {
            let mut s = Simulation::new(p.inputs, &r).expect("ranged");
            let mut steps = 0;
            while !s.step(200) {
                steps += 1;
            }
            steps
        });
        let i = p.inputs;
        time("  … the model alone, 10,000 times", 15, || {
            (0..10_000)
                .filter(|_| outcome(black_box(&i)).net_benefit > 0.0)
                .count()
        });
    }
}
