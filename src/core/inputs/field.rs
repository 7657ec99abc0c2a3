//! Every input of the calculator: public names, labels, units, hints,
//! steps, limits and defaults. The `name`s are a public interface (form
//! field names and URL query keys); never rename them.
//!
//! The six core inputs come first; the cost builders' inputs follow. Their
//! defaults are a breakdown of the reference example, so switching a
//! section from direct entry to its builder keeps every figure.

/// Largest accepted value of any money, volume or token input.
pub const MAX_VALUE: f64 = 1e15;
/// Smallest accepted non-zero value: below it the figures stop being
/// meaningful money and only invite floating-point noise.
pub const MIN_NONZERO: f64 = 1e-9;
/// Longest horizon, in months (fifty years).
pub const MAX_MONTHS: u32 = 600;
/// Lowest low end of a range on throughput, in %: −100 would
/// allow a throughput of 0, which serves nothing.
pub const THROUGHPUT_LOW: i32 = -99;

/// How a field's value is written and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    // Amounts of money.
    /// Dollars, any non-negative amount.
    Money,
    /// Dollars per request or per token unit, shown with the precision it needs.
    UnitCost,
    // Quantities.
    /// A count (requests, tokens, examples, hours); fractions allowed.
    Count,
    /// A whole number from 0 to the given maximum (deployments, units).
    Whole(u32),
    /// A whole number from the first to the second value.
    WholeIn(u64, u64),
    /// Whole months from 1 to [`MAX_MONTHS`].
    Months,
    /// A number above zero: at least [`MIN_NONZERO`], at most [`MAX_VALUE`]
    /// (throughput).
    Positive,
    // Rates and shares within bounds.
    /// A number from 0 to the given maximum (percentages, cycles a year).
    Bounded(u32),
    /// A number from minus to plus the given maximum (growth rates).
    Signed(u32),
    /// A number from the first bound to the second (the peak factor).
    Between(u32, u32),
    /// A number from the first to the second value: one end of a range
    /// (empty means no range on that side, see `core::model::uncertainty`).
    End(i32, i32),
    // Text.
    /// One of a fixed set of options (the first is the default).
    Choice(&'static [&'static str]),
    /// Free text that labels the scenario (a catalogue id); never read as a
    /// number and never checked.
    Label,
    /// A calendar month written `YYYY-MM` (month 01 to 12), read as its
    /// month index ([`crate::core::model::lifecycle::month_index`]); may be
    /// left empty.
    YearMonth,
}

/// Everything known about one input.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// Public name: the input's `name` and its URL key.
    pub name: &'static str,
    /// Label shown to users.
    pub label: &'static str,
    /// Unit shown next to the field.
    pub unit: &'static str,
    /// One-line hint under the field.
    pub hint: &'static str,
    /// Step of the arrow keys.
    pub step: f64,
    /// How the value is written and checked.
    pub kind: Kind,
    /// Text in the reference example (the default scenario).
    pub example: &'static str,
}

macro_rules! fields {
    (
        { $($variant:ident: $name:expr, $label:expr, $unit:literal, $hint:literal, $step:expr, $kind:expr, $example:literal;)* }
        { $($option:ident: $option_name:expr, $option_label:expr;)* }
        { $($term_unit:literal, $term_hint:literal, $term_step:expr, $term_kind:expr, $term_example:literal;)* }
    ) => {
        /// One input of the calculator.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $(
                #[doc = $label]
                $variant,
            )*
            $(
                #[doc = $option_label]
                $option,
            )*
        }

        const SPECS: &[Spec] = &[
            $(Spec { name: $name, label: $label, unit: $unit, hint: $hint, step: $step, kind: $kind, example: $example },)*
        ];

        /// The names and labels of options 3 to 6's fields, in order.
        const OPTION_NAMES: &[[&str; 2]] = &[$([$option_name, $option_label],)*];

        /// The rest of an option's field, by its term: the same for every
        /// option, so stored once (`super::option_rows`).
        const TERM_SPECS: &[Spec] = &[
            $(Spec { name: "", label: "", unit: $term_unit, hint: $term_hint, step: $term_step, kind: $term_kind, example: $term_example },)*
        ];

        impl Field {
            /// Every field, in order.
            pub const ALL: [Field; SPECS.len() + OPTION_NAMES.len()] = [$(Field::$variant,)* $(Field::$option,)*];
        }
    };
}

/// A choice field's options as a type: the field's text reads into one
/// variant, and a variant writes back the same text. The order of
/// [`Choice::OPTIONS`] is the one place where an option's position lives
/// (the form's `<select>`, the exports' number channel); links, storage
/// and files hold the option's text.
pub trait Choice: Copy + Eq + Default + 'static {
    /// Every option, in the field's order; the first is the default.
    const ALL: &'static [Self];
    /// Each option's text, in the order of [`Choice::ALL`]: what the field,
    /// its link and its file hold.
    const OPTIONS: &'static [&'static str];

    /// The option's text.
    fn text(self) -> &'static str;

    /// The option typed as `text`, surrounding whitespace ignored; `None`
    /// when it is none of the options.
    fn from_text(text: &str) -> Option<Self> {
        let t = text.trim();
        Self::ALL.iter().copied().find(|c| c.text() == t)
    }
}

