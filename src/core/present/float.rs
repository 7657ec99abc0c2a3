//! Decimal text to `f64` and back, exactly as the standard library does it (same digits, same
//! rounding), in a fraction of its code: the standard library's float parsing (Eisel-Lemire with a
//! 10 KB table) and formatting (Grisu with a Dragon fallback) weigh about 13 KB brotli in the page's
//! first wasm module, which this module replaces.
//!
//! - [`shortest`]: the shortest digits that read back as the same `f64`, the closest one when
//!   several are as short (a tie rounds up): what `format!("{x}")` and `format!("{x:e}")` write.
//!   Burger and Dybvig's free-format algorithm ("Printing floating-point numbers quickly and
//!   accurately", 1996), as the standard library's Dragon strategy implements it.
//! - [`display`]: `x.to_string()`; [`fixed`]: `format!("{x:.N}")`.
//! - [`parse`]: `text.parse::<f64>()` for decimal numbers (no `inf` or `NaN`): correctly rounded,
//!   ties to even. Clinger's fast path (an exact mantissa times an exact power of ten, one
//!   rounding) for up to 15 or so digits, else Clinger's AlgorithmR ("How to read floating point
//!   numbers accurately", 1990): an estimate corrected one unit in the last place at a time by
//!   exact big-integer comparisons with the midpoints between neighbouring doubles.
//!
//! `tests/float.rs` holds all three to the standard library on millions of values.
//!
//! Why it stays (measured 2026-12-06, docs/performance.md): replacing it with the standard
//! library's formatting and parsing costs 17.0 KB brotli in the first module (199.1 → 216.1 KB),
//! over the 5 KB threshold set for keeping our own code. serde_json's reader and zmij's writer
//! are in that module too, but neither rounds the exact binary value to N decimals or N
//! significant digits as [`fixed`] and [`significant`] must. Any `{}` of an `f64` (a raw `f64`
//! given to a Leptos attribute included) brings the standard formatter back: write numbers with
//! [`display`] or `present::format`.

use std::cmp::Ordering;

