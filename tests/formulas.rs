//! The worked formulas add up: every line that is arithmetic on the page
//! ("$0.02 × 100,000 × 12 = $24,000.00") is evaluated from the numbers it
//! shows and must give the result it shows, to the rounding of those
//! numbers. Growth, retraining and the value of accuracy once left lines
//! that multiplied by 12 months and printed the growing schedule's sum.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::serving::{Capacity, Serving};
use ft_roi::core::present::formulas::worked;
use ft_roi::core::{calculate, Inputs};
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::F;

#[path = "support/extras.rs"]
mod extras;

const MINUS: char = '\u{2212}';

/// A number as the page writes it: `$2,500`, `−$0.01`, `100,000`, `2%`.
fn number(text: &str) -> Option<f64> {
    let negative = text.starts_with(MINUS) || text.starts_with('-');
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let x: f64 = digits.parse().ok()?;
    let x = if text.ends_with('%') { x / 100.0 } else { x };
    Some(if negative { -x } else { x })
}

/// Tokens of an arithmetic line: numbers, `+ − × ÷ ( )`.
#[derive(Clone, Debug, PartialEq)]
enum Token {
    Num(f64),
    Op(char),
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    for word in text.split(' ') {
        let mut word = word;
        while let Some(rest) = word.strip_prefix('(') {
            out.push(Token::Op('('));
            word = rest;
        }
        let mut closing = 0;
        while let Some(rest) = word.strip_suffix(')') {
            closing += 1;
            word = rest;
        }
        match word {
            // Units after a number (serving lines: "2 units × … × 730 h").
            "" | "unit" | "units" | "h" | "deployment" | "deployments" => {}
            "+" | "×" | "÷" => out.push(Token::Op(word.chars().next()?)),
            w if w == MINUS.to_string() => out.push(Token::Op('-')),
            w => out.push(Token::Num(number(w)?)),
        }
        out.extend(std::iter::repeat_n(Token::Op(')'), closing));
    }
    Some(out)
}

/// Evaluates `tokens` (usual precedence), returning the value and the
/// largest magnitude of any operand or partial result, for the tolerance.
fn eval(tokens: &[Token]) -> Option<(f64, f64)> {
    fn sum(t: &[Token], at: &mut usize, big: &mut f64) -> Option<f64> {
        let mut x = product(t, at, big)?;
        while let Some(Token::Op(op @ ('+' | '-'))) = t.get(*at) {
            *at += 1;
            let y = product(t, at, big)?;
            x = if *op == '+' { x + y } else { x - y };
            *big = big.max(x.abs());
        }
        Some(x)
    }
    fn product(t: &[Token], at: &mut usize, big: &mut f64) -> Option<f64> {
        let mut x = atom(t, at, big)?;
        while let Some(Token::Op(op @ ('×' | '÷'))) = t.get(*at) {
            *at += 1;
            let y = atom(t, at, big)?;
            x = if *op == '×' { x * y } else { x / y };
            *big = big.max(x.abs());
        }
        Some(x)
    }
    fn atom(t: &[Token], at: &mut usize, big: &mut f64) -> Option<f64> {
        let token = t.get(*at)?.clone();
        *at += 1;
        match token {
            Token::Num(x) => {
                *big = big.max(x.abs());
                Some(x)
            }
            Token::Op('(') => {
                let x = sum(t, at, big)?;
                (t.get(*at) == Some(&Token::Op(')'))).then(|| *at += 1)?;
                Some(x)
            }
            Token::Op(_) => None,
        }
    }
    let (mut at, mut big) = (0, 0.0_f64);
    let x = sum(tokens, &mut at, &mut big)?;
    (at == tokens.len()).then_some((x, big))
}

