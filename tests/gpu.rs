//! Native tests of training priced by GPU time (issue 29): hand-computed
//! jobs to the cent, the memory check at its edge, each field's bad input,
//! the existing compute modes unchanged, the ranges on the GPU price and
//! the MFU, and the invariants of the formulas as properties.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::money;
use ft_roi::core::inputs::field::GpuMethod;
use ft_roi::core::model::gpu::{train, GpuJob, GpuTraining};
use ft_roi::core::model::uncertainty::Case;
use ft_roi::core::model::uncertainty::RANGED;
use ft_roi::core::{parse_scenario, Field, InputError, Parsed, RawInputs};
use proptest::prelude::*;

/// The reference example with `pairs`, in the itemized investment with
/// compute priced by GPU time.
fn gpu_raw(pairs: &[(Field, &str)]) -> RawInputs {
    let mut raw = RawInputs::example();
    raw.set(Field::TrainingMode, "itemized");
    raw.set(Field::ComputeMode, "gpu");
    for (f, t) in pairs {
        raw.set(*f, *t);
    }
    raw
}

fn parse_number_of(text: &str) -> f64 {
    text.parse().expect("a number")
}

#[track_caller]
fn parsed(raw: &RawInputs) -> Parsed {
    parse_scenario(raw).into_result().expect("valid")
}

#[track_caller]
fn job_of(raw: &RawInputs) -> GpuTraining {
    parsed(raw)
        .investment
        .and_then(|i| i.gpu)
        .expect("a GPU job")
}

/// 10,000 examples × 500 tokens × 2 epochs = 10M trained tokens.
const TEN_MILLION: [(Field, &str); 3] = [
    (Field::LabelExamples, "10000"),
    (Field::TrainTokens, "500"),
    (Field::TrainEpochs, "2"),
];

#[test]
fn a_lora_job_on_one_h100_matches_the_hand_computation() {
    // 8B parameters, 10M trained tokens, LoRA (k = 4), one H100 (989 dense
    // BF16 TFLOPS) at 35% MFU, $3.495 an hour:
    // FLOPs = 4 × 8e9 × 1e7 = 3.2e17; 989e12 × 0.35 = 3.4615e14 FLOP/s;
    // 3.2e17 ÷ 3.4615e14 = 924.455 s = 0.256793 h; × $3.495 = $0.8975.
    let raw = gpu_raw(&TEN_MILLION);
    let g = job_of(&raw);
    assert_eq!(g.tokens, 1e7);
    assert_eq!(g.flops, 3.2e17);
    assert!((g.wall_hours - 0.256_792_976_7).abs() < 1e-9, "{g:?}");
    assert_eq!(g.gpu_hours, g.wall_hours);
    assert_eq!(money(g.cost), "$0.90");
    // LoRA keeps the base in BF16: 8e9 × 2 bytes = 16 GB, in one 80 GB GPU.
    assert_eq!(g.memory_needed_gb, 16.0);
    assert_eq!(g.gpus_needed, 1.0);
    assert!(g.fits());
    // The investment counts it as its compute item: labeling 10,000 × $2.
    let p = parsed(&raw);
    let i = p.investment.expect("itemized");
    assert_eq!(i.compute, g.cost);
    assert_eq!(i.training_tokens, None);
    assert_eq!(money(p.inputs.training), "$20,000.90");
}

#[test]
fn a_full_fine_tune_on_eight_gpus_matches_the_hand_computation() {
    // 8B parameters, 100M trained tokens (50,000 × 1,000 × 2), full
    // fine-tuning (k = 6), 8 H100s at 35%, $2 a GPU-hour:
    // 6 × 8e9 × 1e8 = 4.8e18 FLOPs; 8 × 989e12 × 0.35 = 2.7692e15 FLOP/s;
    // 1,733.35 s = 0.481487 h wall-clock; × 8 = 3.851895 GPU-hours; × $2 =
    // $7.7038.
    let raw = gpu_raw(&[
        (Field::LabelExamples, "50000"),
        (Field::TrainTokens, "1000"),
        (Field::TrainEpochs, "2"),
        (Field::GpuMethod, "full"),
        (Field::GpuCount, "8"),
        (Field::GpuPrice, "2"),
    ]);
    let g = job_of(&raw);
    assert_eq!(g.flops, 4.8e18);
    assert!((g.wall_hours - 0.481_486_831_3).abs() < 1e-9, "{g:?}");
    assert!((g.gpu_hours - 3.851_894_650_7).abs() < 1e-9, "{g:?}");
    assert_eq!(money(g.cost), "$7.70");
    // Mixed-precision Adam: 16 bytes per parameter, 128 GB in 8 × 80 GB.
    assert_eq!(g.memory_needed_gb, 128.0);
    assert_eq!(g.memory_available_gb, 640.0);
    assert_eq!(g.gpus_needed, 2.0);
    assert!(g.fits());
}

