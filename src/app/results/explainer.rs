//! The explanatory content: a worked example, what the estimate includes,
//! and frequently asked questions.

use leptos::prelude::*;

/// Static explanations below the calculator.
#[component]
pub fn Explainer() -> impl IntoView {
    let faq = [
        (
            "What belongs in the training cost?",
            "Everything you pay once to get the fine-tuned model into production: the provider's \
             training charges, collecting and labeling data, evaluation runs, engineering time and \
             deployment work, whenever they matter to the decision.",
        ),
        (
            "Where do per-request costs come from?",
            "From representative production traffic. Average the real input and output tokens per \
             request and price them, counting retries, fallbacks to a larger model and any serving \
             premium the fine-tuned model carries.",
        ),
        (
            "Can fine-tuning save money without a cheaper model?",
            "It can: a fine-tuned model often needs shorter prompts, fails less often, or lets a \
             smaller model do the job. The calculator sees those effects once they show up in the \
             per-request costs you enter.",
        ),
        (
            "Why are there two request counts?",
            "Requests served by break-even counts every request up to the month the cumulative net \
             savings, after maintenance, repay the training cost. Training recovery counts only the \
             requests whose per-request savings add up to the training cost, ignoring maintenance, \
             the figure some calculators call break-even requests.",
        ),
        (
            "Does a positive ROI mean the model is ready to ship?",
            "No. Quality, safety, drift, evaluation coverage, operational complexity and vendor \
             constraints need their own review; this estimate covers the cost side only.",
        ),
    ];
    view! {
        <section class="card explainer" aria-labelledby="example-title">
            <h2 id="example-title">"A worked example"</h2>
            <p>
                "The default scenario: a workflow costs two cents per request today and 1.2 cents "
                "with a fine-tuned model. At 100,000 requests a month that saves $800 in inference; "
                "after $100 of monthly maintenance, $700 a month is left to repay a $2,500 training "
                "investment, which takes about three and a half months."
            </p>
            <p>
                "Training costs and recurring evaluation push break-even later. Enter costs measured "
                "on representative traffic, retries and fallbacks included, rather than optimistic "
                "benchmark figures."
            </p>
            <h2>"What the estimate includes"</h2>
            <ul class="checks">
                <li>"One-time training and setup investment"</li>
                <li>"Recurring evaluation, hosting and maintenance"</li>
                <li>"Average request cost before and after fine-tuning"</li>
                <li>"Break-even time and volume, net benefit and ROI over your horizon"</li>
            </ul>
            <h2>"Frequently asked questions"</h2>
            <div class="faq">
                {faq
                    .into_iter()
                    .map(|(q, a)| view! {
                        <details>
                            <summary>{q}</summary>
                            <p>{a}</p>
                        </details>
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
