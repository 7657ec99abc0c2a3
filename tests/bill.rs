//! Native tests of every term of a real bill in the request-cost builder:
//! reasoning tokens, cache writes and batch, each against a bill worked by
//! hand (a provider's own published prices where there are some), their
//! order (batch before retries, fallback after), the parts adding up to the
//! request cost, the defaults changing nothing, and the fields' messages.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::export::{part_inputs, ExportDoc};
use ft_roi::core::codec::url::{decode, encode};
use ft_roi::core::inputs::builders::{bill, finetuned_bill, BillTerms, RequestCost, TokenSide};
use ft_roi::core::inputs::parse::Echo;
use ft_roi::core::present::format::Fmt;
use ft_roi::core::{calculate, parse_scenario, Field, InputError, RawInputs};
use proptest::prelude::*;

const M: f64 = 1e6;

/// A side with these tokens and prices per 1M, nothing cached, no retries.
fn side(input: f64, output: f64, p_in: f64, p_out: f64) -> TokenSide {
    TokenSide {
        input_tokens: input,
        output_tokens: output,
        input_price: p_in,
        output_price: p_out,
        cache_share: 0.0,
        cache_price: 0.0,
        retry_rate: 0.0,
    }
}

/// `a` and `b` agree to 1e-12 of their size: the same dollars to far
/// below a cent.
#[track_caller]
fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-9),
        "{what}: {a} vs {b}"
    );
}

/// Each part of `c` against the hand-worked `parts`: input, cached, cache
/// write, output, reasoning, A, batch saving, retries, fallback, total.
#[track_caller]
fn parts(c: &RequestCost, expected: [f64; 10]) {
    let got = [
        c.input,
        c.cached,
        c.cache_write,
        c.output,
        c.reasoning,
        c.attempt,
        c.batch_saving,
        c.retries,
        c.fallback,
        c.total,
    ];
    let names = [
        "input",
        "cached",
        "cache write",
        "output",
        "reasoning",
        "A",
        "batch saving",
        "retries",
        "fallback",
        "total",
    ];
    for ((g, e), name) in got.into_iter().zip(expected).zip(names) {
        close(g, e, name);
    }
}

#[test]
fn anthropic_batch_with_cache_reads_writes_and_thinking() {
    // Claude Sonnet 4.5 (Anthropic's pricing page): input $3, output $15,
    // 5-minute cache write $3.75 (1.25×), cache read $0.30 (0.1×) per 1M;
    // batch 50% off, its rates $1.50 / $7.50. A request of 20,000 input
    // tokens (15,000 read from the cache, 4,000 written, 1,000 plain), 800
    // visible output tokens and 4,000 thinking tokens, sent as a batch.
    let sonnet = TokenSide {
        cache_share: 0.75,
        cache_price: 0.30,
        ..side(20_000.0, 800.0, 3.0, 15.0)
    };
    let terms = BillTerms {
        reasoning_tokens: 4_000.0,
        cache_write_share: 0.20,
        cache_write_price: 3.75,
        batch_share: 1.0,
        batch_discount: 0.5,
    };
    let c = bill(&sonnet, &terms, M);
    // 1,000 × $3 + 15,000 × $0.30 + 4,000 × $3.75 + 800 × $15 + 4,000 × $15.
    let a = 0.003 + 0.0045 + 0.015 + 0.012 + 0.06;
    parts(
        &c,
        [
            0.003,
            0.0045,
            0.015,
            0.012,
            0.06,
            a,
            a / 2.0,
            0.0,
            0.0,
            a / 2.0,
        ],
    );
    // The same request at Anthropic's own batch rates: input $1.50, a batch
    // cache read 0.05× the base price ($0.15), a batch cache write 1.25×
    // the batch input ($1.875), output and thinking $7.50.
    let at_batch_rates = (1_000.0 * 1.5 + 15_000.0 * 0.15 + 4_000.0 * 1.875 + 4_800.0 * 7.5) / M;
    close(c.total, at_batch_rates, "Anthropic's batch rates");
    assert_eq!(Fmt::default().unit_cost(c.total), "$0.04725");
}

