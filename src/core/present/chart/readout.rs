//! The readout of a chart (the exact values shown for the item the user
//! points at or steps to with the keys), as pure steps: which item a key
//! press or a pointer position selects. The app maps the browser's events
//! to these and renders the item; nothing here knows the browser.

use super::distribution::Distribution;
use super::line::LineChart;

/// Which way a chart's items run, which decides what the arrow keys do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Along the x axis, left to right (a line chart, a histogram): Right
    /// and Up step to the next item, as Up means more on a value's axis.
    Across,
    /// A list from top to bottom (the tornado's bars): Down and Right step
    /// to the next item.
    Down,
}

/// What a key press does to a readout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Show item `k`; the key is the readout's (the page does not scroll).
    To(usize),
    /// Show none (Escape); the key keeps its usual effect too.
    Clear,
}

/// The readout after `key` (a `KeyboardEvent.key`) on a chart of `len`
/// items whose readout shows `current`: the arrow keys step by one and stop
/// at either end, Home and End go to the first and last item, Escape clears.
/// With nothing shown (or an item past the end, after an edit shortened
/// the chart), the steps count from the first item. `None` for any other
/// key, and for every key on an empty chart: the key is left to the
/// browser.
pub fn step(key: &str, current: Option<usize>, len: usize, axis: Axis) -> Option<Step> {
    let last = len.checked_sub(1)?;
    let k = current.filter(|&k| k <= last).unwrap_or(0);
    let (next, previous) = match axis {
        Axis::Across => (["ArrowRight", "ArrowUp"], ["ArrowLeft", "ArrowDown"]),
        Axis::Down => (["ArrowDown", "ArrowRight"], ["ArrowUp", "ArrowLeft"]),
    };
    Some(match key {
        "Home" => Step::To(0),
        "End" => Step::To(last),
        "Escape" => Step::Clear,
        _ if next.contains(&key) => Step::To((k + 1).min(last)),
        _ if previous.contains(&key) => Step::To(k.saturating_sub(1)),
        _ => return None,
    })
}

/// A chart whose readout follows the pointer along its x axis.
pub trait Pointed {
    /// The chart's width in its own units (its SVG `viewBox`).
    fn width(&self) -> f64;
    /// The item at `x` in the chart's units, if the pointer is over one.
    fn at(&self, x: f64) -> Option<usize>;
}

/// The item under a pointer at `client_x` over `chart` drawn `shown` pixels
/// wide from `left` (the page's coordinates): the position is scaled to the
/// chart's own units first, as the drawing may be scaled to fit.
pub fn pointed(chart: &impl Pointed, client_x: f64, left: f64, shown: f64) -> Option<usize> {
    let scale = if shown > 0.0 {
        chart.width() / shown
    } else {
        1.0
    };
    chart.at((client_x - left) * scale)
}