/// Every arithmetic line of the formulas for `i`: (metric, left side's
/// value, largest magnitude in it, the shown result).
fn arithmetic(i: &Inputs) -> Vec<(&'static str, f64, f64, f64)> {
    let mut out = Vec::new();
    for f in worked(F, i, &calculate(i)) {
        let line = f.worked.unwrap();
        // A parenthesis of words explains a number; it is not arithmetic.
        let line = match line.find(" (Σ") {
            Some(a) => {
                let mut depth = 0;
                let end = line[a + 1..].char_indices().find_map(|(k, c)| {
                    depth += i32::from(c == '(') - i32::from(c == ')');
                    (depth == 0).then_some(a + 1 + k + c.len_utf8())
                });
                end.map_or(line.clone(), |b| format!("{}{}", &line[..a], &line[b..]))
            }
            None => line,
        };
        let Some((left, right)) = line.rsplit_once(" = ") else {
            continue;
        };
        // A percentage result is the number before its sign (… × 100 = 159.46%).
        let result = right
            .split(' ')
            .next()
            .and_then(|r| number(r.trim_end_matches('%')));
        let parsed = tokens(left).and_then(|t| eval(&t));
        if let (Some((value, big)), Some(result)) = (parsed, result) {
            out.push((f.metric, value, big, result));
        }
    }
    out
}

fn capacity(unit_rate: f64, unit_rps: f64) -> Serving {
    Serving::Capacity(Capacity {
        unit_rate,
        unit_rps,
        peak_factor: 2.0,
        min_units: 1.0,
        unit_hours: 730.0,
    })
}

#[test]
fn the_worked_formulas_add_up() {
    let ex = Inputs::EXAMPLE;
    let scenarios = [
        ("reference example", ex),
        ("5% growth", Inputs { growth: 0.05, ..ex }),
        (
            "4% decline over 36 months",
            Inputs {
                growth: -0.04,
                months: 36,
                ..ex
            },
        ),
        (
            "growth, discounting, retraining and accuracy",
            extras::EVERY_EXTRA,
        ),
        (
            "retraining and accuracy without growth",
            Inputs {
                retrain_cost: 1000.0,
                retrain_per_year: 4.0,
                accuracy_gain: 2.0,
                error_value: 0.5,
                ..ex
            },
        ),
        // The model's end of life (issue 27): a migration lump in month 7,
        // alone and with growth, discounting and retraining.
        (
            "a migration in month 7",
            Inputs {
                migration: ft_roi::core::model::lifecycle::Migration {
                    cost: 1_500.0,
                    month: 7,
                },
                ..ex
            },
        ),
        (
            "a migration in month 3 with every extra",
            Inputs {
                migration: ft_roi::core::model::lifecycle::Migration {
                    cost: 800.0,
                    month: 3,
                },
                ..extras::EVERY_EXTRA
            },
        ),
        // Serving costs (issue #15): the worked serving lines add up too.
        (
            "an hourly hosting fee",
            Inputs {
                requests: 300_000.0,
                ft_serving: Serving::Hourly {
                    rate: 1.7,
                    hours: 730.0,
                    deployments: 1.0,
                },
                ..ex
            },
        ),
        (
            "capacity units on both sides with growth",
            Inputs {
                requests: 2e6,
                growth: 0.05,
                base_serving: capacity(10.0, 1.0),
                ft_serving: capacity(2.5, 5.0),
                ..ex
            },
        ),
        (
            "capacity units with retraining and accuracy",
            Inputs {
                requests: 2e6,
                ft_serving: capacity(2.5, 1.0),
                ..extras::EVERY_EXTRA
            },
        ),
        (
            "losing money",
            Inputs {
                maintenance: 900.0,
                finetuned: 0.03,
                ..ex
            },
        ),
    ];
    for (name, i) in scenarios {
        let lines = arithmetic(&i);
        // Most lines are arithmetic; the rest are words (break-even with
        // retraining or growth, NPV, payback).
        assert!(lines.len() >= 14, "{name}: {}", lines.len());
        for (metric, value, big, result) in lines {
            // Shown operands are rounded (months to 0.01, factors to six
            // digits): agree to 1% of the largest term.
            assert!(
                (value - result).abs() <= 0.01 * big.max(1.0),
                "{name}: {metric}: the line gives {value}, shows {result}"
            );
        }
    }
}