#[test]
fn the_memory_check_at_its_edge() {
    use Field::*;
    // (method, billions, GPUs, GB per GPU) → (GB needed, GPUs needed, fits)
    let table: &[(&str, &str, &str, &str, f64, f64, bool)] = &[
        // LoRA, 8B: 16 GB, exactly one 16 GB GPU.
        ("lora", "8", "1", "16", 16.0, 1.0, true),
        ("lora", "8", "1", "15.99", 16.0, 2.0, false),
        // QLoRA, 70B in 4 bits: 35 GB.
        ("qlora", "70", "1", "35", 35.0, 1.0, true),
        ("qlora", "70", "1", "34.9", 35.0, 2.0, false),
        // Full, 70B: 1,120 GB; 14 × 80 GB hold it, 13 do not.
        ("full", "70", "14", "80", 1120.0, 14.0, true),
        ("full", "70", "13", "80", 1120.0, 14.0, false),
        ("full", "70", "8", "80", 1120.0, 14.0, false),
    ];
    for &(method, params, count, memory, needed, gpus, fits) in table {
        let raw = gpu_raw(&[
            (GpuMethod, method),
            (GpuParams, params),
            (GpuCount, count),
            (GpuMemory, memory),
        ]);
        let g = job_of(&raw);
        let row = format!("{method} {params}B on {count} × {memory} GB");
        assert_eq!(g.memory_needed_gb, needed, "{row}");
        assert_eq!(g.gpus_needed, gpus, "{row}");
        assert_eq!(g.fits(), fits, "{row}");
        // A warning, not an error: the figures stay.
        assert!(g.cost > 0.0 && g.cost.is_finite(), "{row}");
    }
}

#[test]
fn each_gpu_field_has_its_own_message() {
    use Field::*;
    let table: &[(Field, &str, InputError)] = &[
        (GpuParams, "0", InputError::NotPositive),
        (GpuParams, "-8", InputError::NotPositive),
        (GpuCount, "0", InputError::WholeBetween(1, 100_000)),
        (GpuCount, "1.5", InputError::WholeBetween(1, 100_000)),
        (GpuCount, "100001", InputError::WholeBetween(1, 100_000)),
        (GpuPrice, "0", InputError::NotPositive),
        (GpuFlops, "0", InputError::NotPositive),
        (GpuMemory, "0", InputError::NotPositive),
        (GpuMfu, "0", InputError::OutsideBetween(1, 100)),
        (GpuMfu, "100.5", InputError::OutsideBetween(1, 100)),
        (GpuMethod, "lora2", InputError::NotAnOption),
        (GpuParams, "", InputError::Empty),
    ];
    for &(field, text, error) in table {
        let checked = parse_scenario(&gpu_raw(&[(field, text)]));
        assert_eq!(checked.error(field), Some(error), "{field:?} {text:?}");
        assert!(checked.parsed.is_none(), "{field:?} {text:?}");
        assert_eq!(checked.errors.as_slice().len(), 1, "{field:?} {text:?}");
    }
    // The limits themselves are accepted.
    for (field, text) in [
        (GpuCount, "100000"),
        (GpuCount, "1"),
        (GpuMfu, "1"),
        (GpuMfu, "100"),
    ] {
        assert!(parse_scenario(&gpu_raw(&[(field, text)])).parsed.is_some());
    }
}

