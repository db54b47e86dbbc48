//! Integration tests: they drive the real `hrdd` binary.

mod assess;
mod browser;
mod config;
mod examples;
mod explain;
mod hostile;
mod report;
mod rights;
mod rules;
mod support;
mod validate;
