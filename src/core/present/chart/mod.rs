//! Chart geometry, computed here and only rendered by the components:
//! scales, ticks, SVG path data, markers and the values behind every
//! hover readout. Pure and tested natively, degenerate ranges included.
//!
//! One file per concern: `scale` (scales, ticks, the plot frame) and
//! `svg` (markup primitives) below each chart kind: `line` (timeline,
//! volume threshold) and `tornado` (sensitivity). Each kind computes its
//! geometry and writes its own markup as one string.

// the simulation's histogram.
mod distribution;
mod line;
mod scale;
mod svg;
mod tornado;

pub use distribution::{distribution, Bin, Distribution};
pub use line::{timeline, volume, LineChart, Marker, Readout, Series, XKind, MAX_DRAWN_STEPS};
pub use scale::{log_ticks, nice_ticks, usable_domain, Frame, Scale, Tick};
pub use svg::{label_place, path};
pub use tornado::{signed_money, tornado, Bar, Tornado};