#[test]
fn gpu_fields_are_read_only_in_gpu_mode() {
    // A bad GPU field in another compute mode is not checked, and the
    // figures are as without it.
    for mode in ["flat", "tokens"] {
        let mut raw = gpu_raw(&[(Field::GpuParams, "0"), (Field::GpuMfu, "0")]);
        raw.set(Field::ComputeMode, mode);
        let p = parsed(&raw);
        assert_eq!(p.investment.and_then(|i| i.gpu), None, "{mode}");
        assert_eq!(p.inputs.gpu, None, "{mode}");
        let mut clean = RawInputs::example();
        clean.set(Field::TrainingMode, "itemized");
        clean.set(Field::ComputeMode, mode);
        assert_eq!(p, parsed(&clean), "{mode}");
    }
    // Direct entry reads no compute at all.
    let mut raw = gpu_raw(&[(Field::GpuParams, "0")]);
    raw.set(Field::TrainingMode, "direct");
    assert_eq!(parsed(&raw), parsed(&RawInputs::example()));
}

#[test]
fn the_existing_compute_modes_are_unchanged() {
    // Flat: labeling $2,000 + compute $500; tokens: 1,000 × 500 × 3 = 1.5M
    // tokens at $30 per 1M = $45.
    let mut raw = RawInputs::example();
    raw.set(Field::TrainingMode, "itemized");
    let flat = parsed(&raw);
    assert_eq!(money(flat.inputs.training), "$2,500.00");
    raw.set(Field::ComputeMode, "tokens");
    let tokens = parsed(&raw);
    assert_eq!(tokens.investment.unwrap().training_tokens, Some(1.5e6));
    assert_eq!(money(tokens.inputs.training), "$2,045.00");
    assert_eq!(tokens.inputs.gpu, None);
}

#[test]
fn the_ranges_on_the_gpu_price_and_the_mfu() {
    use Field::*;
    let row = |name: &str| RANGED.iter().find(|r| r.name == name).unwrap();
    let (price, mfu) = (row("gpu_price"), row("gpu_mfu"));
    let raw = gpu_raw(&[(LabelExamples, "1000000"), (GpuPrice, "3")]);
    let i = Case::from(parsed(&raw).inputs);
    assert!((price.used)(&i) && (mfu.used)(&i));
    assert_eq!((price.get)(&i), 3.0);
    assert_eq!((mfu.get)(&i), 35.0);
    // A draw at another price gives the training cost of that price.
    let at = |pairs: &[(Field, &str)]| {
        let mut all = vec![(LabelExamples, "1000000")];
        all.extend_from_slice(pairs);
        Case::from(parsed(&gpu_raw(&all)).inputs)
    };
    let mut drawn = i;
    (price.set)(&mut drawn, 5.0);
    let typed = at(&[(GpuPrice, "5")]);
    assert!((drawn.inputs.training - typed.inputs.training).abs() < 1e-6);
    // A draw at another MFU scales the GPU-hours by the old over the new.
    let mut drawn = i;
    (mfu.set)(&mut drawn, 70.0);
    let typed = at(&[(GpuPrice, "3"), (GpuMfu, "70")]);
    assert!((drawn.inputs.training - typed.inputs.training).abs() < 1e-6);
    // A drawn MFU above 100% counts as 100%.
    let mut drawn = i;
    (mfu.set)(&mut drawn, 250.0);
    let typed = at(&[(GpuPrice, "3"), (GpuMfu, "100")]);
    assert!((drawn.inputs.training - typed.inputs.training).abs() < 1e-6);
    // Outside GPU mode the rows are unused and setting them does nothing.
    let plain = Case::from(parsed(&RawInputs::example()).inputs);
    assert!(!(price.used)(&plain));
    let mut k = plain;
    (price.set)(&mut k, 5.0);
    (mfu.set)(&mut k, 50.0);
    assert_eq!(k, plain);
    // The ends are read in GPU mode and the simulation runs.
    let raw = gpu_raw(&[
        (LabelExamples, "1000000"),
        (GpuPriceLow, "-40"),
        (GpuPriceHigh, "40"),
        (GpuMfuLow, "-50"),
        (GpuMfuHigh, "20"),
    ]);
    let p = parsed(&raw);
    let ranges = p.ranges.expect("valid ranges");
    assert_eq!(ranges.active(p.inputs).len(), 2);
    assert!(ft_roi::core::model::montecarlo::simulate(p.inputs, &ranges).is_some());
    // The MFU's low end stops at −90% (an MFU of 0 trains nothing).
    let checked = parse_scenario(&gpu_raw(&[(GpuMfuLow, "-95")]));
    assert_eq!(checked.error(GpuMfuLow), Some(InputError::Between(-90, 0)));
}