/// Declares the choice enums: each variant with its option text, the first
/// variant the default.
macro_rules! choices {
    ($($(#[doc = $doc:literal])* $name:ident { $first:ident = $first_text:literal $(, $variant:ident = $text:literal)* $(,)? })*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
            pub enum $name {
                #[default]
                #[doc = $first_text]
                $first,
                $(#[doc = $text] $variant,)*
            }

            impl Choice for $name {
                const ALL: &'static [Self] = &[$name::$first, $($name::$variant,)*];
                const OPTIONS: &'static [&'static str] = &[$first_text, $($text,)*];

                fn text(self) -> &'static str {
                    match self {
                        $name::$first => $first_text,
                        $($name::$variant => $text,)*
                    }
                }
            }
        )*
    };
}

choices! {
    /// How the requests' costs are entered (`cost_mode`).
    CostMode { Direct = "direct", Tokens = "tokens" }
    /// Whether a section is entered as one total or itemized
    /// (`training_mode`, `maintenance_mode`).
    EntryMode { Direct = "direct", Itemized = "itemized" }
    /// What token prices are quoted per (`price_unit`).
    PriceUnit { Million = "1m", Thousand = "1k" }
    /// How the training compute is priced (`compute_mode`).
    ComputeMode { Flat = "flat", Tokens = "tokens", Gpu = "gpu" }
    /// How a model is fine-tuned on rented GPUs (`gpu_method`).
    GpuMethod { Lora = "lora", Qlora = "qlora", Full = "full" }
    /// How a side's model is served (`base_serving`, `ft_serving`).
    ServingMode { PerToken = "per_token", Hourly = "hourly", Capacity = "capacity" }
    /// The display currency (`currency`).
    CurrencyCode { Usd = "USD", Eur = "EUR", Gbp = "GBP", Jpy = "JPY", Inr = "INR", Cny = "CNY", Cad = "CAD", Aud = "AUD" }
    /// The number format (`locale`).
    LocaleTag { EnUs = "en-US", EnGb = "en-GB", EnIn = "en-IN", DeDe = "de-DE", FrFr = "fr-FR", EsEs = "es-ES", PtBr = "pt-BR", JaJp = "ja-JP", ZhCn = "zh-CN" }
}

impl PriceUnit {
    /// Tokens per price unit: 1,000,000 or 1,000.
    pub const fn tokens(self) -> f64 {
        match self {
            PriceUnit::Million => 1e6,
            PriceUnit::Thousand => 1e3,
        }
    }
}

