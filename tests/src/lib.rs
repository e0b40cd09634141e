//! The corpus runner lives in tests/corpus.rs.