fn job() -> impl Strategy<Value = GpuJob> {
    (
        0.1f64..1000.0,
        prop_oneof![
            Just(GpuMethod::Full),
            Just(GpuMethod::Lora),
            Just(GpuMethod::Qlora)
        ],
        1u32..100_000,
        0.01f64..100.0,
        1.0f64..10_000.0,
        0.01f64..=1.0,
        1.0f64..500.0,
    )
        .prop_map(
            |(params, method, count, price, tflops, mfu, memory)| GpuJob {
                params_billion: params,
                method,
                count: f64::from(count),
                price,
                tflops,
                mfu,
                memory_gb: memory,
            },
        )
}

proptest! {
    #[test]
    fn every_figure_is_finite_and_not_negative(j in job(), tokens in 0.0f64..1e15) {
        let g = train(&j, tokens);
        for x in [g.flops, g.wall_hours, g.gpu_hours, g.cost, g.memory_needed_gb, g.gpus_needed] {
            prop_assert!(x.is_finite() && x >= 0.0, "{g:?}");
        }
        prop_assert!(g.gpus_needed >= 1.0);
    }

    #[test]
    fn cost_grows_with_the_tokens(j in job(), a in 0.0f64..1e12, b in 0.0f64..1e12) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let (fewer, more) = (train(&j, lo).cost, train(&j, hi).cost);
        prop_assert!(fewer <= more);
    }

    #[test]
    fn cost_is_linear_in_the_price(j in job(), tokens in 1.0f64..1e12, f in 0.01f64..100.0) {
        let c = train(&j, tokens).cost;
        let scaled = train(&GpuJob { price: j.price * f, ..j }, tokens).cost;
        prop_assert!((scaled - c * f).abs() <= 1e-9 * scaled.abs().max(1.0));
    }

    #[test]
    fn gpu_hours_do_not_depend_on_the_count(j in job(), tokens in 1.0f64..1e12, n in 1u32..1000) {
        // More GPUs finish sooner and cost the same: GPU-hours = FLOPs ÷
        // (one GPU's sustained rate), whatever the count.
        let one = train(&GpuJob { count: 1.0, ..j }, tokens);
        let many = train(&GpuJob { count: f64::from(n), ..j }, tokens);
        prop_assert!((many.gpu_hours - one.gpu_hours).abs() <= 1e-9 * one.gpu_hours.max(1e-300));
        prop_assert!((many.wall_hours * f64::from(n) - many.gpu_hours).abs() <= 1e-9 * many.gpu_hours.max(1e-300));
    }

    #[test]
    fn cost_falls_as_the_mfu_rises(j in job(), tokens in 1.0f64..1e12, m in 0.01f64..=1.0) {
        let (lo, hi) = if m <= j.mfu { (m, j.mfu) } else { (j.mfu, m) };
        let fast = train(&GpuJob { mfu: hi, ..j }, tokens).cost;
        let slow = train(&GpuJob { mfu: lo, ..j }, tokens).cost;
        prop_assert!(fast <= slow);
    }

    #[test]
    fn lora_costs_two_thirds_of_full(j in job(), tokens in 1.0f64..1e12) {
        let full = train(&GpuJob { method: GpuMethod::Full, ..j }, tokens).cost;
        let lora = train(&GpuJob { method: GpuMethod::Lora, ..j }, tokens).cost;
        let qlora = train(&GpuJob { method: GpuMethod::Qlora, ..j }, tokens).cost;
        prop_assert!((lora * 1.5 - full).abs() <= 1e-9 * full);
        prop_assert_eq!(lora, qlora);
    }

    #[test]
    fn the_model_fits_exactly_when_its_gpus_hold_it(j in job()) {
        let g = train(&j, 1.0);
        prop_assert_eq!(g.fits(), g.memory_needed_gb <= j.count * j.memory_gb);
        // The GPUs it needs hold it; one fewer does not.
        prop_assert!(g.gpus_needed * j.memory_gb >= g.memory_needed_gb);
        prop_assert!((g.gpus_needed - 1.0) * j.memory_gb < g.memory_needed_gb || g.gpus_needed == 1.0);
    }
}