// Options 3 to 6 (issue 28) follow every row below: their template is in
// `super::option_rows`.
super::option_rows::with_option_fields! { fields {
    Training: "training", "Training and setup cost", "$ one-time", "Labeling, training runs, evaluation and deployment work.", 100.0, Kind::Money, "2500";
    Maintenance: "maintenance", "Monthly maintenance", "$ / month", "Monitoring, evaluation, hosting premium and retraining, averaged.", 10.0, Kind::Money, "100";
    Baseline: "baseline", "Baseline cost per request", "$ / request", "Average all-in cost of one request today, retries included.", 0.001, Kind::UnitCost, "0.02";
    Finetuned: "finetuned", "Fine-tuned cost per request", "$ / request", "Average cost with the fine-tuned model, fallbacks included.", 0.001, Kind::UnitCost, "0.012";
    Requests: "requests", "Monthly requests", "requests / month", "Production requests the model serves each month.", 1000.0, Kind::Count, "100000";
    Months: "months", "Horizon", "months", "How far ahead to project: 1 to 600 whole months.", 1.0, Kind::Months, "12";

    CostMode: "cost_mode", "Request costs", "", "Enter costs per request directly, or build them from tokens and prices.", 1.0, Kind::Choice(CostMode::OPTIONS), "direct";
    PriceUnit: "price_unit", "Token prices per", "", "Whether token prices are per million or per thousand tokens; switching converts the prices, so no figure changes.", 1.0, Kind::Choice(PriceUnit::OPTIONS), "1m";
    BaseInputTokens: "base_input_tokens", "Input tokens", "tokens / request", "Prompt, instructions, context and history sent per request.", 100.0, Kind::Count, "1000";
    BaseOutputTokens: "base_output_tokens", "Output tokens", "tokens / request", "Tokens the model generates per request.", 100.0, Kind::Count, "1000";
    BaseInputPrice: "base_input_price", "Input price", "$ / unit", "Price of input tokens for the baseline model.", 0.5, Kind::UnitCost, "10";
    BaseOutputPrice: "base_output_price", "Output price", "$ / unit", "Price of output tokens for the baseline model.", 0.5, Kind::UnitCost, "10";
    BaseCacheShare: "base_cache_share", "Cached input", "% of input", "Share of input tokens served from the prompt cache.", 5.0, Kind::Bounded(100), "0";
    BaseCachePrice: "base_cache_price", "Cached input price", "$ / unit", "Price of cached input tokens.", 0.1, Kind::UnitCost, "0";
    BaseRetryRate: "base_retry_rate", "Retries", "% extra attempts", "Extra attempts per request (10 = one retry in ten requests).", 1.0, Kind::Bounded(1000), "0";
    // every term of a real bill: reasoning tokens, cache writes, batch (token cost mode only).
    BaseReasoningTokens: "base_reasoning_tokens", "Reasoning tokens", "tokens / request", "Hidden reasoning (thinking) tokens per request, billed at the output price.", 100.0, Kind::Count, "0";
    BaseCacheWriteShare: "base_cache_write_share", "Cache writes", "% of input", "Share of input tokens written to the prompt cache per request; with cached input, at most 100.", 5.0, Kind::Bounded(100), "0";
    BaseCacheWritePrice: "base_cache_write_price", "Cache write price", "$ / unit", "Price of input tokens written to the cache (Anthropic: 1.25× the input price for 5 minutes, 2× for 1 hour).", 0.1, Kind::UnitCost, "0";
    BaseBatchShare: "base_batch_share", "Batched requests", "% of requests", "Requests sent through the batch API, answered within a day.", 5.0, Kind::Bounded(100), "0";
    BaseBatchDiscount: "base_batch_discount", "Batch discount", "% off", "Discount on every token price of a batched request (50 at most providers).", 5.0, Kind::Bounded(100), "50";
    FtInputTokens: "ft_input_tokens", "Input tokens", "tokens / request", "Fine-tuned models often need shorter prompts.", 100.0, Kind::Count, "1000";
    FtOutputTokens: "ft_output_tokens", "Output tokens", "tokens / request", "Tokens the fine-tuned model generates per request.", 100.0, Kind::Count, "1000";
    FtInputPrice: "ft_input_price", "Input price", "$ / unit", "Price of input tokens for the fine-tuned model.", 0.5, Kind::UnitCost, "6";
    FtOutputPrice: "ft_output_price", "Output price", "$ / unit", "Price of output tokens for the fine-tuned model.", 0.5, Kind::UnitCost, "6";
    FtCacheShare: "ft_cache_share", "Cached input", "% of input", "Share of input tokens served from the prompt cache.", 5.0, Kind::Bounded(100), "0";
    FtCachePrice: "ft_cache_price", "Cached input price", "$ / unit", "Price of cached input tokens.", 0.1, Kind::UnitCost, "0";
    FtRetryRate: "ft_retry_rate", "Retries", "% extra attempts", "Extra attempts per request with the fine-tuned model.", 1.0, Kind::Bounded(1000), "0";
    // every term of a real bill: reasoning tokens, cache writes, batch (token cost mode only).
    FtReasoningTokens: "ft_reasoning_tokens", "Reasoning tokens", "tokens / request", "Hidden reasoning (thinking) tokens per request, billed at the output price.", 100.0, Kind::Count, "0";
    FtCacheWriteShare: "ft_cache_write_share", "Cache writes", "% of input", "Share of input tokens written to the prompt cache per request; with cached input, at most 100.", 5.0, Kind::Bounded(100), "0";
    FtCacheWritePrice: "ft_cache_write_price", "Cache write price", "$ / unit", "Price of input tokens written to the cache (Anthropic: 1.25× the input price for 5 minutes, 2× for 1 hour).", 0.1, Kind::UnitCost, "0";
    FtBatchShare: "ft_batch_share", "Batched requests", "% of requests", "Requests sent through the batch API, answered within a day.", 5.0, Kind::Bounded(100), "0";
    FtBatchDiscount: "ft_batch_discount", "Batch discount", "% off", "Discount on every token price of a batched request (50 at most providers).", 5.0, Kind::Bounded(100), "50";
    FtFallbackShare: "ft_fallback_share", "Fallback to baseline", "% of requests", "Low-confidence requests that are sent on to the baseline model as well.", 1.0, Kind::Bounded(100), "0";

    TrainingMode: "training_mode", "One-time investment", "", "Enter the total directly, or itemize labeling, compute and engineering.", 1.0, Kind::Choice(EntryMode::OPTIONS), "direct";
    LabelExamples: "label_examples", "Labeled examples", "examples", "Examples to label (also the training set size).", 100.0, Kind::Count, "1000";
    LabelCost: "label_cost", "Cost per example", "$ / example", "In-house $3–8, contract services $0.50–5, active learning $0.10–1.", 0.1, Kind::UnitCost, "2";
    LabelQa: "label_qa", "QA and rework", "% of labeling", "Allowance for review and relabeling (10–20% is common).", 5.0, Kind::Bounded(1000), "0";
    ComputeMode: "compute_mode", "Training compute", "", "A flat amount, priced by training tokens, or GPU time from the model's size and the trained tokens.", 1.0, Kind::Choice(ComputeMode::OPTIONS), "flat";
    ComputeFlat: "compute_flat", "Compute cost", "$ one-time", "The cost of the training jobs.", 50.0, Kind::Money, "500";
    TrainTokens: "train_tokens", "Tokens per example", "tokens", "Input plus output tokens of one training example.", 50.0, Kind::Count, "500";
    TrainEpochs: "train_epochs", "Epochs", "passes", "Passes over the training set.", 1.0, Kind::Count, "3";
    TrainPrice: "train_price", "Training price", "$ / 1M tokens", "Provider price per million training tokens.", 1.0, Kind::UnitCost, "30";
    CurationHours: "curation_hours", "Data curation", "hours", "Deduplicating, filtering and cleaning raw data (2–5 hours is typical).", 1.0, Kind::Count, "0";
    CurationRate: "curation_rate", "Curation rate", "$ / hour", "Hourly cost of the people doing it.", 10.0, Kind::Money, "100";
    SetupHours: "setup_hours", "Setup, evaluation, deployment", "hours", "Engineering time to evaluate and ship the model.", 1.0, Kind::Count, "0";
    SetupRate: "setup_rate", "Engineering rate", "$ / hour", "Hourly cost of the engineers.", 10.0, Kind::Money, "150";
    OtherOneTime: "other_one_time", "Other one-time costs", "$ one-time", "Tooling, licences, anything else paid once.", 100.0, Kind::Money, "0";

    MaintenanceMode: "maintenance_mode", "Recurring operations", "", "Enter the monthly total directly, or itemize monitoring, support and retraining.", 1.0, Kind::Choice(EntryMode::OPTIONS), "direct";
    Monitoring: "monitoring", "Monitoring and tooling", "$ / month", "Experiment tracking, alerting, evaluation runs, hosting premium.", 10.0, Kind::Money, "100";
    SupportHours: "support_hours", "Support and troubleshooting", "hours / week", "Time the team spends on the model each week (2–5 is typical).", 1.0, Kind::Count, "0";
    SupportRate: "support_rate", "Support rate", "$ / hour", "Hourly cost of that time.", 10.0, Kind::Money, "100";
    RetrainCost: "retrain_cost", "Retraining cost", "$ / cycle", "Relabeling and retraining when data drifts ($2,000–5,000 is common).", 100.0, Kind::Money, "0";
    RetrainPerYear: "retrain_per_year", "Retraining cycles", "per year", "4 = quarterly, 1 = yearly; the first comes after 12 ÷ cycles months.", 1.0, Kind::Bounded(52), "0";

    AccuracyGain: "accuracy_gain", "Accuracy gain", "percentage points", "Fewer errors per request with the fine-tuned model (optional).", 0.5, Kind::Bounded(100), "0";
    ErrorValue: "error_value", "Value per avoided error", "$ / error", "What one error costs you: a support ticket, a refund, a manual review.", 0.5, Kind::Money, "0";

    Growth: "growth", "Monthly volume growth", "% per month", "Traffic growth month over month; negative if it shrinks.", 0.5, Kind::Signed(99), "0";
    Discount: "discount", "Annual discount rate", "% per year", "Your cost of capital, for the net present value (0 = no discounting).", 1.0, Kind::Bounded(100), "0";
    Currency: "currency", "Currency", "", "Figures are in the currency you enter; no exchange rate is applied.", 1.0, Kind::Choice(CurrencyCode::OPTIONS), "USD";
    Locale: "locale", "Number format", "", "How numbers are written: separators and symbol placement.", 1.0, Kind::Choice(LocaleTag::OPTIONS), "en-US";
    Sensitivity: "sensitivity", "Sensitivity range", "± %", "How far each input moves in the sensitivity chart.", 5.0, Kind::Bounded(100), "20";

    // Serving costs on either side: `base_` the baseline, `ft_` the fine-tuned model.
    BaseServing: "base_serving", "Baseline serving", "", "Per request only, an hourly hosting fee on top, or capacity units sized to the load.", 1.0, Kind::Choice(ServingMode::OPTIONS), "per_token";
    BaseHostRate: "base_host_rate", "Baseline hosting fee", "$ / deployment-hour", "Fee per deployment and hour on top of per-request costs.", 0.1, Kind::Money, "0";
    BaseHostHours: "base_host_hours", "Baseline hours billed", "hours / month", "Hours each deployment is billed a month: 730 is always on (8,760 ÷ 12), 744 at most.", 1.0, Kind::Bounded(744), "730";
    BaseHostDeployments: "base_host_deployments", "Baseline deployments", "deployments", "Deployments paying the fee, 0 to 10,000.", 1.0, Kind::Whole(10_000), "1";
    BaseUnitRate: "base_unit_rate", "Baseline unit price", "$ / unit-hour", "One unit for an hour: a GPU, a replica of several GPUs, or a provisioned-throughput unit.", 0.1, Kind::Money, "0";
    BaseUnitRps: "base_unit_rps", "Baseline throughput per unit", "requests / second", "Requests per second one unit sustains at the latency you need.", 1.0, Kind::Positive, "1";
    BasePeakFactor: "base_peak_factor", "Baseline peak factor", "× average load", "Peak-to-average load the units are sized for, 1 to 100.", 0.5, Kind::Between(1, 100), "2";
    BaseMinUnits: "base_min_units", "Baseline minimum units", "units", "Always-on minimum, 0 to 10,000; 0 scales to zero without traffic.", 1.0, Kind::Whole(10_000), "1";
    BaseUnitHours: "base_unit_hours", "Baseline hours per unit", "hours / month", "Hours each unit is billed a month: 730 is always on, 744 at most.", 1.0, Kind::Bounded(744), "730";
    FtServing: "ft_serving", "Fine-tuned serving", "", "Per request only, an hourly hosting fee on top, or capacity units sized to the load.", 1.0, Kind::Choice(ServingMode::OPTIONS), "per_token";
    FtHostRate: "ft_host_rate", "Fine-tuned hosting fee", "$ / deployment-hour", "Fee per deployment and hour on top of per-request costs (Azure OpenAI: about $1.70).", 0.1, Kind::Money, "0";
    FtHostHours: "ft_host_hours", "Fine-tuned hours billed", "hours / month", "Hours each deployment is billed a month: 730 is always on (8,760 ÷ 12), 744 at most.", 1.0, Kind::Bounded(744), "730";
    FtHostDeployments: "ft_host_deployments", "Fine-tuned deployments", "deployments", "Deployments paying the fee, 0 to 10,000.", 1.0, Kind::Whole(10_000), "1";
    FtUnitRate: "ft_unit_rate", "Fine-tuned unit price", "$ / unit-hour", "One unit for an hour: a GPU, a replica of several GPUs, or a provisioned-throughput unit.", 0.1, Kind::Money, "0";
    FtUnitRps: "ft_unit_rps", "Fine-tuned throughput per unit", "requests / second", "Requests per second one unit sustains at the latency you need.", 1.0, Kind::Positive, "1";
    FtPeakFactor: "ft_peak_factor", "Fine-tuned peak factor", "× average load", "Peak-to-average load the units are sized for, 1 to 100.", 0.5, Kind::Between(1, 100), "2";
    FtMinUnits: "ft_min_units", "Fine-tuned minimum units", "units", "Always-on minimum, 0 to 10,000; 0 scales to zero without traffic.", 1.0, Kind::Whole(10_000), "1";
    FtUnitHours: "ft_unit_hours", "Fine-tuned hours per unit", "hours / month", "Hours each unit is billed a month: 730 is always on, 744 at most.", 1.0, Kind::Bounded(744), "730";
    // the price catalogue. Labels of the models whose prices were
    // filled in (catalogue ids; the prices themselves are in their fields),
    // and the exchange rate catalogue prices are converted with.
    BaseModel: "base_model", "Baseline model", "", "Search the price catalogue: choosing a model fills this side's token prices.", 1.0, Kind::Label, "";
    FtModel: "ft_model", "Fine-tuned model", "", "Search the price catalogue: choosing a model fills this side's token prices and the training price.", 1.0, Kind::Label, "";
    FxRate: "fx_rate", "Exchange rate", "per US dollar", "Units of the scenario's currency per US dollar, to convert catalogue prices (yours to type; no live rate).", 0.01, Kind::Positive, "";
    // ranges on the estimates (% around the scenario's value; growth's ends in points) and the simulation.
    TrainingLow: "training_low", "Training cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    TrainingHigh: "training_high", "Training cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    MaintenanceLow: "maintenance_low", "Monthly maintenance, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    MaintenanceHigh: "maintenance_high", "Monthly maintenance, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    BaselineLow: "baseline_low", "Baseline cost per request, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    BaselineHigh: "baseline_high", "Baseline cost per request, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    FinetunedLow: "finetuned_low", "Fine-tuned cost per request, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    FinetunedHigh: "finetuned_high", "Fine-tuned cost per request, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    RequestsLow: "requests_low", "Monthly requests, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    RequestsHigh: "requests_high", "Monthly requests, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    GrowthLow: "growth_low", "Monthly volume growth, low end", "% per month", "The lowest growth to expect, at most the growth itself.", 0.5, Kind::End(-99, 99), "";
    GrowthHigh: "growth_high", "Monthly volume growth, high end", "% per month", "The highest growth to expect, at least the growth itself.", 0.5, Kind::End(-99, 99), "";
    McDraws: "mc_draws", "Simulated cases", "cases", "More cases give steadier figures and take longer: 1,000 to 100,000.", 1000.0, Kind::WholeIn(1_000, 100_000), "10000";
    McSeed: "mc_seed", "Random seed", "", "The same seed gives the same figures; another one shows the sampling noise.", 1.0, Kind::WholeIn(0, 1 << 53), "1";
    // ranges on a side's serving rates and throughput (% around the value), used only in the serving mode that has them.
    BaseHostRateLow: "base_host_rate_low", "Baseline hosting fee, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    BaseHostRateHigh: "base_host_rate_high", "Baseline hosting fee, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    BaseUnitRateLow: "base_unit_rate_low", "Baseline unit price, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    BaseUnitRateHigh: "base_unit_rate_high", "Baseline unit price, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    BaseUnitRpsLow: "base_unit_rps_low", "Baseline throughput per unit, low end", "%", "How far below the scenario's value it may come out: −99 to 0 (a throughput of 0 serves nothing).", 5.0, Kind::End(THROUGHPUT_LOW, 0), "";
    BaseUnitRpsHigh: "base_unit_rps_high", "Baseline throughput per unit, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    FtHostRateLow: "ft_host_rate_low", "Fine-tuned hosting fee, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    FtHostRateHigh: "ft_host_rate_high", "Fine-tuned hosting fee, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    FtUnitRateLow: "ft_unit_rate_low", "Fine-tuned unit price, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    FtUnitRateHigh: "ft_unit_rate_high", "Fine-tuned unit price, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    FtUnitRpsLow: "ft_unit_rps_low", "Fine-tuned throughput per unit, low end", "%", "How far below the scenario's value it may come out: −99 to 0 (a throughput of 0 serves nothing).", 5.0, Kind::End(THROUGHPUT_LOW, 0), "";
    FtUnitRpsHigh: "ft_unit_rps_high", "Fine-tuned throughput per unit, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    // ranges on the terms of each side's token bill (% around the value), used only in token cost mode.
    BaseBatchShareLow: "base_batch_share_low", "Baseline batched requests, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    BaseBatchShareHigh: "base_batch_share_high", "Baseline batched requests, high end", "%", "How far above it: 0 to 1,000 (a drawn share stops at 100%).", 5.0, Kind::End(0, 1000), "";
    BaseCacheShareLow: "base_cache_share_low", "Baseline cached input, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    BaseCacheShareHigh: "base_cache_share_high", "Baseline cached input, high end", "%", "How far above it: 0 to 1,000 (a drawn share stops at 100%).", 5.0, Kind::End(0, 1000), "";
    BaseReasoningTokensLow: "base_reasoning_tokens_low", "Baseline reasoning tokens, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    BaseReasoningTokensHigh: "base_reasoning_tokens_high", "Baseline reasoning tokens, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    FtBatchShareLow: "ft_batch_share_low", "Fine-tuned batched requests, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    FtBatchShareHigh: "ft_batch_share_high", "Fine-tuned batched requests, high end", "%", "How far above it: 0 to 1,000 (a drawn share stops at 100%).", 5.0, Kind::End(0, 1000), "";
    FtCacheShareLow: "ft_cache_share_low", "Fine-tuned cached input, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    FtCacheShareHigh: "ft_cache_share_high", "Fine-tuned cached input, high end", "%", "How far above it: 0 to 1,000 (a drawn share stops at 100%).", 5.0, Kind::End(0, 1000), "";
    FtReasoningTokensLow: "ft_reasoning_tokens_low", "Fine-tuned reasoning tokens, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    FtReasoningTokensHigh: "ft_reasoning_tokens_high", "Fine-tuned reasoning tokens, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    // capacity units priced from the catalogue (the label of the GPU-hour or model-unit
    // entry whose price fills the unit price), and the GPUs in one unit (a GPU-hour price × GPUs
    // per unit = the unit price; the unit counts × GPUs per unit are the GPUs running).
    BaseUnitType: "base_unit_type", "Baseline unit type", "", "Search the price catalogue's GPU-hour and model-unit prices: choosing one fills the unit price.", 1.0, Kind::Label, "";
    BaseUnitGpus: "base_unit_gpus", "Baseline GPUs per unit", "GPUs", "GPUs in one unit (a replica on 4 GPUs: 4), 1 to 1,000: a GPU-hour price × GPUs per unit = the unit price.", 1.0, Kind::WholeIn(1, 1000), "1";
    FtUnitType: "ft_unit_type", "Fine-tuned unit type", "", "Search the price catalogue's GPU-hour and model-unit prices: choosing one fills the unit price.", 1.0, Kind::Label, "";
    FtUnitGpus: "ft_unit_gpus", "Fine-tuned GPUs per unit", "GPUs", "GPUs in one unit (a replica on 4 GPUs: 4), 1 to 1,000: a GPU-hour price × GPUs per unit = the unit price.", 1.0, Kind::WholeIn(1, 1000), "1";
    // issue 29: training priced by GPU time (compute_mode = gpu), the GPU and
    // open model picked from the catalogue (labels), and the ranges on the
    // GPU price and the MFU. Defaults: an 8B model trained with LoRA on one
    // H100 at 35% of its peak, the H100's price range's middle.
    GpuParams: "gpu_params", "Model parameters", "billion", "The model's size: 8 for an 8B model.", 1.0, Kind::Positive, "8";
    GpuMethod: "gpu_method", "Fine-tuning method", "", "Full fine-tuning trains every weight; LoRA and QLoRA train small adapters on a frozen base (QLoRA's base in 4 bits).", 1.0, Kind::Choice(GpuMethod::OPTIONS), "lora";
    GpuCount: "gpu_count", "GPUs", "GPUs", "GPUs the job runs on, 1 to 100,000.", 1.0, Kind::WholeIn(1, 100_000), "1";
    GpuPrice: "gpu_price", "GPU price", "$ / GPU-hour", "What one GPU costs for an hour.", 0.1, Kind::Positive, "3.495";
    GpuFlops: "gpu_flops", "GPU peak (dense BF16)", "TFLOPS", "Peak dense BF16 throughput of one GPU, from its datasheet (H100 SXM: 989).", 1.0, Kind::Positive, "989";
    GpuMfu: "gpu_mfu", "Utilisation (MFU)", "% of peak", "Share of the peak a training job sustains, 1 to 100 (30–50% is typical).", 1.0, Kind::Between(1, 100), "35";
    GpuMemory: "gpu_memory", "GPU memory", "GB per GPU", "Memory of one GPU (H100: 80).", 1.0, Kind::Positive, "80";
    GpuType: "gpu_type", "GPU", "", "Search the catalogue's GPUs: choosing one fills the peak, the memory and the price.", 1.0, Kind::Label, "";
    GpuModel: "gpu_model", "Open model", "", "Choosing a common open model fills its parameters.", 1.0, Kind::Label, "";
    GpuPriceLow: "gpu_price_low", "GPU price, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    GpuPriceHigh: "gpu_price_high", "GPU price, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    GpuMfuLow: "gpu_mfu_low", "Utilisation (MFU), low end", "%", "How far below the scenario's value it may come out: −90 to 0.", 5.0, Kind::End(-90, 0), "";
    GpuMfuHigh: "gpu_mfu_high", "Utilisation (MFU), high end", "%", "How far above it: 0 to 1,000 (a drawn MFU above 100% counts as 100%).", 5.0, Kind::End(0, 1000), "";
    // issue 27: the model's end of life. The horizon's first month (empty: no calendar, and no
    // figure depends on today's date) and the cost of moving to a successor when the picked
    // fine-tuned model shuts down within the horizon (a lump in the month holding its shutdown).
    Start: "start", "Horizon starts", "YYYY-MM", "The horizon's first month, like 2027-03; empty leaves the figures without a calendar.", 1.0, Kind::YearMonth, "";
    FtMigrationCost: "ft_migration_cost", "Migration cost", "$ one-time", "Moving to a successor model when the fine-tuned model shuts down within the horizon: counted in that month.", 100.0, Kind::Money, "0";
    // issue 28: ranges on options 3 to 6's own inputs (their cost per request without the fallback,
    // one-time and monthly costs), keys `oK_<input>_low` / `oK_<input>_high` like every range's.
    O3RequestCostLow: "o3_request_cost_low", "Option 3 cost per request, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O3RequestCostHigh: "o3_request_cost_high", "Option 3 cost per request, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O3OneTimeLow: "o3_one_time_low", "Option 3 one-time cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O3OneTimeHigh: "o3_one_time_high", "Option 3 one-time cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O3MonthlyLow: "o3_monthly_low", "Option 3 monthly cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O3MonthlyHigh: "o3_monthly_high", "Option 3 monthly cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O4RequestCostLow: "o4_request_cost_low", "Option 4 cost per request, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O4RequestCostHigh: "o4_request_cost_high", "Option 4 cost per request, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O4OneTimeLow: "o4_one_time_low", "Option 4 one-time cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O4OneTimeHigh: "o4_one_time_high", "Option 4 one-time cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O4MonthlyLow: "o4_monthly_low", "Option 4 monthly cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O4MonthlyHigh: "o4_monthly_high", "Option 4 monthly cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O5RequestCostLow: "o5_request_cost_low", "Option 5 cost per request, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O5RequestCostHigh: "o5_request_cost_high", "Option 5 cost per request, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O5OneTimeLow: "o5_one_time_low", "Option 5 one-time cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O5OneTimeHigh: "o5_one_time_high", "Option 5 one-time cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O5MonthlyLow: "o5_monthly_low", "Option 5 monthly cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O5MonthlyHigh: "o5_monthly_high", "Option 5 monthly cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O6RequestCostLow: "o6_request_cost_low", "Option 6 cost per request, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O6RequestCostHigh: "o6_request_cost_high", "Option 6 cost per request, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O6OneTimeLow: "o6_one_time_low", "Option 6 one-time cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O6OneTimeHigh: "o6_one_time_high", "Option 6 one-time cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
    O6MonthlyLow: "o6_monthly_low", "Option 6 monthly cost, low end", "%", "How far below the scenario's value it may come out: −100 to 0.", 5.0, Kind::End(-100, 0), "";
    O6MonthlyHigh: "o6_monthly_high", "Option 6 monthly cost, high end", "%", "How far above it: 0 to 1,000.", 5.0, Kind::End(0, 1000), "";
}}

