//! One-click scenarios: the reference page's example and the article's
//! worked examples (and its support bot as four options). Each fills every field, builders included, so that the
//! figures can be checked against the published ones (and the article's
//! arithmetic errors are visible).

use super::field::Field::{self, *};
use super::parse::RawInputs;

/// A preset scenario.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// The public `data-preset` name.
    pub id: &'static str,
    /// The button label.
    pub label: &'static str,
    /// What it models, in one sentence.
    pub description: &'static str,
    /// The preset it starts from (`None`: the reference example).
    extends: Option<&'static str>,
    /// The fields that differ from the reference example (or from the
    /// preset it extends).
    changes: &'static [(Field, &'static str)],
}

impl Preset {
    /// Every field's text.
    pub fn raw(&self) -> RawInputs {
        let mut raw = self
            .extends
            .and_then(preset)
            .map_or_else(RawInputs::example, Preset::raw);
        for &(field, text) in self.changes {
            raw.set(field, text);
        }
        raw
    }
}

/// Every preset, in button order.
pub const PRESETS: [Preset; 5] = [
    Preset {
        id: "reference",
        label: "Reference page example",
        extends: None,
        description: "$0.02 vs $0.012 per request at 100,000 requests a month, $2,500 to train, $100 a month to run.",
        changes: &[],
    },
    Preset {
        id: "support",
        label: "Customer support (article)",
        extends: None,
        description: "2M input + 1M output tokens a month at $3/$15 vs $1/$5 per 1M tokens: too little volume to pay back.",
        changes: &[
            // 1,000 requests × (2,000 in + 1,000 out) = 2M + 1M tokens a month.
            (CostMode, "tokens"),
            (Requests, "1000"),
            (BaseInputTokens, "2000"),
            (BaseOutputTokens, "1000"),
            (BaseInputPrice, "3"),
            (BaseOutputPrice, "15"),
            (FtInputTokens, "2000"),
            (FtOutputTokens, "1000"),
            (FtInputPrice, "1"),
            (FtOutputPrice, "5"),
            // Labeling 1,000 conversations ($1,500) + training ($100).
            (TrainingMode, "itemized"),
            (LabelExamples, "1000"),
            (LabelCost, "1.5"),
            (ComputeMode, "flat"),
            (ComputeFlat, "100"),
            // Monitoring and versioning, $200 a month.
            (MaintenanceMode, "itemized"),
            (Monitoring, "200"),
            // Direct entry, kept equivalent.
            (Training, "1600"),
            (Maintenance, "200"),
            (Baseline, "0.021"),
            (Finetuned, "0.007"),
        ],
    },
    Preset {
        id: "classification",
        label: "Classification at scale (article)",
        extends: None,
        description: "50M documents a month × 300 input tokens at $3 vs $1 per 1M tokens: pays back in days.",
        changes: &[
            (CostMode, "tokens"),
            (Requests, "50000000"),
            (BaseInputTokens, "300"),
            (BaseOutputTokens, "0"),
            (BaseInputPrice, "3"),
            (BaseOutputPrice, "15"),
            (FtInputTokens, "300"),
            (FtOutputTokens, "0"),
            (FtInputPrice, "1"),
            (FtOutputPrice, "5"),
            // Labeling 5,000 examples ($3,000) + training ($400) + curation ($300).
            (TrainingMode, "itemized"),
            (LabelExamples, "5000"),
            (LabelCost, "0.6"),
            (ComputeMode, "flat"),
            (ComputeFlat, "400"),
            (CurationHours, "3"),
            (CurationRate, "100"),
            (MaintenanceMode, "itemized"),
            (Monitoring, "300"),
            (Training, "3700"),
            (Maintenance, "300"),
            (Baseline, "0.0009"),
            (Finetuned, "0.0003"),
        ],
    },
    Preset {
        id: "article-code",
        label: "Article's code example",
        extends: None,
        description: "calculate_fine_tuning_roi(monthly_tokens=50_000_000) with its defaults: $0.003 vs $0.001 per 1K tokens.",
        changes: &[
            // 50,000 requests × 1,000 tokens = 50M tokens, one price for all tokens.
            (CostMode, "tokens"),
            (PriceUnit, "1k"),
            (Requests, "50000"),
            (BaseInputTokens, "1000"),
            (BaseOutputTokens, "0"),
            (BaseInputPrice, "0.003"),
            (BaseOutputPrice, "0.003"),
            (FtInputTokens, "1000"),
            (FtOutputTokens, "0"),
            (FtInputPrice, "0.001"),
            (FtOutputPrice, "0.001"),
            // labeling_cost=1500, training_cost=100, monthly_ops_cost=200.
            (TrainingMode, "itemized"),
            (LabelExamples, "1000"),
            (LabelCost, "1.5"),
            (ComputeMode, "flat"),
            (ComputeFlat, "100"),
            (MaintenanceMode, "itemized"),
            (Monitoring, "200"),
            (Training, "1600"),
            (Maintenance, "200"),
            (Baseline, "0.003"),
            (Finetuned, "0.001"),
        ],
    },
    Preset {
        id: "support-options",
        label: "Support bot, four options (article)",
        extends: Some("support"),
        description: "The article's support bot four ways: prompting ($3/$15 per 1M); the article's fine-tune; the same prompting with caching and batch (Anthropic: cache reads 0.1× input, batch 50% off; assumed: half the input cached, half the requests batched, cache writes left out); a gpt-4o-mini student distilled from 1,000 of the prompted model's answers.",
        changes: &[
            // Option 1 (prompting) and option 2 (the article's fine-tune)
            // are the support preset's two sides.
            //
            // Option 3: the same model and tokens, with the prompt cache and
            // the batch API. Cache reads $0.30 per 1M (Claude Sonnet 4/4.5,
            // 0.1× input: platform.claude.com pricing, in
            // prices-2026-12.md §2); batch 50% off input and output
            // (Anthropic, §1). Scenario assumptions, not sourced: 50% of the
            // input read from the cache, 50% of the requests batched, cache
            // writes left out (steady traffic within the cache's lifetime).
            (O3Kind, "model"),
            (O3Name, "Prompting, cached and batched"),
            (O3InputTokens, "2000"),
            (O3OutputTokens, "1000"),
            (O3InputPrice, "3"),
            (O3OutputPrice, "15"),
            (O3CacheShare, "50"),
            (O3CachePrice, "0.3"),
            (O3BatchShare, "50"),
            (O3BatchDiscount, "50"),
            // Option 4: a small student distilled from the prompted model.
            // Student ft:gpt-4o-mini-2024-07-18 at $0.30 in / $1.20 out per
            // 1M (LiteLLM map, prices-2026-11.md); training $3 per 1M
            // training tokens (same file) × 1,000 examples × 3,000 tokens ×
            // 3 epochs (the article's 1,000 conversations and 3 epochs) =
            // 9M tokens = $27 once; the article's $200 a month of
            // monitoring and versioning. The teacher is option 1's model
            // writing the 1,000 answers: 2,000 in × $3 + 1,000 out × $15 per
            // 1M = $0.021 each, $21.
            (O4Kind, "distill"),
            (O4Name, "Distilled small model"),
            (O4InputTokens, "2000"),
            (O4OutputTokens, "1000"),
            (O4InputPrice, "0.3"),
            (O4OutputPrice, "1.2"),
            (O4OneTime, "27"),
            (O4Monthly, "200"),
            (O4TeacherExamples, "1000"),
            (O4TeacherInputTokens, "2000"),
            (O4TeacherInputPrice, "3"),
            (O4TeacherOutputTokens, "1000"),
            (O4TeacherOutputPrice, "15"),
            // Direct entry, kept equivalent: option 3's $0.013725 and option
            // 4's $0.0018 a request (worked in tests/presets.rs).
            (O3RequestCost, "0.013725"),
            (O4RequestCost, "0.0018"),
        ],
    },
];

/// The preset named `id`.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The rows of the article's decision table: upper bound of monthly tokens
/// (exclusive), tier id, range, expected ROI, recommendation.
pub const TOKEN_TIERS: [(f64, &str, &str, &str, &str); 4] = [
    (
        5e6,
        "under-5m",
        "< 5M",
        "Negative (unless a 20%+ accuracy gain is needed)",
        "Skip, use prompting",
    ),
    (
        2e7,
        "5m-20m",
        "5M–20M",
        "Break-even to slightly negative",
        "Fine-tune if accuracy is critical",
    ),
    (
        1e8,
        "20m-100m",
        "20M–100M",
        "Positive, 3–12 month payback",
        "Fine-tune if data exists",
    ),
    (
        f64::INFINITY,
        "100m-plus",
        "100M+",
        "Strongly positive, weeks to months payback",
        "Fine-tune immediately",
    ),
];

/// The decision-table row of a monthly token volume.
pub fn token_tier(monthly_tokens: f64) -> usize {
    TOKEN_TIERS
        .iter()
        .position(|t| monthly_tokens < t.0)
        .unwrap_or(TOKEN_TIERS.len() - 1)
}
