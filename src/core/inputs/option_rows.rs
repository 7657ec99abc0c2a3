//! The rows of options 3 to 6 in the field table (issue 28): a macro the
//! table (`super::field`) calls with its own rows, so that the options'
//! 160 fields come from one template of 40 ([`super::option_fields::Term`],
//! in the same order) after every other field: each field has its own
//! name and label, and shares its term's unit, hint, step, kind and
//! default with the other options' (the table stores them once). It names
//! no module: `Kind` and `ServingMode` are the field table's own.

/// Writes the option fields into the field table: `with_option_fields!
/// { fields { rows… } }` calls `fields! { { rows… } { each option field's
/// variant: name, label; … } { the 40 terms' unit, hint, step, kind,
/// default; … } }`.
macro_rules! with_option_fields {
    ($callback:ident { $($rows:tt)* }) => {
        $crate::core::inputs::option_rows::with_option_fields! { @rows $callback { $($rows)* }
            [3 O3Kind O3Name O3RequestCost O3InputTokens O3OutputTokens O3InputPrice O3OutputPrice O3CacheShare O3CachePrice O3RetryRate O3ReasoningTokens O3CacheWriteShare O3CacheWritePrice O3BatchShare O3BatchDiscount O3FallbackShare O3Serving O3HostRate O3HostHours O3HostDeployments O3UnitRate O3UnitRps O3PeakFactor O3MinUnits O3UnitHours O3OneTime O3Monthly O3RetrainCost O3RetrainPerYear O3AccuracyGain O3RagTokens O3EmbedTokens O3EmbedPrice O3CorpusTokens O3ReindexPerMonth O3TeacherExamples O3TeacherInputTokens O3TeacherInputPrice O3TeacherOutputTokens O3TeacherOutputPrice]
            [4 O4Kind O4Name O4RequestCost O4InputTokens O4OutputTokens O4InputPrice O4OutputPrice O4CacheShare O4CachePrice O4RetryRate O4ReasoningTokens O4CacheWriteShare O4CacheWritePrice O4BatchShare O4BatchDiscount O4FallbackShare O4Serving O4HostRate O4HostHours O4HostDeployments O4UnitRate O4UnitRps O4PeakFactor O4MinUnits O4UnitHours O4OneTime O4Monthly O4RetrainCost O4RetrainPerYear O4AccuracyGain O4RagTokens O4EmbedTokens O4EmbedPrice O4CorpusTokens O4ReindexPerMonth O4TeacherExamples O4TeacherInputTokens O4TeacherInputPrice O4TeacherOutputTokens O4TeacherOutputPrice]
            [5 O5Kind O5Name O5RequestCost O5InputTokens O5OutputTokens O5InputPrice O5OutputPrice O5CacheShare O5CachePrice O5RetryRate O5ReasoningTokens O5CacheWriteShare O5CacheWritePrice O5BatchShare O5BatchDiscount O5FallbackShare O5Serving O5HostRate O5HostHours O5HostDeployments O5UnitRate O5UnitRps O5PeakFactor O5MinUnits O5UnitHours O5OneTime O5Monthly O5RetrainCost O5RetrainPerYear O5AccuracyGain O5RagTokens O5EmbedTokens O5EmbedPrice O5CorpusTokens O5ReindexPerMonth O5TeacherExamples O5TeacherInputTokens O5TeacherInputPrice O5TeacherOutputTokens O5TeacherOutputPrice]
            [6 O6Kind O6Name O6RequestCost O6InputTokens O6OutputTokens O6InputPrice O6OutputPrice O6CacheShare O6CachePrice O6RetryRate O6ReasoningTokens O6CacheWriteShare O6CacheWritePrice O6BatchShare O6BatchDiscount O6FallbackShare O6Serving O6HostRate O6HostHours O6HostDeployments O6UnitRate O6UnitRps O6PeakFactor O6MinUnits O6UnitHours O6OneTime O6Monthly O6RetrainCost O6RetrainPerYear O6AccuracyGain O6RagTokens O6EmbedTokens O6EmbedPrice O6CorpusTokens O6ReindexPerMonth O6TeacherExamples O6TeacherInputTokens O6TeacherInputPrice O6TeacherOutputTokens O6TeacherOutputPrice]
        }
    };
    (@rows $callback:ident { $($rows:tt)* } $([$k:literal $kind:ident $name:ident $request_cost:ident $input_tokens:ident $output_tokens:ident $input_price:ident $output_price:ident $cache_share:ident $cache_price:ident $retry_rate:ident $reasoning_tokens:ident $cache_write_share:ident $cache_write_price:ident $batch_share:ident $batch_discount:ident $fallback_share:ident $serving:ident $host_rate:ident $host_hours:ident $host_deployments:ident $unit_rate:ident $unit_rps:ident $peak_factor:ident $min_units:ident $unit_hours:ident $one_time:ident $monthly:ident $retrain_cost:ident $retrain_per_year:ident $accuracy_gain:ident $rag_tokens:ident $embed_tokens:ident $embed_price:ident $corpus_tokens:ident $reindex_per_month:ident $teacher_examples:ident $teacher_input_tokens:ident $teacher_input_price:ident $teacher_output_tokens:ident $teacher_output_price:ident])*) => {
        $callback! {
            { $($rows)* }
            {
            $(
                $kind: concat!("o", $k, "_kind"), concat!("Option ", $k, " kind");
                $name: concat!("o", $k, "_name"), concat!("Option ", $k, " name");
                $request_cost: concat!("o", $k, "_request_cost"), concat!("Option ", $k, " cost per request");
                $input_tokens: concat!("o", $k, "_input_tokens"), concat!("Option ", $k, " input tokens");
                $output_tokens: concat!("o", $k, "_output_tokens"), concat!("Option ", $k, " output tokens");
                $input_price: concat!("o", $k, "_input_price"), concat!("Option ", $k, " input price");
                $output_price: concat!("o", $k, "_output_price"), concat!("Option ", $k, " output price");
                $cache_share: concat!("o", $k, "_cache_share"), concat!("Option ", $k, " cached input");
                $cache_price: concat!("o", $k, "_cache_price"), concat!("Option ", $k, " cached input price");
                $retry_rate: concat!("o", $k, "_retry_rate"), concat!("Option ", $k, " retries");
                $reasoning_tokens: concat!("o", $k, "_reasoning_tokens"), concat!("Option ", $k, " reasoning tokens");
                $cache_write_share: concat!("o", $k, "_cache_write_share"), concat!("Option ", $k, " cache writes");
                $cache_write_price: concat!("o", $k, "_cache_write_price"), concat!("Option ", $k, " cache write price");
                $batch_share: concat!("o", $k, "_batch_share"), concat!("Option ", $k, " batched requests");
                $batch_discount: concat!("o", $k, "_batch_discount"), concat!("Option ", $k, " batch discount");
                $fallback_share: concat!("o", $k, "_fallback_share"), concat!("Option ", $k, " fallback to option 1");
                $serving: concat!("o", $k, "_serving"), concat!("Option ", $k, " serving");
                $host_rate: concat!("o", $k, "_host_rate"), concat!("Option ", $k, " hosting fee");
                $host_hours: concat!("o", $k, "_host_hours"), concat!("Option ", $k, " hours billed");
                $host_deployments: concat!("o", $k, "_host_deployments"), concat!("Option ", $k, " deployments");
                $unit_rate: concat!("o", $k, "_unit_rate"), concat!("Option ", $k, " unit price");
                $unit_rps: concat!("o", $k, "_unit_rps"), concat!("Option ", $k, " throughput per unit");
                $peak_factor: concat!("o", $k, "_peak_factor"), concat!("Option ", $k, " peak factor");
                $min_units: concat!("o", $k, "_min_units"), concat!("Option ", $k, " minimum units");
                $unit_hours: concat!("o", $k, "_unit_hours"), concat!("Option ", $k, " hours per unit");
                $one_time: concat!("o", $k, "_one_time"), concat!("Option ", $k, " one-time cost");
                $monthly: concat!("o", $k, "_monthly"), concat!("Option ", $k, " monthly cost");
                $retrain_cost: concat!("o", $k, "_retrain_cost"), concat!("Option ", $k, " retraining cost");
                $retrain_per_year: concat!("o", $k, "_retrain_per_year"), concat!("Option ", $k, " retraining cycles");
                $accuracy_gain: concat!("o", $k, "_accuracy_gain"), concat!("Option ", $k, " accuracy gain");
                $rag_tokens: concat!("o", $k, "_rag_tokens"), concat!("Option ", $k, " retrieved tokens");
                $embed_tokens: concat!("o", $k, "_embed_tokens"), concat!("Option ", $k, " embedded tokens");
                $embed_price: concat!("o", $k, "_embed_price"), concat!("Option ", $k, " embedding price");
                $corpus_tokens: concat!("o", $k, "_corpus_tokens"), concat!("Option ", $k, " corpus");
                $reindex_per_month: concat!("o", $k, "_reindex_per_month"), concat!("Option ", $k, " re-indexings");
                $teacher_examples: concat!("o", $k, "_teacher_examples"), concat!("Option ", $k, " teacher examples");
                $teacher_input_tokens: concat!("o", $k, "_teacher_input_tokens"), concat!("Option ", $k, " teacher input tokens");
                $teacher_input_price: concat!("o", $k, "_teacher_input_price"), concat!("Option ", $k, " teacher input price");
                $teacher_output_tokens: concat!("o", $k, "_teacher_output_tokens"), concat!("Option ", $k, " teacher output tokens");
                $teacher_output_price: concat!("o", $k, "_teacher_output_price"), concat!("Option ", $k, " teacher output price");
            )*
            }
            // The template: each term's unit, hint, step, kind and default, the same for every option.
            {
                "", "What the option is: model (prompting), rag (with retrieval), finetune or distill.", 1.0, Kind::Label, "";
                "", "Up to 60 characters.", 1.0, Kind::Label, "";
                "$ / request", "All-in cost of one request with this option, retries included.", 0.001, Kind::UnitCost, "0";
                "tokens / request", "Prompt, instructions, context and history sent per request.", 100.0, Kind::Count, "0";
                "tokens / request", "Tokens the model generates per request.", 100.0, Kind::Count, "0";
                "$ / unit", "Price of input tokens.", 0.5, Kind::UnitCost, "0";
                "$ / unit", "Price of output tokens.", 0.5, Kind::UnitCost, "0";
                "% of input", "Share of input tokens served from the prompt cache.", 5.0, Kind::Bounded(100), "0";
                "$ / unit", "Price of cached input tokens.", 0.1, Kind::UnitCost, "0";
                "% extra attempts", "Extra attempts per request (10 = one retry in ten requests).", 1.0, Kind::Bounded(1000), "0";
                "tokens / request", "Hidden reasoning (thinking) tokens per request, billed at the output price.", 100.0, Kind::Count, "0";
                "% of input", "Share of input tokens written to the prompt cache per request; with cached input, at most 100.", 5.0, Kind::Bounded(100), "0";
                "$ / unit", "Price of input tokens written to the cache.", 0.1, Kind::UnitCost, "0";
                "% of requests", "Requests sent through the batch API, answered within a day.", 5.0, Kind::Bounded(100), "0";
                "% off", "Discount on every token price of a batched request (50 at most providers).", 5.0, Kind::Bounded(100), "50";
                "% of requests", "Requests that also go to option 1 and pay its cost per request as well (fine-tune and distill).", 1.0, Kind::Bounded(100), "0";
                "", "Per request only, an hourly hosting fee on top, or capacity units sized to the load.", 1.0, Kind::Choice(ServingMode::OPTIONS), "per_token";
                "$ / deployment-hour", "Fee per deployment and hour on top of per-request costs.", 0.1, Kind::Money, "0";
                "hours / month", "Hours each deployment is billed a month: 730 is always on (8,760 ÷ 12), 744 at most.", 1.0, Kind::Bounded(744), "730";
                "deployments", "Deployments paying the fee, 0 to 10,000.", 1.0, Kind::Whole(10_000), "1";
                "$ / unit-hour", "One unit for an hour: a GPU, a replica of several GPUs, or a provisioned-throughput unit.", 0.1, Kind::Money, "0";
                "requests / second", "Requests per second one unit sustains at the latency you need.", 1.0, Kind::Positive, "1";
                "× average load", "Peak-to-average load the units are sized for, 1 to 100.", 0.5, Kind::Between(1, 100), "2";
                "units", "Always-on minimum, 0 to 10,000; 0 scales to zero without traffic.", 1.0, Kind::Whole(10_000), "1";
                "hours / month", "Hours each unit is billed a month: 730 is always on, 744 at most.", 1.0, Kind::Bounded(744), "730";
                "$ one-time", "Setup, training, evaluation: everything paid once before month 1.", 100.0, Kind::Money, "0";
                "$ / month", "Fixed costs a month whatever the volume: monitoring, a vector store's fee.", 10.0, Kind::Money, "0";
                "$ / cycle", "Relabeling and retraining when data drifts (fine-tune and distill).", 100.0, Kind::Money, "0";
                "per year", "4 = quarterly, 1 = yearly; the first comes after 12 ÷ cycles months.", 1.0, Kind::Bounded(52), "0";
                "percentage points", "Points better than option 1 (negative if worse), −100 to 100.", 0.5, Kind::End(-100, 100), "0";
                "tokens / request", "Retrieved tokens added to each request's input (token cost mode).", 100.0, Kind::Count, "0";
                "tokens / request", "Tokens embedded per request (the query), once per request.", 10.0, Kind::Count, "0";
                "$ / 1M tokens", "Price of embedding a million tokens.", 0.01, Kind::UnitCost, "0";
                "tokens", "Tokens in the documents retrieved from.", 1000.0, Kind::Count, "0";
                "per month", "Times the whole corpus is embedded again each month.", 1.0, Kind::Count, "0";
                "examples", "Examples the teacher model writes for training, once.", 100.0, Kind::Count, "0";
                "tokens / example", "Input tokens the teacher reads per example.", 100.0, Kind::Count, "0";
                "$ / 1M tokens", "The teacher model's price of a million input tokens.", 0.5, Kind::UnitCost, "0";
                "tokens / example", "Output tokens the teacher writes per example.", 100.0, Kind::Count, "0";
                "$ / 1M tokens", "The teacher model's price of a million output tokens.", 0.5, Kind::UnitCost, "0";
            }
        }
    };
}
pub(super) use with_option_fields;
