//! The codecs of every document that leaves or enters the page: the share
//! link (URL query), the stored documents, which of them a page starts
//! from, the exports and the import, CSV writing, and the embed options read
//! from the address.

// The share link and the stored documents.
pub mod store;
pub mod url;

// Which scenario a page starts from.
pub mod start;

// Exports and import, and the CSV they write.
pub mod csv;
pub mod export;

// The decision memo (a Markdown export and the print layout).
pub mod memo;

// The embed's options and host messages.
pub mod embed;