#[test]
fn a_gpu_scenario_goes_through_links_storage_and_files_unchanged() {
    use ft_roi::core::codec::export::{import_json, part_inputs, ExportDoc};
    use ft_roi::core::codec::{store, url};
    use Field::*;
    let raw = gpu_raw(&[
        (GpuParams, "70"),
        (GpuMethod, "qlora"),
        (GpuCount, "2"),
        (GpuPrice, "4.75"),
        (GpuFlops, "989"),
        (GpuMfu, "40"),
        (GpuMemory, "141"),
        (GpuType, "gpu/h200"),
        (GpuModel, "open/llama-3.1-70b"),
        (GpuPriceLow, "-40"),
        (GpuMfuHigh, "20"),
    ]);
    // The link names the new keys, and reads back to the same texts.
    let query = url::encode(&raw, &RawInputs::example());
    for key in [
        "compute_mode=gpu",
        "gpu_params=70",
        "gpu_method=qlora",
        "gpu_count=2",
        "gpu_price=4.75",
        "gpu_mfu=40",
        "gpu_memory=141",
        "gpu_type=gpu%2Fh200",
        "gpu_price_low=-40",
        "gpu_mfu_high=20",
    ] {
        assert!(query.contains(key), "{key} in {query}");
    }
    let decoded = url::decode(&query, RawInputs::example());
    assert_eq!(decoded.raw, raw);
    assert!(decoded.bad.is_empty());
    // A link with a bad value opens with that field flagged.
    let bad = url::decode(
        "v=1&training_mode=itemized&compute_mode=gpu&gpu_mfu=0",
        RawInputs::example(),
    );
    assert_eq!(bad.bad, [(GpuMfu, InputError::OutsideBetween(1, 100))]);
    assert_eq!(bad.raw.get(GpuMfu), "0");
    // An existing link (no GPU key) reads as before: the GPU fields at
    // their defaults.
    let old = url::decode(
        "v=1&training_mode=itemized&compute_mode=tokens",
        RawInputs::example(),
    );
    for f in [
        GpuParams, GpuMethod, GpuCount, GpuPrice, GpuFlops, GpuMfu, GpuMemory,
    ] {
        assert_eq!(old.raw.get(f), f.example(), "{f:?}");
    }
    // Storage.
    let stored = store::encode_working(&raw);
    assert_eq!(store::decode_working(&stored).unwrap(), raw);
    // The exported file lists the job's fields and imports unchanged.
    let p = parsed(&raw);
    let r = ft_roi::core::calculate(&p.inputs);
    let parts = part_inputs(&raw, &p);
    let listed: Vec<Field> = parts.iter().map(|(f, _)| *f).collect();
    for f in [
        TrainTokens,
        TrainEpochs,
        GpuParams,
        GpuMethod,
        GpuCount,
        GpuPrice,
        GpuFlops,
        GpuMfu,
        GpuMemory,
    ] {
        assert!(listed.contains(&f), "{f:?} in {listed:?}");
    }
    assert!(!listed.contains(&ComputeFlat) && !listed.contains(&TrainPrice));
    let doc = ExportDoc::new(fmt_default::F, "GPU job", &raw, &p.inputs, &r).with_parts(&parts);
    let csv = doc.csv();
    assert!(
        csv.contains("input,gpu_method,Fine-tuning method,1,qlora"),
        "{csv}"
    );
    assert!(
        csv.contains("input,compute_mode,Training compute,2,gpu"),
        "{csv}"
    );
    // Import writes the model's training cost T into the direct-entry
    // field (as for any itemized investment); every other text is kept.
    let (_, mut imported) = import_json(&doc.json()).unwrap();
    assert_eq!(
        parse_number_of(imported.get(Training)),
        p.inputs.training,
        "T"
    );
    imported.set(Training, raw.get(Training));
    assert_eq!(imported, raw);
}