/// An unsigned big integer: base 2³² digits, least significant first, no trailing zero digits.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// `self = self × m + add`.
    fn mul_add_small(&mut self, m: u32, add: u32) {
        let mut carry = u64::from(add);
        for d in &mut self.0 {
            let v = u64::from(*d) * u64::from(m) + carry;
            *d = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn mul_small(&mut self, m: u32) {
        self.mul_add_small(m, 0);
    }

    /// `self ×= 2^n`.
    fn mul_pow2(&mut self, n: u32) {
        if self.is_zero() {
            return;
        }
        let (words, bits) = ((n / 32) as usize, n % 32);
        if bits > 0 {
            let mut carry = 0;
            for d in &mut self.0 {
                let v = (*d << bits) | carry;
                carry = *d >> (32 - bits);
                *d = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    /// `self ×= 10^n` (`5^n × 2^n`).
    fn mul_pow10(&mut self, n: u32) {
        let mut fives = n;
        // 5^13 is the largest power of five in a u32.
        while fives >= 13 {
            self.mul_small(1_220_703_125);
            fives -= 13;
        }
        self.mul_small(5u32.pow(fives));
        self.mul_pow2(n);
    }

    /// `self += other`.
    fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (i, d) in self.0.iter_mut().enumerate() {
            let v = u64::from(*d) + u64::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *d = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self -= other`, for `other <= self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, d) in self.0.iter_mut().enumerate() {
            let v = i64::from(*d) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *d = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    /// `self /= 2^n`, rounding down; returns whether anything nonzero was shifted out, and
    /// whether the highest bit shifted out was set: (`half or more`, `more than nothing`).
    fn shr(&mut self, n: u32) -> (bool, bool) {
        let bit = |b: &Big, i: u32| {
            b.0.get((i / 32) as usize)
                .is_some_and(|d| d >> (i % 32) & 1 == 1)
        };
        let half = n > 0 && bit(self, n - 1);
        let below_half = (0..n.saturating_sub(1)).any(|i| bit(self, i));
        let (words, bits) = ((n / 32) as usize, n % 32);
        self.0.drain(..words.min(self.0.len()));
        if bits > 0 {
            let mut carry = 0;
            for d in self.0.iter_mut().rev() {
                let v = (*d >> bits) | carry;
                carry = *d << (32 - bits);
                *d = v;
            }
        }
        self.trim();
        (half, below_half)
    }

    /// `self /= d`, returning the remainder.
    fn div_rem_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for digit in self.0.iter_mut().rev() {
            let v = (rem << 32) | u64::from(*digit);
            *digit = (v / u64::from(d)) as u32;
            rem = v % u64::from(d);
        }
        self.trim();
        rem as u32
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

/// `x` (finite, non-negative) as `mant × 2^exp` with the bounds of the values that read back as
/// `x`: from `(mant − minus) × 2^exp` to `(mant + plus) × 2^exp`, bounds included when
/// `inclusive` (an even mantissa). As the standard library's `flt2dec::decode` does it.
struct Decoded {
    mant: u64,
    minus: u64,
    plus: u64,
    exp: i32,
    inclusive: bool,
}

/// `x` (finite, non-negative) as an integer mantissa and a power of two: `x = mant × 2^exp`
/// (subnormals keep the smallest exponent, their mantissa doubled, as `integer_decode` does).
fn integer_decode(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let mant = if biased == 0 {
        fraction << 1
    } else {
        fraction | (1 << 52)
    };
    (mant, biased - 1075)
}

fn decode(x: f64) -> Decoded {
    let (mant, exp) = integer_decode(x);
    let inclusive = mant & 1 == 0;
    if x < f64::MIN_POSITIVE {
        // Subnormal: the neighbours are (mant − 2) and (mant + 2) at this exponent.
        Decoded {
            mant,
            minus: 1,
            plus: 1,
            exp,
            inclusive,
        }
    } else if mant == 1 << 52 {
        // A power of two: the neighbour below is half as far as the one above.
        Decoded {
            mant: mant << 2,
            minus: 1,
            plus: 2,
            exp: exp - 2,
            inclusive,
        }
    } else {
        Decoded {
            mant: mant << 1,
            minus: 1,
            plus: 1,
            exp: exp - 1,
            inclusive,
        }
    }
}

/// The shortest decimal digits that read back as `x`, and where the point goes: `x` reads as
/// `0.d₁d₂… × 10^point`. Among equally short digits the closest to `x`; a tie rounds up. Digits
/// are values 0 to 9, without trailing zeros; empty for zero. `x` must be finite; its sign is
/// ignored. The same digits as the standard library's `format!("{x:e}")`.
pub fn shortest(x: f64) -> (Vec<u8>, i32) {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return (Vec::new(), 0);
    }
    let d = decode(x);
    // `a.cmp(b) < rounding` is `a <= b` when inclusive, else `a < b`.
    let rounding = if d.inclusive {
        Ordering::Greater
    } else {
        Ordering::Equal
    };
    // 10^(k−1) < high <= 10^(k+1), k possibly one too small (fixed below).
    let high = d.mant + d.plus;
    let bits = 64 - i64::from((high - 1).leading_zeros());
    let mut k = (((bits + i64::from(d.exp)) * 1_292_913_986) >> 32) as i32;
    // v = mant / scale, low = (mant − minus) / scale, high = (mant + plus) / scale.
    let mut mant = Big::from_u64(d.mant);
    let mut minus = Big::from_u64(d.minus);
    let mut plus = Big::from_u64(d.plus);
    let mut scale = Big::from_u64(1);
    if d.exp < 0 {
        scale.mul_pow2(d.exp.unsigned_abs());
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_pow2(d.exp.unsigned_abs());
        }
    }
    if k >= 0 {
        scale.mul_pow10(k.unsigned_abs());
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_pow10(k.unsigned_abs());
        }
    }
    let sum = |mant: &Big, plus: &Big| {
        let mut s = mant.clone();
        s.add(plus);
        s
    };
    if scale.cmp(&sum(&mant, &plus)) < rounding {
        k += 1;
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_small(10);
        }
    }
    let multiples: Vec<Big> = [8, 4, 2, 1]
        .iter()
        .map(|&m| {
            let mut s = scale.clone();
            s.mul_small(m);
            s
        })
        .collect();
    let mut digits = Vec::with_capacity(17);
    let (down, up) = loop {
        // The next digit: floor(mant / scale), below 10.
        let mut digit = 0;
        for (m, multiple) in [8, 4, 2, 1].iter().zip(&multiples) {
            if mant.cmp(multiple) != Ordering::Less {
                mant.sub(multiple);
                digit += m;
            }
        }
        digits.push(digit);
        let down = mant.cmp(&minus) < rounding;
        let up = scale.cmp(&sum(&mant, &plus)) < rounding;
        if down || up {
            break (down, up);
        }
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_small(10);
        }
    };
    if up
        && (!down || {
            mant.mul_small(2);
            mant.cmp(&scale) != Ordering::Less
        })
    {
        // Round the last digit up, carrying through nines.
        match digits.iter().rposition(|&d| d != 9) {
            Some(i) => {
                digits.truncate(i + 1);
                digits[i] += 1;
            }
            None => {
                digits = vec![1];
                k += 1;
            }
        }
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, k)
}

/// `x` written as the standard library's `Display` writes an `f64` (`x.to_string()`): the
/// shortest digits that read back as `x`, with no exponent (`5900`, `0.008`, `-0`,
/// `1000000000000000000000`); `NaN`, `inf` and `-inf` as it writes them.
pub fn display(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    let (digits, point) = shortest(x);
    let mut out = String::with_capacity(digits.len() + point.unsigned_abs() as usize + 3);
    out.push_str(sign);
    let digit = |d: &u8| char::from(b'0' + d);
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.extend(digits.iter().map(digit));
    } else {
        let point = point as usize;
        for i in 0..digits.len().max(point) {
            if i == point {
                out.push('.');
            }
            out.push(digits.get(i).map_or('0', digit));
        }
    }
    out
}