/// The number of fields.
pub const COUNT: usize = Field::ALL.len();

impl Field {
    /// The six inputs of the core model, in form order.
    pub const CORE: [Field; 6] = [
        Field::Training,
        Field::Maintenance,
        Field::Baseline,
        Field::Finetuned,
        Field::Requests,
        Field::Months,
    ];

    /// Position in [`Field::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// Everything known about this field but its name and label: its own
    /// row, or for a field of options 3 to 6 its term's row of the
    /// template.
    const fn spec(self) -> &'static Spec {
        let i = self as usize;
        if i < SPECS.len() {
            &SPECS[i]
        } else {
            &TERM_SPECS[(i - SPECS.len()) % TERM_SPECS.len()]
        }
    }

    /// The name (0) or the label (1).
    const fn names(self, which: usize) -> &'static str {
        let i = self as usize;
        if i < SPECS.len() {
            [SPECS[i].name, SPECS[i].label][which]
        } else {
            OPTION_NAMES[i - SPECS.len()][which]
        }
    }

    /// The public name: the input's `name` attribute and its URL query key.
    pub const fn name(self) -> &'static str {
        self.names(0)
    }

    /// The field whose public name is `name`.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The label shown to users.
    pub const fn label(self) -> &'static str {
        self.names(1)
    }

    /// The unit shown next to the field.
    pub const fn unit(self) -> &'static str {
        self.spec().unit
    }

    /// A one-line hint under the field.
    pub const fn hint(self) -> &'static str {
        self.spec().hint
    }

    /// The step of the arrow keys.
    pub const fn step(self) -> f64 {
        self.spec().step
    }

    /// How the value is written and checked.
    pub const fn kind(self) -> Kind {
        self.spec().kind
    }

    /// The text of the field in the reference example (the default scenario).
    pub const fn example(self) -> &'static str {
        self.spec().example
    }
}

