// The reference calculator's six-input model in plain JavaScript: a benchmark
// reference for tools/perf.mjs, never shipped. It writes the same public
// `data-metric` / `data-value` as the app, and its figures without Intl (as
// the app writes its default display), so both pages do the same work.
'use strict';

/** The seed's model (docs/model.md, "The reference example"). */
function fineTuningRoi({ training, maintenance, baseline, finetuned, requests, months }) {
  const requestSavings = baseline - finetuned;
  const monthlyNetSavings = requestSavings * requests - maintenance;
  const netBenefit = monthlyNetSavings * months - training;
  const investment = training + maintenance * months;
  return {
    request_savings: requestSavings,
    monthly_net_savings: monthlyNetSavings,
    break_even_months: monthlyNetSavings > 0 ? training / monthlyNetSavings : null,
    training_recovery_requests: requestSavings > 0 ? training / requestSavings : null,
    net_benefit: netBenefit,
    roi_percent: investment > 0 ? (netBenefit / investment) * 100 : null,
    net_operating_savings: monthlyNetSavings * months,
    baseline_horizon_cost: baseline * requests * months,
    finetuned_horizon_cost: finetuned * requests * months + investment,
    investment,
  };
}

/** 1234567.891 → "1,234,567.89" with `digits` decimals, no Intl. */
function fixed(x, digits) {
  const [whole, frac] = Math.abs(x).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (x < 0 ? '−' : '') + grouped + (frac ? `.${frac}` : '');
}

const LABELS = [
  ['net_benefit', 'Projected net benefit', (v) => `$${fixed(v, 2)}`],
  ['roi_percent', 'ROI on investment', (v) => `${fixed(v, 2)}%`],
  ['break_even_months', 'Break-even time', (v) => `${fixed(v, 2)} months`],
  ['request_savings', 'Per-request savings', (v) => `$${fixed(v, 3)}`],
  ['monthly_net_savings', 'Monthly net savings', (v) => `$${fixed(v, 2)}`],
  ['training_recovery_requests', 'Training recovery', (v) => `${fixed(v, 0)} requests`],
  ['net_operating_savings', 'Net operating savings', (v) => `$${fixed(v, 2)}`],
  ['baseline_horizon_cost', 'Baseline cost over horizon', (v) => `$${fixed(v, 2)}`],
  ['finetuned_horizon_cost', 'Fine-tuned cost over horizon', (v) => `$${fixed(v, 2)}`],
  ['investment', 'Incremental investment', (v) => `$${fixed(v, 2)}`],
];

const form = document.getElementById('inputs');
const list = document.getElementById('figures');
const cells = new Map();
for (const [name, label] of LABELS) {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.dataset.metric = name;
  cells.set(name, dd);
  list.append(dt, dd);
}

function update() {
  const values = Object.fromEntries([...form.elements].map((input) => [input.name, Number(input.value.replace(/,/g, ''))]));
  const valid = Object.values(values).every(Number.isFinite);
  const figures = valid ? fineTuningRoi(values) : {};
  for (const [name, , format] of LABELS) {
    const value = figures[name];
    const defined = value !== null && value !== undefined && Number.isFinite(value);
    cells.get(name).dataset.value = defined ? String(value) : '';
    cells.get(name).textContent = defined ? format(value) : valid ? 'Never' : 'n/a';
  }
}

form.addEventListener('input', update);
update();
