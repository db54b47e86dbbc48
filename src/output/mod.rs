//! Rendering findings and rankings: one small module per format, and atomic file output.

pub mod assess;
pub mod human;
pub mod json;
pub mod rights;
pub mod write;
