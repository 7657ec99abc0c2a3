//! Options 3 to 6 (issue 28) read from their `oK_…` fields: each present
//! option's kind, name and costs as an [`Approach`] on the scenario's
//! basis. An option's invalid field gets its message in the scenario's one
//! error map and leaves that option without figures; the figures and the
//! other options stand. Fields an option's kind or the cost mode do not
//! use keep their text unchecked.

use super::sections::{side_serving, token_side, Reader};
use super::{InputError, Parsed};
use crate::core::inputs::builders::{self, RequestCost};
use crate::core::inputs::field::{Choice, Field, ServingMode};
use crate::core::inputs::option_fields::{present, Term, FIRST, LAST};
use crate::core::model::lifecycle::Migration;
use crate::core::model::options::{cost_per_request, OptionKind, Retrieval, Teacher};
use crate::core::model::uncertainty::{option_of, RANGED};
use crate::core::model::{Approach, Retraining};

/// Longest option name, in characters.
pub const MAX_NAME_LEN: usize = 60;

/// One option the user added, as read from its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedOption {
    /// Its number, 3 to 6 (`oK_…`).
    pub number: usize,
    /// What it is (`oK_kind`); `model` when the kind is not one of them
    /// (its message recorded).
    pub kind: OptionKind,
    /// Its name as typed, trimmed (`oK_name`); empty for "Option K".
    pub name: String,
    /// Its costs and accuracy; `None` while one of its fields is invalid.
    pub approach: Option<Approach>,
    /// Its cost per request by part, in token cost mode (before the
    /// kind's own terms: the retrieval's embedding, the fallback).
    pub bill: Option<RequestCost>,
    /// The fields it reads, in form order ([`used_terms`]).
    pub terms: Vec<Term>,
    /// Share of its requests (0 to 1) that also go to option 1
    /// (`oK_fallback_share` ÷ 100; 0 unless fine-tune or distill).
    pub fallback: f64,
}

impl ParsedOption {
    /// What people read for it: its name, or "Option K".
    pub fn title(&self) -> String {
        if self.name.is_empty() {
            format!("Option {}", self.number)
        } else {
            self.name.clone()
        }
    }
}

/// Option `k`'s field of `term`.
fn field(k: usize, term: Term) -> Field {
    // k is always 3 to 6 here: the caller walks FIRST..=LAST.
    term.of(k).unwrap_or(Field::Training)
}

/// Reads every present option, in number order, into `p.options`.
pub(super) fn options(read: &mut Reader, p: &mut Parsed) {
    p.options = (FIRST..=LAST)
        .filter(|&k| present(read.raw, k))
        .map(|k| option(read, p, k))
        .collect();
    ranges(read, p);
}

/// The ranges on the present options' own inputs (`oK_request_cost_low`,
/// …), read once the options are: all of them valid, or no ranges (and no
/// simulation), like the other ranges' ends.
fn ranges(read: &mut Reader, p: &mut Parsed) {
    let read_ends = read.section(|read| {
        let mut ranges = p.ranges.unwrap_or_default();
        for (row, r) in RANGED.iter().enumerate() {
            if option_of(row).is_some_and(|k| present(read.raw, k)) {
                ranges.ends[row] = (read.optional(r.low), read.optional(r.high));
            }
        }
        ranges
    });
    p.ranges = p.ranges.and(read_ends);
}