/// The index of the x in `xs` nearest to `x` (the first of equals), if any.
/// Not-a-number never wins.
pub fn nearest(xs: impl Iterator<Item = f64>, x: f64) -> Option<usize> {
    xs.map(|p| (p - x).abs())
        .enumerate()
        .filter(|(_, d)| !d.is_nan())
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

/// The index of the span `[from, from + width)` in `spans` holding `x`
/// (the first one), if any.
pub fn within(mut spans: impl Iterator<Item = (f64, f64)>, x: f64) -> Option<usize> {
    spans.position(|(from, width)| x >= from && x < from + width)
}

/// A line chart reads the data point nearest the pointer.
impl Pointed for LineChart {
    fn width(&self) -> f64 {
        self.frame.width
    }
    fn at(&self, x: f64) -> Option<usize> {
        nearest(self.readouts.iter().map(|r| r.x), x)
    }
}

/// A histogram reads the bar under the pointer, none between bars.
impl Pointed for Distribution {
    fn width(&self) -> f64 {
        self.frame.width
    }
    fn at(&self, x: f64) -> Option<usize> {
        within(self.bins.iter().map(|b| (b.x, b.w)), x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(key: &str, current: Option<usize>, len: usize, axis: Axis, want: Option<Step>) {
        assert_eq!(
            step(key, current, len, axis),
            want,
            "{key} from {current:?} of {len} ({axis:?})"
        );
    }

    #[test]
    fn keys_step_stop_at_the_ends_and_clear() {
        use Axis::{Across, Down};
        use Step::{Clear, To};
        // Along the x axis: Right and Up go on, Left and Down go back.
        check("ArrowRight", Some(3), 10, Across, Some(To(4)));
        check("ArrowUp", Some(3), 10, Across, Some(To(4)));
        check("ArrowLeft", Some(3), 10, Across, Some(To(2)));
        check("ArrowDown", Some(3), 10, Across, Some(To(2)));
        // A list: Down and Right go on, Up and Left go back.
        check("ArrowDown", Some(3), 10, Down, Some(To(4)));
        check("ArrowRight", Some(3), 10, Down, Some(To(4)));
        check("ArrowUp", Some(3), 10, Down, Some(To(2)));
        check("ArrowLeft", Some(3), 10, Down, Some(To(2)));
        // The ends hold.
        check("ArrowRight", Some(9), 10, Across, Some(To(9)));
        check("ArrowLeft", Some(0), 10, Across, Some(To(0)));
        check("ArrowUp", Some(0), 5, Down, Some(To(0)));
        // Home, End, Escape.
        check("Home", Some(7), 10, Across, Some(To(0)));
        check("End", Some(2), 10, Down, Some(To(9)));
        check("Escape", Some(2), 10, Across, Some(Clear));
        check("Escape", None, 10, Across, Some(Clear));
        // With nothing shown, the steps count from the first item.
        check("ArrowRight", None, 10, Across, Some(To(1)));
        check("ArrowLeft", None, 10, Across, Some(To(0)));
        check("End", None, 10, Across, Some(To(9)));
        // A selection past the end (an edit shortened the chart) is none.
        check("ArrowLeft", Some(20), 10, Across, Some(To(0)));
        check("ArrowRight", Some(10), 10, Across, Some(To(1)));
        // One item.
        check("ArrowRight", Some(0), 1, Across, Some(To(0)));
        // Keys that are not the readout's, and an empty chart.
        check("Tab", Some(3), 10, Across, None);
        check("a", None, 10, Down, None);
        check("Enter", Some(3), 10, Across, None);
        check("ArrowRight", None, 0, Across, None);
        check("Escape", None, 0, Across, None);
        check("Home", Some(2), 0, Down, None);
    }

    #[test]
    fn the_pointer_reads_the_nearest_point_or_the_bar_under_it() {
        let xs = [10.0, 20.0, 30.0];
        assert_eq!(nearest(xs.into_iter(), 0.0), Some(0));
        assert_eq!(nearest(xs.into_iter(), 24.0), Some(1));
        assert_eq!(nearest(xs.into_iter(), 26.0), Some(2));
        assert_eq!(nearest(xs.into_iter(), 99.0), Some(2));
        // Halfway: the first of the two.
        assert_eq!(nearest(xs.into_iter(), 15.0), Some(0));
        assert_eq!(nearest([].into_iter(), 15.0), None);
        assert_eq!(nearest(xs.into_iter(), f64::NAN), None);
        assert_eq!(nearest([f64::NAN, 5.0].into_iter(), 4.0), Some(1));

        let spans = [(10.0, 10.0), (20.0, 10.0), (40.0, 10.0)];
        assert_eq!(within(spans.into_iter(), 10.0), Some(0));
        assert_eq!(within(spans.into_iter(), 19.9), Some(0));
        assert_eq!(within(spans.into_iter(), 20.0), Some(1));
        assert_eq!(within(spans.into_iter(), 35.0), None, "a gap");
        assert_eq!(within(spans.into_iter(), 5.0), None);
        assert_eq!(within(spans.into_iter(), 50.0), None, "the end is open");
        assert_eq!(within(spans.into_iter(), f64::NAN), None);
    }

    /// Points every 10 units from 0 on a chart 100 units wide.
    struct Points;
    impl Pointed for Points {
        fn width(&self) -> f64 {
            100.0
        }
        fn at(&self, x: f64) -> Option<usize> {
            nearest((0..=10).map(|k| f64::from(k) * 10.0), x)
        }
    }

    #[test]
    fn the_pointer_is_scaled_to_the_chart() {
        // Drawn at its own size from x = 50 on the page.
        assert_eq!(pointed(&Points, 50.0, 50.0, 100.0), Some(0));
        assert_eq!(pointed(&Points, 81.0, 50.0, 100.0), Some(3));
        // Drawn at half its size: 15 page pixels are 30 units.
        assert_eq!(pointed(&Points, 65.0, 50.0, 50.0), Some(3));
        // Not laid out (no width): taken as drawn at its own size.
        assert_eq!(pointed(&Points, 81.0, 50.0, 0.0), Some(3));
        // Left of the chart: the first point.
        assert_eq!(pointed(&Points, 0.0, 50.0, 100.0), Some(0));
    }
}
