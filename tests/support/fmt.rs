//! The formatters with the default display (US dollars, en-US) and the
//! built-in writer, as free functions: the tests' figures are written in
//! the default display, and a table of `fn(f64) -> String` reads as before.
#![allow(dead_code)]

use ft_roi::core::present::format::Fmt;

/// The default formatter.
pub const F: Fmt = Fmt::DEFAULT;

/// [`Fmt::money`] with the default display.
pub fn money(x: f64) -> String {
    F.money(x)
}

/// [`Fmt::unit_cost`] with the default display.
pub fn unit_cost(x: f64) -> String {
    F.unit_cost(x)
}

/// [`Fmt::money_input`] with the default display.
pub fn money_input(x: f64) -> String {
    F.money_input(x)
}

/// [`Fmt::percent`] with the default display.
pub fn percent(x: f64) -> String {
    F.percent(x)
}

/// [`Fmt::months`] with the default display.
pub fn months(x: f64) -> String {
    F.months(x)
}

/// [`Fmt::count`] with the default display.
pub fn count(x: f64) -> String {
    F.count(x)
}

/// [`Fmt::number`] with the default display.
pub fn number(x: f64) -> String {
    F.number(x)
}

/// [`Fmt::money_short`] with the default display.
pub fn money_short(x: f64) -> String {
    F.money_short(x)
}

/// [`Fmt::count_short`] with the default display.
pub fn count_short(x: f64) -> String {
    F.count_short(x)
}