/// Reads option `k`: its kind decides which of its fields it reads.
fn option(read: &mut Reader, p: &Parsed, k: usize) -> ParsedOption {
    let f = |t: Term| field(k, t);
    let kind_text = read.raw.get(f(Term::Kind)).trim();
    let kind = OptionKind::from_name(kind_text).ok_or(InputError::UnknownKind);
    let kind = read.keep(f(Term::Kind), kind);
    let name = read.raw.get(f(Term::Name)).trim().to_owned();
    let name_fits = name.chars().count() <= MAX_NAME_LEN;
    if !name_fits {
        read.record(f(Term::Name), InputError::NameTooLong);
    }
    let mut bill = None;
    let mut fallback_share = 0.0;
    let costs = read.section(|read| {
        let kind = kind.unwrap_or_default();
        let attempts = match p.tokens {
            None => read.number(f(Term::RequestCost)),
            Some(t) => {
                let fields = [
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
                ]
                .map(f);
                let (mut side, terms) = token_side(read, &fields);
                if kind == OptionKind::Rag {
                    side.input_tokens += read.number(f(Term::RagTokens));
                }
                let b = builders::bill(&side, &terms, t.unit);
                bill = Some(b);
                b.total
            }
        };
        let retrieval = match kind {
            OptionKind::Rag => Retrieval {
                rag_tokens: 0.0,
                embed_tokens: read.number(f(Term::EmbedTokens)),
                embed_price: read.number(f(Term::EmbedPrice)),
                corpus_tokens: read.number(f(Term::CorpusTokens)),
                reindex_per_month: read.number(f(Term::ReindexPerMonth)),
            },
            _ => Retrieval::default(),
        };
        let (fallback, retraining) = if kind.is_trained() {
            (
                read.share(f(Term::FallbackShare)),
                Retraining {
                    cost: read.number(f(Term::RetrainCost)),
                    per_year: read.number(f(Term::RetrainPerYear)),
                    // An added option has no catalogue pick, so no end of life of its own.
                    migration: Migration::NONE,
                },
            )
        } else {
            (0.0, Retraining::default())
        };
        fallback_share = fallback;
        let teacher = match kind {
            OptionKind::Distill => Teacher {
                examples: read.number(f(Term::TeacherExamples)),
                input_tokens: read.number(f(Term::TeacherInputTokens)),
                input_price: read.number(f(Term::TeacherInputPrice)),
                output_tokens: read.number(f(Term::TeacherOutputTokens)),
                output_price: read.number(f(Term::TeacherOutputPrice)),
            },
            _ => Teacher::default(),
        };
        let serving_fields = [
            Term::Serving,
            Term::HostRate,
            Term::HostHours,
            Term::HostDeployments,
            Term::UnitRate,
            Term::UnitRps,
            Term::PeakFactor,
            Term::MinUnits,
            Term::UnitHours,
        ]
        .map(f);
        Approach {
            cost_per_request: cost_per_request(
                kind,
                attempts,
                &retrieval,
                fallback,
                p.inputs.baseline,
            ),
            monthly: read.number(f(Term::Monthly)) + retrieval.reindex_monthly(),
            serving: side_serving(read, &serving_fields),
            one_time: read.number(f(Term::OneTime)) + teacher.cost(),
            retraining,
            accuracy: read.number(f(Term::AccuracyGain)),
        }
    });
    let mode = ServingMode::from_text(read.raw.get(f(Term::Serving))).unwrap_or_default();
    ParsedOption {
        terms: used_terms(kind.unwrap_or_default(), p.tokens.is_some(), mode),
        number: k,
        kind: kind.unwrap_or_default(),
        name,
        approach: costs.filter(|_| kind.is_some() && name_fits),
        bill,
        fallback: fallback_share,
    }
}

/// The fields an option of `kind` reads, in form order, with costs from
/// tokens (`tokens`) or entered directly, and its serving `mode`'s fields:
/// what the form shows for it and what an export lists.
pub fn used_terms(kind: OptionKind, tokens: bool, mode: ServingMode) -> Vec<Term> {
    use Term::*;
    let mut out = vec![Kind, Name];
    if tokens {
        out.extend([
            InputTokens,
            OutputTokens,
            InputPrice,
            OutputPrice,
            CacheShare,
            CachePrice,
            RetryRate,
            ReasoningTokens,
            CacheWriteShare,
            CacheWritePrice,
            BatchShare,
            BatchDiscount,
        ]);
        if kind == OptionKind::Rag {
            out.push(RagTokens);
        }
    } else {
        out.push(RequestCost);
    }
    if kind == OptionKind::Rag {
        out.extend([EmbedTokens, EmbedPrice, CorpusTokens, ReindexPerMonth]);
    }
    if kind.is_trained() {
        out.push(FallbackShare);
    }
    out.push(Serving);
    match mode {
        ServingMode::PerToken => {}
        ServingMode::Hourly => out.extend([HostRate, HostHours, HostDeployments]),
        ServingMode::Capacity => {
            out.extend([UnitRate, UnitRps, PeakFactor, MinUnits, UnitHours]);
        }
    }
    out.extend([OneTime, Monthly]);
    if kind.is_trained() {
        out.extend([RetrainCost, RetrainPerYear]);
    }
    if kind == OptionKind::Distill {
        out.extend([
            TeacherExamples,
            TeacherInputTokens,
            TeacherInputPrice,
            TeacherOutputTokens,
            TeacherOutputPrice,
        ]);
    }
    out.push(AccuracyGain);
    out
}
