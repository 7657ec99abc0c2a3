//! The fields of options 3 to 6 (issue 28), `oK_…` with K = 3…6: one
//! template of 40 rows ([`Term`]), written out for each option into the
//! field table ([`super::field::Field`]) after every other field (by
//! [`super::option_rows`]), so a link, a stored scenario or an export
//! carries them like any input.
//!
//! Their defaults are 0 unless a side's field of the same suffix has
//! another one that 0 would make invalid or change (the serving's hours,
//! deployments, throughput, peak factor and minimum units; the batch
//! discount). `oK_kind` empty means option K is not there (see
//! [`present`]); its other texts are kept but not read.

use super::field::Field;
use super::parse::RawInputs;

/// The lowest and highest option numbers a user adds (1 and 2 are the
/// sides).
pub const FIRST: usize = 3;
/// The highest option number.
pub const LAST: usize = 6;
/// Fields per option: the rows of the template.
pub const TERMS: usize = 40;

/// One field of an option, by its suffix (`oK_<suffix>`), in the order of
/// the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    /// `oK_kind`.
    Kind,
    /// `oK_name`.
    Name,
    /// `oK_request_cost`.
    RequestCost,
    /// `oK_input_tokens`.
    InputTokens,
    /// `oK_output_tokens`.
    OutputTokens,
    /// `oK_input_price`.
    InputPrice,
    /// `oK_output_price`.
    OutputPrice,
    /// `oK_cache_share`.
    CacheShare,
    /// `oK_cache_price`.
    CachePrice,
    /// `oK_retry_rate`.
    RetryRate,
    /// `oK_reasoning_tokens`.
    ReasoningTokens,
    /// `oK_cache_write_share`.
    CacheWriteShare,
    /// `oK_cache_write_price`.
    CacheWritePrice,
    /// `oK_batch_share`.
    BatchShare,
    /// `oK_batch_discount`.
    BatchDiscount,
    /// `oK_fallback_share`.
    FallbackShare,
    /// `oK_serving`.
    Serving,
    /// `oK_host_rate`.
    HostRate,
    /// `oK_host_hours`.
    HostHours,
    /// `oK_host_deployments`.
    HostDeployments,
    /// `oK_unit_rate`.
    UnitRate,
    /// `oK_unit_rps`.
    UnitRps,
    /// `oK_peak_factor`.
    PeakFactor,
    /// `oK_min_units`.
    MinUnits,
    /// `oK_unit_hours`.
    UnitHours,
    /// `oK_one_time`.
    OneTime,
    /// `oK_monthly`.
    Monthly,
    /// `oK_retrain_cost`.
    RetrainCost,
    /// `oK_retrain_per_year`.
    RetrainPerYear,
    /// `oK_accuracy_gain`.
    AccuracyGain,
    /// `oK_rag_tokens`.
    RagTokens,
    /// `oK_embed_tokens`.
    EmbedTokens,
    /// `oK_embed_price`.
    EmbedPrice,
    /// `oK_corpus_tokens`.
    CorpusTokens,
    /// `oK_reindex_per_month`.
    ReindexPerMonth,
    /// `oK_teacher_examples`.
    TeacherExamples,
    /// `oK_teacher_input_tokens`.
    TeacherInputTokens,
    /// `oK_teacher_input_price`.
    TeacherInputPrice,
    /// `oK_teacher_output_tokens`.
    TeacherOutputTokens,
    /// `oK_teacher_output_price`.
    TeacherOutputPrice,
}

impl Term {
    /// Every term, in the order of the template.
    pub const ALL: [Term; TERMS] = [
        Term::Kind,
        Term::Name,
        Term::RequestCost,
        Term::InputTokens,
        Term::OutputTokens,
        Term::InputPrice,
        Term::OutputPrice,
        Term::CacheShare,
        Term::CachePrice,
        Term::RetryRate,
        Term::ReasoningTokens,
        Term::CacheWriteShare,
        Term::CacheWritePrice,
        Term::BatchShare,
        Term::BatchDiscount,
        Term::FallbackShare,
        Term::Serving,
        Term::HostRate,
        Term::HostHours,
        Term::HostDeployments,
        Term::UnitRate,
        Term::UnitRps,
        Term::PeakFactor,
        Term::MinUnits,
        Term::UnitHours,
        Term::OneTime,
        Term::Monthly,
        Term::RetrainCost,
        Term::RetrainPerYear,
        Term::AccuracyGain,
        Term::RagTokens,
        Term::EmbedTokens,
        Term::EmbedPrice,
        Term::CorpusTokens,
        Term::ReindexPerMonth,
        Term::TeacherExamples,
        Term::TeacherInputTokens,
        Term::TeacherInputPrice,
        Term::TeacherOutputTokens,
        Term::TeacherOutputPrice,
    ];

    /// Option `k`'s field of this term; `None` for k outside 3 to 6.
    pub fn of(self, k: usize) -> Option<Field> {
        (FIRST..=LAST)
            .contains(&k)
            .then(|| Field::ALL[FIRST_INDEX + (k - FIRST) * TERMS + self as usize])
    }
}

/// Position of `o3_kind` in [`Field::ALL`]: the options' fields come last.
const FIRST_INDEX: usize = Field::ALL.len() - (LAST - FIRST + 1) * TERMS;

impl Field {
    /// The option (3 to 6) and term of an option's field; `None` for every
    /// other field.
    pub fn option_term(self) -> Option<(usize, Term)> {
        let i = self.index().checked_sub(FIRST_INDEX)?;
        Some((FIRST + i / TERMS, Term::ALL[i % TERMS]))
    }

    /// Whether this is a field of options 3 to 6.
    pub fn is_option_field(self) -> bool {
        self.index() >= FIRST_INDEX
    }
}

/// Whether option `k` (3 to 6) is in the scenario: its kind is not empty.
pub fn present(raw: &RawInputs, k: usize) -> bool {
    Term::Kind
        .of(k)
        .is_some_and(|f| !raw.get(f).trim().is_empty())
}

/// Whether `key` names an option's field with a number outside 3 to 6
/// (`o7_kind`, `o2_name`): a link the page reads what it can of, saying
/// what it skipped.
pub fn is_outside_key(key: &str) -> bool {
    let Some((number, suffix)) = key.strip_prefix('o').and_then(|k| k.split_once('_')) else {
        return false;
    };
    let known = Term::ALL
        .iter()
        .filter_map(|t| t.of(FIRST))
        .any(|f| f.name().get(3..) == Some(suffix));
    known
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && !number
            .parse::<usize>()
            .is_ok_and(|k| (FIRST..=LAST).contains(&k))
}