/// `x` with exactly `decimals` decimals, as `format!("{x:.decimals$}")` writes it: the exact
/// binary value rounded, a tie to the even digit (`0.125` to two decimals is `0.12`, `0.375` is
/// `0.38`), the sign kept (`-0.00`). `NaN`, `inf` and `-inf` as it writes them.
pub fn fixed(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return display(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (m, e) = integer_decode(x.abs());
    // round(m × 2^e × 10^decimals), ties to even.
    let mut n = Big::from_u64(m);
    n.mul_pow10(decimals as u32);
    if e >= 0 {
        n.mul_pow2(e as u32);
    } else {
        let (half, more) = n.shr(e.unsigned_abs());
        let odd = n.0.first().is_some_and(|d| d & 1 == 1);
        if half && (more || odd) {
            n.add(&Big::from_u64(1));
        }
    }
    // Its decimal digits, nine at a time.
    let mut digits = Vec::new();
    while !n.is_zero() {
        let mut chunk = n.div_rem_small(1_000_000_000);
        for _ in 0..9 {
            digits.push(b'0' + (chunk % 10) as u8);
            chunk /= 10;
        }
    }
    while digits.len() > decimals + 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    digits.resize(digits.len().max(decimals + 1), b'0');
    digits.reverse();
    let mut out = String::with_capacity(digits.len() + 2);
    out.push_str(sign);
    let whole = digits.len() - decimals;
    out.extend(digits[..whole].iter().map(|&b| char::from(b)));
    if decimals > 0 {
        out.push('.');
        out.extend(digits[whole..].iter().map(|&b| char::from(b)));
    }
    out
}

/// `x` (finite) rounded to `n` significant digits (`n` ≥ 1), as `format!("{x:.(n−1)e}")` rounds
/// it: the exact binary value, a tie to the even digit. The digits (exactly `n`, values 0 to 9)
/// and where the point goes (`0.d₁d₂… × 10^point`); no digits for zero. At most 17 digits.
pub fn significant(x: f64, n: usize) -> (Vec<u8>, i32) {
    let x = x.abs();
    let n = n.min(17);
    if x == 0.0 || !x.is_finite() || n == 0 {
        return (Vec::new(), 0);
    }
    let (m, e) = integer_decode(x);
    // The shortest digits' point is the exact one, or one too high (9.99…e22 reads as 1e23).
    let mut point = shortest(x).1;
    loop {
        // round(x × 10^(n − point)), ties to even.
        let shift = n as i32 - point;
        let mut v = Big::from_u64(m);
        let mut below = Big::from_u64(1);
        if shift >= 0 {
            v.mul_pow10(shift as u32);
        } else {
            below.mul_pow10(shift.unsigned_abs());
        }
        if e >= 0 {
            v.mul_pow2(e as u32);
        } else {
            below.mul_pow2(e.unsigned_abs());
        }
        // v / below, rounded: digits by long division would be slow; divide by repeated
        // doubling instead (the quotient has n + 1 digits at most).
        let mut quotient = 0u64;
        let mut remainder = v;
        let mut shifted = vec![below.clone()];
        while shifted
            .last()
            .is_some_and(|b| b.cmp(&remainder) != Ordering::Greater)
        {
            let mut next = shifted[shifted.len() - 1].clone();
            next.mul_pow2(1);
            shifted.push(next);
        }
        for (bit, multiple) in shifted.iter().enumerate().rev() {
            if multiple.cmp(&remainder) != Ordering::Greater {
                remainder.sub(multiple);
                quotient |= 1 << bit;
            }
        }
        // The point is right when the quotient, before rounding, has n digits.
        let digits_of = |mut q: u64| {
            let mut digits = Vec::with_capacity(n + 1);
            while q > 0 {
                digits.push((q % 10) as u8);
                q /= 10;
            }
            digits.reverse();
            digits
        };
        match digits_of(quotient).len().cmp(&n) {
            Ordering::Less => {
                point -= 1;
                continue;
            }
            Ordering::Greater => {
                point += 1;
                continue;
            }
            Ordering::Equal => {}
        }
        remainder.mul_pow2(1);
        match remainder.cmp(&below) {
            Ordering::Greater => quotient += 1,
            Ordering::Equal if quotient & 1 == 1 => quotient += 1,
            _ => {}
        }
        let mut digits = digits_of(quotient);
        if digits.len() > n {
            // Rounded up to 10^n: one digit fewer, and a higher point.
            digits.pop();
            return (digits, point + 1);
        }
        return (digits, point);
    }
}

/// Powers of ten that are exact in an `f64`: 10⁰ to 10²².
const EXACT: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept; any beyond only tell that the value is a little larger (the midpoint
/// between two doubles has at most 767 significant digits).
const KEPT: usize = 800;

/// Reads a decimal number as `text.parse::<f64>()` does: an optional sign, digits with an
/// optional point (`1.`, `.5` and `1.5` but not `.`), an optional exponent (`e` or `E`, an
/// optional sign, digits). Correctly rounded, ties to even; too large is infinite, too small is
/// zero (with its sign). `None` for anything else, `inf` and `NaN` included, and for surrounding
/// spaces.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            at = 1;
            true
        }
        Some(b'+') => {
            at = 1;
            false
        }
        _ => false,
    };
    // Significant digits (leading zeros dropped), and the power of ten of the last one kept.
    let mut digits: Vec<u8> = Vec::new();
    let mut exp: i64 = 0;
    let mut dropped_nonzero = false;
    let mut seen = 0;
    let mut point = false;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'0'..=b'9' => {
                seen += 1;
                let d = b - b'0';
                if digits.is_empty() && d == 0 {
                    // A leading zero.
                } else if digits.len() < KEPT {
                    digits.push(d);
                } else {
                    dropped_nonzero |= d != 0;
                    if !point {
                        exp += 1;
                    }
                    at += 1;
                    continue;
                }
                if point {
                    exp -= 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        at += 1;
    }
    if seen == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let negative_exp = match bytes.get(at) {
            Some(b'-') => {
                at += 1;
                true
            }
            Some(b'+') => {
                at += 1;
                false
            }
            _ => false,
        };
        let start = at;
        let mut e: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(at) {
            e = (e * 10 + i64::from(b - b'0')).min(1 << 40);
            at += 1;
        }
        if at == start {
            return None;
        }
        exp += if negative_exp { -e } else { e };
    }
    if at != bytes.len() {
        return None;
    }
    if dropped_nonzero {
        // A one past the kept digits: larger than them, smaller than the next kept value.
        digits.push(1);
        exp -= 1;
    }
    let magnitude = read(&digits, exp);
    Some(if negative { -magnitude } else { magnitude })
}

