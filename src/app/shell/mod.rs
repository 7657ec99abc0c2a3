//! The shell: the page's state (field texts in signals, the library, the
//! notices), the edges to the browser, code splitting and the number
//! writer backed by `Intl.NumberFormat`.

// The page's state and the browser's edges it uses.
pub(crate) mod browser;
pub(crate) mod notices;
pub(crate) mod state;

// Code splitting and the number writer.
pub(crate) mod intl;
pub(crate) mod split;