#[test]
fn openai_batch_halves_input_cached_input_and_output() {
    // gpt-4.1 (OpenAI's pricing page): input $2, cached input $0.50,
    // output $8 per 1M; batch $1 / $4, cached input halved too. A request
    // of 10,000 input tokens, half of them cached, and 1,000 output tokens.
    let gpt41 = TokenSide {
        cache_share: 0.5,
        cache_price: 0.5,
        ..side(10_000.0, 1_000.0, 2.0, 8.0)
    };
    let all = BillTerms {
        batch_share: 1.0,
        ..BillTerms::NONE
    };
    let c = bill(&gpt41, &all, M);
    close(
        c.total,
        (5_000.0 * 1.0 + 5_000.0 * 0.25 + 1_000.0 * 4.0) / M,
        "OpenAI's batch rates",
    );
    // A quarter of the requests batched saves a quarter of the 50%.
    let quarter = bill(
        &gpt41,
        &BillTerms {
            batch_share: 0.25,
            ..BillTerms::NONE
        },
        M,
    );
    parts(
        &quarter,
        [
            0.01, 0.0025, 0.0, 0.008, 0.0, 0.0205, 0.0025625, 0.0, 0.0, 0.0179375,
        ],
    );
}

#[test]
fn reasoning_tokens_are_billed_at_the_output_price() {
    // o3 (OpenAI): input $2, output $8 per 1M; reasoning tokens count as
    // output. 1,000 in, 200 visible out, 3,000 reasoning.
    let o3 = side(1_000.0, 200.0, 2.0, 8.0);
    let terms = BillTerms {
        reasoning_tokens: 3_000.0,
        ..BillTerms::NONE
    };
    let c = bill(&o3, &terms, M);
    parts(
        &c,
        [
            0.002, 0.0, 0.0, 0.0016, 0.024, 0.0276, 0.0, 0.0, 0.0, 0.0276,
        ],
    );
    // Per 1K tokens, with the prices per 1K: the same bill.
    let per_k = bill(&side(1_000.0, 200.0, 0.002, 0.008), &terms, 1e3);
    close(per_k.total, c.total, "per 1K");
}

#[test]
fn cache_writes_come_out_of_the_plain_input() {
    // Claude Haiku 4.5: input $1, 1-hour cache write $2 (2×), read $0.10.
    // 10,000 input tokens: 60% read, 30% written, 10% plain; no output.
    let haiku = TokenSide {
        cache_share: 0.6,
        cache_price: 0.1,
        ..side(10_000.0, 0.0, 1.0, 5.0)
    };
    let terms = BillTerms {
        cache_write_share: 0.3,
        cache_write_price: 2.0,
        ..BillTerms::NONE
    };
    let c = bill(&haiku, &terms, M);
    parts(
        &c,
        [
            0.001, 0.0006, 0.006, 0.0, 0.0, 0.0076, 0.0, 0.0, 0.0, 0.0076,
        ],
    );
    // Everything read or written: no plain input left.
    let all = bill(
        &TokenSide {
            cache_share: 0.7,
            ..haiku
        },
        &terms,
        M,
    );
    assert_eq!(all.input, 0.0);
}

#[test]
fn batch_comes_before_retries_and_the_fallback_after() {
    // A = $0.02 an attempt; 40% batched at 50% off saves $0.004; retries
    // of 10% repeat the discounted $0.016; 5% of requests also pay the
    // baseline's $0.03, at the baseline's own price (the fine-tuned side's
    // batch does not discount it).
    let ft = TokenSide {
        retry_rate: 0.1,
        ..side(1_000.0, 1_000.0, 10.0, 10.0)
    };
    let terms = BillTerms {
        batch_share: 0.4,
        ..BillTerms::NONE
    };
    let c = finetuned_bill(&ft, &terms, M, 0.05, 0.03);
    parts(
        &c,
        [
            0.01, 0.0, 0.0, 0.01, 0.0, 0.02, 0.004, 0.0016, 0.0015, 0.0191,
        ],
    );
    // Not retries on the full price ($0.002), not a discounted fallback.
    assert!((c.retries - 0.002).abs() > 1e-6);
    assert!((c.fallback - 0.0015 * 0.8).abs() > 1e-6);
}

