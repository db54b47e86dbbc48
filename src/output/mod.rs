//! Rendering findings and rankings: one small module per format.

pub mod assess;
pub mod human;
pub mod json;
pub mod rights;