/// The double nearest to `digits × 10^exp` (digits without leading zeros), ties to even.
fn read(digits: &[u8], exp: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    // 10^(top−1) <= value < 10^top.
    let top = exp + digits.len() as i64;
    if top > 310 {
        return f64::INFINITY;
    }
    if top < -325 {
        return 0.0;
    }
    let exp = exp as i32;
    // Clinger's fast path: an exact mantissa times an exact power of ten rounds once.
    if digits.len() <= 15 && exp.unsigned_abs() <= 22 {
        let m = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        return if exp >= 0 {
            m * EXACT[exp as usize]
        } else {
            m / EXACT[exp.unsigned_abs() as usize]
        };
    }
    // The value as a big integer times a power of ten.
    let mut n = Big(Vec::new());
    for chunk in digits.chunks(9) {
        let value = chunk.iter().fold(0u32, |m, &d| m * 10 + u32::from(d));
        n.mul_add_small(10u32.pow(chunk.len() as u32), value);
    }
    // An estimate from the first 19 digits, within a few units in the last place.
    let lead = &digits[..digits.len().min(19)];
    let mut estimate = lead.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
    let mut scale = exp + (digits.len() - lead.len()) as i32;
    while scale > 0 {
        let step = scale.min(22);
        estimate *= EXACT[step as usize];
        scale -= step;
    }
    while scale < 0 {
        let step = (-scale).min(22);
        estimate /= EXACT[step as usize];
        scale += step;
    }
    // Not `f64::clamp`: its assertion formats floats with the standard library.
    #[allow(clippy::manual_clamp)]
    let mut f = estimate.max(0.0).min(f64::MAX);
    // The value, `n × 10^exp`, against `m × 2^k`: both sides as integers.
    let against = |m: u64, k: i32| -> Ordering {
        let mut left = n.clone();
        let mut right = Big::from_u64(m);
        if exp >= 0 {
            left.mul_pow10(exp as u32);
        } else {
            right.mul_pow10(exp.unsigned_abs());
        }
        if k >= 0 {
            right.mul_pow2(k as u32);
        } else {
            left.mul_pow2(k.unsigned_abs());
        }
        left.cmp(&right)
    };
    let next_up = |f: f64| f64::from_bits(f.to_bits() + 1);
    let next_down = |f: f64| f64::from_bits(f.to_bits() - 1);
    loop {
        if f.is_infinite() {
            return f;
        }
        // f = m × 2^e, its neighbours (m ± 1) × 2^e (but see below).
        let bits = f.to_bits();
        let biased = (bits >> 52) as i32;
        let fraction = bits & ((1 << 52) - 1);
        let (m, e) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), biased - 1075)
        };
        match against(2 * m + 1, e - 1) {
            Ordering::Greater => {
                f = next_up(f);
                continue;
            }
            Ordering::Equal => return if m & 1 == 0 { f } else { next_up(f) },
            Ordering::Less => {}
        }
        if f == 0.0 {
            return f;
        }
        // A power of two above the smallest normal: the neighbour below is half as far.
        let below = if fraction == 0 && biased > 1 {
            against(4 * m - 1, e - 2)
        } else {
            against(2 * m - 1, e - 1)
        };
        match below {
            Ordering::Less => f = next_down(f),
            Ordering::Equal => return if m & 1 == 0 { f } else { next_down(f) },
            Ordering::Greater => return f,
        }
    }
}