#[test]
fn without_the_terms_every_cost_is_bit_for_bit_as_before() {
    // The builder before these terms: (uncached + cached + output) per
    // attempt, retries on top, the fallback after.
    let before = |s: &TokenSide, unit: f64| {
        let attempt = s.input_tokens * (1.0 - s.cache_share) * s.input_price / unit
            + s.input_tokens * s.cache_share * s.cache_price / unit
            + s.output_tokens * s.output_price / unit;
        attempt + attempt * s.retry_rate
    };
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(&arb_side(), |s| {
            for unit in [1e6, 1e3] {
                let c = bill(&s, &BillTerms::NONE, unit);
                prop_assert_eq!(c.total.to_bits(), before(&s, unit).to_bits());
                prop_assert_eq!(c.batch_saving, 0.0);
            }
            Ok(())
        })
        .unwrap();
    // And through the page's fields: every new field at its default.
    let mut raw = RawInputs::example();
    raw.set(Field::CostMode, "tokens");
    raw.set(Field::BaseCacheShare, "30");
    raw.set(Field::BaseCachePrice, "1.25");
    raw.set(Field::FtRetryRate, "7");
    raw.set(Field::FtFallbackShare, "3");
    let p = parse_scenario(&raw).into_result().unwrap();
    let t = p.tokens.unwrap();
    assert_eq!(
        p.inputs.baseline.to_bits(),
        before(&t.baseline_side, 1e6).to_bits()
    );
    assert_eq!(
        p.inputs.finetuned.to_bits(),
        (before(&t.finetuned_side, 1e6) + 0.03 * p.inputs.baseline).to_bits()
    );
    assert_eq!(
        (t.baseline_terms, t.finetuned_terms),
        (BillTerms::NONE, BillTerms::NONE)
    );
}

fn arb_side() -> impl Strategy<Value = TokenSide> {
    (
        (0.0..1e6f64, 0.0..1e5f64, 0.0..100.0f64, 0.0..100.0f64),
        (0.0..=1.0f64, 0.0..10.0f64, 0.0..10.0f64),
    )
        .prop_map(|((i, o, p_in, p_out), (c, p_c, r))| TokenSide {
            input_tokens: i,
            output_tokens: o,
            input_price: p_in,
            output_price: p_out,
            cache_share: c,
            cache_price: p_c,
            retry_rate: r,
        })
}

fn arb_terms() -> impl Strategy<Value = BillTerms> {
    (
        0.0..1e5f64,
        0.0..=1.0f64,
        0.0..100.0f64,
        0.0..=1.0f64,
        0.0..=1.0f64,
    )
        .prop_map(|(z, w, p_w, b, d)| BillTerms {
            reasoning_tokens: z,
            cache_write_share: w,
            cache_write_price: p_w,
            batch_share: b,
            batch_discount: d,
        })
}

proptest! {
    /// The parts add up to the request cost: input + cached + cache write
    /// + output + reasoning = A; A − batch saving + retries + fallback =
    /// the request cost; no part is negative.
    #[test]
    fn the_parts_add_up_to_the_request_cost(
        s in arb_side(),
        t in arb_terms(),
        fallback in 0.0..=1.0f64,
        baseline in 0.0..10.0f64,
    ) {
        // Cached and written input together are at most the whole input.
        let t = BillTerms { cache_write_share: t.cache_write_share * (1.0 - s.cache_share), ..t };
        let c = finetuned_bill(&s, &t, M, fallback, baseline);
        let sum = c.input + c.cached + c.cache_write + c.output + c.reasoning;
        let tol = 1e-12 * c.attempt.max(c.total).max(1e-9);
        prop_assert!((sum - c.attempt).abs() <= tol, "{:?}", c);
        let total = c.attempt - c.batch_saving + c.retries + c.fallback;
        prop_assert!((total - c.total).abs() <= tol, "{:?}", c);
        prop_assert!(c.input >= -tol && c.batch_saving >= 0.0 && c.batch_saving <= c.attempt, "{:?}", c);
    }
}

/// The scenario built from tokens, with `fields` typed.
fn tokens_with(fields: &[(Field, &str)]) -> RawInputs {
    let mut raw = RawInputs::example();
    raw.set(Field::CostMode, "tokens");
    for &(f, text) in fields {
        raw.set(f, text);
    }
    raw
}

#[track_caller]
fn refused(fields: &[(Field, &str)], field: Field, error: InputError) {
    let checked = parse_scenario(&tokens_with(fields));
    assert_eq!(checked.errors.get(field), Some(error), "{fields:?}");
    assert!(
        checked.parsed.is_none(),
        "no figures while {field:?} is bad"
    );
}

#[test]
fn bad_input_gets_its_fields_message() {
    use Field::*;
    for (field, text, error) in [
        (BaseReasoningTokens, "-1", InputError::Negative),
        (FtReasoningTokens, "abc", InputError::NotANumber),
        (BaseCacheWriteShare, "101", InputError::OutsideBounds(100)),
        (FtCacheWriteShare, "-5", InputError::OutsideBounds(100)),
        (BaseCacheWritePrice, "-3.75", InputError::Negative),
        (FtCacheWritePrice, "", InputError::Empty),
        (BaseBatchShare, "150", InputError::OutsideBounds(100)),
        (FtBatchShare, "-1", InputError::OutsideBounds(100)),
        (BaseBatchDiscount, "100.5", InputError::OutsideBounds(100)),
        (FtBatchDiscount, "-50", InputError::OutsideBounds(100)),
    ] {
        refused(&[(field, text)], field, error);
    }
}