impl Field {
    /// The option of a choice field whose position is `value`, the number
    /// [`parse_field`](super::parse::parse_field) reads a choice as (what
    /// the exports' number channel carries); `None` for a field that is not
    /// a choice or a position past its options.
    pub fn option_at(self, value: f64) -> Option<&'static str> {
        let Kind::Choice(options) = self.kind() else {
            return None;
        };
        options
            .iter()
            .zip(0u32..)
            .find(|&(_, k)| f64::from(k) == value)
            .map(|(o, _)| *o)
    }
}

/// Adds `error` for `field` to `errors`, which it keeps in field (form)
/// order, after any earlier error of the same field: what a stable sort by
/// field would give, without the sorting machinery (≈ 4 KB of wasm for
/// each element type sorted) for lists of a few entries.
pub fn push_in_form_order<E>(errors: &mut Vec<(Field, E)>, field: Field, error: E) {
    let at = errors.partition_point(|(f, _)| *f <= field);
    errors.insert(at, (field, error));
}

// Request costs from tokens.
impl Field {
    /// The baseline's token fields as the request-cost builder reads them:
    /// tokens, prices, cache and retries, then the terms of a real bill
    /// (reasoning tokens, cache writes, batch).
    pub const BASE_BILL: [Field; 12] = [
        Field::BaseInputTokens,
        Field::BaseOutputTokens,
        Field::BaseInputPrice,
        Field::BaseOutputPrice,
        Field::BaseCacheShare,
        Field::BaseCachePrice,
        Field::BaseRetryRate,
        Field::BaseReasoningTokens,
        Field::BaseCacheWriteShare,
        Field::BaseCacheWritePrice,
        Field::BaseBatchShare,
        Field::BaseBatchDiscount,
    ];

