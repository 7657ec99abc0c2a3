//! Chart geometry, computed here and only rendered by the components:
//! scales, ticks, SVG path data, markers and the values behind every
//! hover readout. Pure and tested natively, degenerate ranges included.
//!
//! One file per concern: `scale` (scales, ticks, the plot frame) and
//! `svg` (markup primitives) below each chart kind: `line` (timeline,
//! volume threshold), `options` (the options' cumulative cost and
//! present-value cost by volume), `tornado` (sensitivity) and `distribution` (the
//! simulation's histogram). Each kind computes its geometry and writes its
//! own markup as one string. Beside them, what every chart shares: the
//! readout's steps (`readout`: keys and pointer to the item shown) and the
//! table alternative (`table`), which each kind fills.

mod distribution;
mod line;
mod options;
mod readout;
mod scale;
mod svg;
mod table;
mod tornado;

pub use distribution::{distribution, Bin, Distribution};
pub use line::{timeline, volume, LineChart, Marker, Readout, Series, XKind, MAX_DRAWN_STEPS};
pub use options::{
    month_crossings, options_cumulative, options_volume, volume_range, Crossing, OptionSeries,
    OptionsChart, Plotted, MAX_OPTION_STEPS,
};
pub use readout::{nearest, pointed, step, within, Axis, Pointed, Step};
pub use scale::{log_ticks, nice_ticks, usable_domain, Frame, Scale, Tick};
pub use svg::{label_place, marker_labels, path};
pub use table::{Cell, Row, Table};
pub use tornado::{signed_money, tornado, Bar, Tornado};