#[test]
fn read_and_written_shares_over_100_flag_the_written_share() {
    use Field::*;
    let at_most = |text: &str| InputError::CacheOverShare(Echo::new(text).unwrap());
    refused(
        &[(BaseCacheShare, "70"), (BaseCacheWriteShare, "40")],
        BaseCacheWriteShare,
        at_most("30%"),
    );
    refused(
        &[(FtCacheShare, "33.3"), (FtCacheWriteShare, "66.8")],
        FtCacheWriteShare,
        at_most("66.7%"),
    );
    // In the scenario's own number format.
    refused(
        &[
            (Locale, "de-DE"),
            (BaseCacheShare, "12,5"),
            (BaseCacheWriteShare, "90"),
        ],
        BaseCacheWriteShare,
        at_most("87,5%"),
    );
    assert_eq!(
        at_most("30%").to_string(),
        "Enter at most 30%: cached and written input together are at most 100% of the input."
    );
    // Exactly 100 together is the whole input, and fine; the cached share
    // keeps no message.
    let raw = tokens_with(&[(BaseCacheShare, "70"), (BaseCacheWriteShare, "30")]);
    assert!(parse_scenario(&raw).errors.is_empty());
    let checked = parse_scenario(&tokens_with(&[
        (BaseCacheShare, "70"),
        (BaseCacheWriteShare, "40"),
    ]));
    assert_eq!(checked.errors.get(BaseCacheShare), None);
    // Direct entry does not read them: nothing is flagged.
    let mut direct = tokens_with(&[(BaseBatchShare, "-1")]);
    direct.set(CostMode, "direct");
    assert!(parse_scenario(&direct).errors.is_empty());
}

#[test]
fn a_link_carrying_the_terms_round_trips_and_a_bad_one_is_flagged() {
    use Field::*;
    let raw = tokens_with(&[
        (BaseReasoningTokens, "4000"),
        (BaseCacheShare, "75"),
        (BaseCacheWriteShare, "20"),
        (BaseCacheWritePrice, "3.75"),
        (FtBatchShare, "40"),
        (FtBatchDiscount, "50"),
    ]);
    let query = encode(&raw, &RawInputs::example());
    for key in [
        "base_reasoning_tokens=4000",
        "base_cache_write_share=20",
        "base_cache_write_price=3.75",
        "ft_batch_share=40",
    ] {
        assert!(query.contains(key), "{key} in {query}");
    }
    // The discount at its default is left out, as every default is.
    assert!(!query.contains("ft_batch_discount"), "{query}");
    let back = decode(&query, RawInputs::example());
    assert_eq!(back.raw, raw);
    assert!(back.bad.is_empty());
    let bad = decode(
        "v=1&cost_mode=tokens&base_cache_share=70&base_cache_write_share=40&ft_reasoning_tokens=-2",
        RawInputs::example(),
    );
    let flagged: Vec<Field> = bad.bad.iter().map(|(f, _)| *f).collect();
    assert_eq!(flagged, [BaseCacheWriteShare, FtReasoningTokens]);
    assert_eq!(bad.raw.get(FtReasoningTokens), "-2", "kept as typed");
}