    /// The fine-tuned side's token fields, in the order of
    /// [`Field::BASE_BILL`] (the fallback share is read on its own).
    pub const FT_BILL: [Field; 12] = [
        Field::FtInputTokens,
        Field::FtOutputTokens,
        Field::FtInputPrice,
        Field::FtOutputPrice,
        Field::FtCacheShare,
        Field::FtCachePrice,
        Field::FtRetryRate,
        Field::FtReasoningTokens,
        Field::FtCacheWriteShare,
        Field::FtCacheWritePrice,
        Field::FtBatchShare,
        Field::FtBatchDiscount,
    ];
}

// Serving costs.
impl Field {
    /// The baseline's serving fields: the mode, then `hourly`'s rate, hours
    /// and deployments, then `capacity`'s unit price, throughput, peak
    /// factor, minimum units and hours per unit.
    pub const BASE_SERVING: [Field; 9] = [
        Field::BaseServing,
        Field::BaseHostRate,
        Field::BaseHostHours,
        Field::BaseHostDeployments,
        Field::BaseUnitRate,
        Field::BaseUnitRps,
        Field::BasePeakFactor,
        Field::BaseMinUnits,
        Field::BaseUnitHours,
    ];

    /// The fine-tuned side's serving fields, in the order of
    /// [`Field::BASE_SERVING`].
    pub const FT_SERVING: [Field; 9] = [
        Field::FtServing,
        Field::FtHostRate,
        Field::FtHostHours,
        Field::FtHostDeployments,
        Field::FtUnitRate,
        Field::FtUnitRps,
        Field::FtPeakFactor,
        Field::FtMinUnits,
        Field::FtUnitHours,
    ];
}

/// What people read for `option` of a choice field: the form's words for
/// it ("Per request only" for `per_token`), which the comparison and the
/// Markdown export use too. An option without words of its own (a currency
/// code, a locale tag) is written as it is.
pub fn option_label(option: &str) -> &str {
    match option {
        "direct" => "Direct entry",
        "tokens" => "From tokens",
        "itemized" => "Itemized",
        "1m" => "1M tokens",
        "1k" => "1K tokens",
        "flat" => "Flat amount",
        // Training priced by GPU time.
        "gpu" => "GPU time",
        "full" => "Full fine-tuning",
        "lora" => "LoRA",
        "qlora" => "QLoRA",
        // Serving costs.
        "per_token" => "Per request only",
        "hourly" => "Hourly fee",
        "capacity" => "Capacity units",
        other => other,
    }
}
