//! How figures are written for people: US dollars with thousands
//! separators, percentages and months with two decimals, whole request
//! counts. Undefined values are words, never `NaN` or `Infinity`.

/// The minus sign used in figures (U+2212), which lines up with the plus
/// and reads better than a hyphen.
pub const MINUS: char = '\u{2212}';

/// Writes `x` with exactly `decimals` decimals and thousands separators,
/// without a sign; `x` must be finite.
fn grouped_abs(x: f64, decimals: usize) -> String {
    let fixed = format!("{:.*}", decimals, x.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::with_capacity(fixed.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Signs and prefixes a formatted magnitude; a value that rounds to zero gets
/// no sign, so `-0.001` at two decimals is `$0.00`, not `−$0.00`.
fn signed(x: f64, prefix: &str, body: String) -> String {
    let zero = body.bytes().all(|b| matches!(b, b'0' | b'.' | b','));
    let sign = if x < 0.0 && !zero {
        MINUS.to_string()
    } else {
        String::new()
    };
    format!("{sign}{prefix}{body}")
}

/// Trims trailing zeros of the fraction down to `min` decimals.
fn trim_zeros(mut s: String, min: usize) -> String {
    if let Some(dot) = s.find('.') {
        let keep = dot + 1 + min;
        while s.len() > keep && s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// Decimals needed to show `x` to six significant digits, at least `min`
/// and at most twelve.
fn significant_decimals(x: f64, min: usize) -> usize {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return min;
    }
    let magnitude = x.log10().floor() as i64; // 0.008 → -3, 2500 → 3
    let wanted = 5 - magnitude;
    wanted.clamp(min as i64, 12) as usize
}

/// A money amount with cents: `$5,900.00`, `−$186.00`.
pub fn money(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".to_owned();
    }
    signed(x, "$", grouped_abs(x, 2))
}

/// A per-request cost with the precision it needs, at least cents:
/// `$0.008`, `$0.000045`, `$0.02`.
pub fn unit_cost(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".to_owned();
    }
    let body = trim_zeros(grouped_abs(x, significant_decimals(x, 2)), 2);
    signed(x, "$", body)
}

/// An amount as the user would write it: no cents when whole (`$2,500`),
/// otherwise the precision it needs (`$100.50`, `$0.012`).
pub fn money_input(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".to_owned();
    }
    if x.fract() == 0.0 {
        return signed(x, "$", grouped_abs(x, 0));
    }
    unit_cost(x)
}

/// A percentage with two decimals: `159.46%`.
pub fn percent(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".to_owned();
    }
    let mut s = signed(x, "", grouped_abs(x, 2));
    s.push('%');
    s
}

/// A number of months with two decimals: `3.57`.
pub fn months(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".to_owned();
    }
    signed(x, "", grouped_abs(x, 2))
}

/// A whole count with separators: `357,143`.
pub fn count(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".to_owned();
    }
    signed(x, "", grouped_abs(x, 0))
}

/// A plain number as typed, with separators and only the decimals it has:
/// `100,000`, `1,234.5`.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".to_owned();
    }
    signed(
        x,
        "",
        trim_zeros(grouped_abs(x, significant_decimals(x, 0)), 0),
    )
}

/// The `data-value` of a figure: the raw number, or empty when undefined.
pub fn raw(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => v.to_string(),
        _ => String::new(),
    }
}