#[test]
fn exports_carry_the_terms_a_scenario_uses_and_only_those() {
    use Field::*;
    let raw = tokens_with(&[
        (BaseReasoningTokens, "4000"),
        (FtCacheWriteShare, "20"),
        (FtCacheWritePrice, "7.5"),
        (FtBatchShare, "40"),
    ]);
    let p = parse_scenario(&raw).into_result().unwrap();
    let names: Vec<&str> = part_inputs(&raw, &p)
        .iter()
        .map(|(f, _)| f.name())
        .collect();
    let at = |name: &str| {
        names
            .iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("{name} in {names:?}"))
    };
    // Each side's terms after its retries, the fine-tuned side's before
    // its fallback.
    assert!(at("base_retry_rate") < at("base_reasoning_tokens"));
    assert!(at("base_reasoning_tokens") < at("ft_input_tokens"));
    assert!(at("ft_retry_rate") < at("ft_cache_write_share"));
    assert!(at("ft_cache_write_share") < at("ft_cache_write_price"));
    assert!(at("ft_batch_share") < at("ft_batch_discount"));
    assert!(at("ft_batch_discount") < at("ft_fallback_share"));
    for unused in [
        "base_cache_write_share",
        "base_batch_share",
        "base_batch_discount",
        "ft_reasoning_tokens",
    ] {
        assert!(!names.contains(&unused), "{unused} in {names:?}");
    }
    let r = calculate(&p.inputs);
    let parts = part_inputs(&raw, &p);
    let csv = ExportDoc::new(Fmt::default(), "x", &raw, &p.inputs, &r)
        .with_parts(&parts)
        .csv();
    for line in [
        "input,base_reasoning_tokens,Baseline reasoning tokens,4000,\"4,000\"",
        "input,ft_cache_write_share,Fine-tuned cache writes,20,20 % of input",
        "input,ft_batch_discount,Fine-tuned batch discount,50,50 % off",
    ] {
        assert!(csv.contains(line), "{line} in {csv}");
    }
    // A token scenario without them lists none of them.
    let plain = tokens_with(&[]);
    let p = parse_scenario(&plain).into_result().unwrap();
    let listed: Vec<Field> = part_inputs(&plain, &p).iter().map(|(f, _)| *f).collect();
    for f in Field::BASE_BILL[7..].iter().chain(&Field::FT_BILL[7..]) {
        assert!(!listed.contains(f), "{f:?}");
    }
}

#[test]
fn the_worked_formulas_write_each_part_with_the_users_numbers() {
    use ft_roi::core::present::formulas::request_costs;
    use Field::*;
    let raw = tokens_with(&[
        (BaseInputTokens, "20000"),
        (BaseOutputTokens, "800"),
        (BaseInputPrice, "3"),
        (BaseOutputPrice, "15"),
        (BaseCacheShare, "75"),
        (BaseCachePrice, "0.3"),
        (BaseReasoningTokens, "4000"),
        (BaseCacheWriteShare, "20"),
        (BaseCacheWritePrice, "3.75"),
        (BaseBatchShare, "100"),
        (FtRetryRate, "10"),
        (FtFallbackShare, "5"),
    ]);
    let t = parse_scenario(&raw).into_result().unwrap().tokens.unwrap();
    let lines: Vec<(&str, String)> = request_costs(Fmt::default(), &t)
        .into_iter()
        .map(|f| (f.metric, f.worked.unwrap()))
        .collect();
    let expected = [
        (
            "baseline_input_cost",
            "20,000 × (1 − 75% − 20%) × $3.00 ÷ 1,000,000 = $0.003",
        ),
        (
            "baseline_cached_cost",
            "20,000 × 75% × $0.30 ÷ 1,000,000 = $0.0045",
        ),
        (
            "baseline_cache_write_cost",
            "20,000 × 20% × $3.75 ÷ 1,000,000 = $0.015",
        ),
        ("baseline_output_cost", "800 × $15.00 ÷ 1,000,000 = $0.012"),
        (
            "baseline_reasoning_cost",
            "4,000 × $15.00 ÷ 1,000,000 = $0.06",
        ),
        (
            "baseline_attempt_cost",
            "$0.003 + $0.0045 + $0.015 + $0.012 + $0.06 = $0.0945",
        ),
        ("baseline_batch_saving", "$0.0945 × 100% × 50% = $0.04725"),
        ("baseline_request_cost", "$0.0945 − $0.04725 = $0.04725"),
        // The fine-tuned side as the example has it: 1,000 tokens each way
        // at $6, 10% retries, 5% falling back to the baseline.
        ("finetuned_input_cost", "1,000 × $6.00 ÷ 1,000,000 = $0.006"),
        (
            "finetuned_output_cost",
            "1,000 × $6.00 ÷ 1,000,000 = $0.006",
        ),
        ("finetuned_attempt_cost", "$0.006 + $0.006 = $0.012"),
        ("finetuned_retry_cost", "$0.012 × 10% = $0.0012"),
        ("finetuned_fallback_cost", "5% × $0.04725 = $0.0023625"),
        (
            "finetuned_request_cost",
            "$0.012 + $0.0012 + $0.0023625 = $0.0155625",
        ),
    ];
    let got: Vec<(&str, &str)> = lines.iter().map(|(m, w)| (*m, w.as_str())).collect();
    assert_eq!(got, expected);
}