#[test]
fn every_gpu_spec_names_catalogue_gpu_hour_prices_with_sources() {
    use ft_roi::core::catalogue::entry;
    use ft_roi::core::catalogue::gpus::{gpu_choices, GPUS, OPEN_MODELS};
    let is_date = |d: &str| {
        d.len() == 10
            && d.char_indices().all(|(k, c)| {
                if k == 4 || k == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    for spec in &GPUS {
        assert!(spec.tflops > 0.0 && spec.memory_gb > 0.0, "{}", spec.name);
        assert!(is_date(spec.dated.as_of), "{}", spec.name);
        assert!(spec.dated.source.starts_with("https://"), "{}", spec.name);
        assert!(spec.third_party, "{}", spec.name);
        assert!(!spec.entries.is_empty(), "{}", spec.name);
        for id in spec.entries {
            let e = entry(id).unwrap_or_else(|| panic!("{id} in the catalogue"));
            assert!(e.unit.is_some_and(|u| u.is_gpu_hour()), "{id}");
        }
    }
    assert_eq!(gpu_choices().len(), 7);
    for m in &OPEN_MODELS {
        assert!(m.params_billion > 0.0 && is_date(m.dated.as_of), "{}", m.id);
        assert!(
            m.dated.source.starts_with("https://huggingface.co/"),
            "{}",
            m.id
        );
    }
}

#[test]
fn picking_a_gpu_fills_its_peak_memory_and_price() {
    use ft_roi::core::catalogue::gpus::{gpu_choice, gpu_fills, model_fills, open_model};
    use Field::*;
    let h100 = gpu_choice("gpu/h100-sxm").expect("listed");
    let raw = gpu_raw(&[]);
    let (texts, priced) = gpu_fills(&h100, &raw, None);
    assert!(priced);
    let got: Vec<(Field, &str)> = texts.iter().map(|(f, t)| (*f, t.as_str())).collect();
    // $1.99–5.00: the middle, and the range as ±43.0615% around it.
    assert_eq!(
        got,
        [
            (GpuType, "gpu/h100-sxm"),
            (GpuFlops, "989"),
            (GpuMemory, "80"),
            (GpuPrice, "3.495"),
            (GpuPriceLow, "-43.0615"),
            (GpuPriceHigh, "43.0615"),
        ]
    );
    // A single price: no range (its ends emptied).
    let b200 = gpu_choice("fireworks/gpu-b200").expect("listed");
    let (texts, _) = gpu_fills(&b200, &raw, None);
    assert!(texts.contains(&(GpuPrice, "11.99".to_owned())));
    assert!(texts.contains(&(GpuPriceLow, String::new())));
    assert!(texts.contains(&(GpuMemory, "179".to_owned())));
    // In euros: converted with the rate, in the scenario's decimal mark;
    // without a rate the price is left as it is.
    let mut eur = gpu_raw(&[(Currency, "EUR"), (Locale, "de-DE")]);
    eur.set(FxRate, "0,9");
    let (texts, priced) = gpu_fills(&h100, &eur, Some(0.9));
    assert!(priced);
    assert!(
        texts.contains(&(GpuPrice, "3,1455".to_owned())),
        "{texts:?}"
    );
    let (texts, priced) = gpu_fills(&h100, &eur, None);
    assert!(!priced);
    assert!(!texts.iter().any(|(f, _)| *f == GpuPrice));
    // An open model fills its parameters.
    let llama = open_model("open/llama-3.1-70b").expect("listed");
    assert_eq!(
        model_fills(llama, &raw),
        [
            (GpuModel, "open/llama-3.1-70b".to_owned()),
            (GpuParams, "70".to_owned())
        ]
    );
    // The filled texts are valid and price the job.
    let mut picked = raw.clone();
    for (f, t) in gpu_fills(&h100, &raw, None).0 {
        picked.set(f, t);
    }
    let p = parsed(&picked);
    assert!(p.ranges.is_some());
    assert!(p.investment.and_then(|i| i.gpu).is_some());
}

#[test]
fn a_fine_tuned_model_pick_leaves_gpu_time_alone() {
    use ft_roi::core::catalogue::fill::{compute_after, ComputeChange};
    use ft_roi::core::catalogue::{entry, Side};
    let ft = entry("openai/ft:gpt-4o-mini-2024-07-18").expect("listed");
    // A GPU job is the user's choice: no switch to token pricing is made or offered.
    assert_eq!(compute_after(ft, Side::FineTuned, &gpu_raw(&[])), None);
    // As before in the other modes: flat at the builder's defaults
    // switches, tokens needs nothing.
    let mut flat = gpu_raw(&[]);
    flat.set(Field::ComputeMode, "flat");
    assert_eq!(
        compute_after(ft, Side::FineTuned, &flat),
        Some(ComputeChange::Switch)
    );
    flat.set(Field::ComputeMode, "tokens");
    assert_eq!(compute_after(ft, Side::FineTuned, &flat), None);
}
