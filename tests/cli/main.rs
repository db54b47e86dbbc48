//! Integration tests: they drive the real `hrdd` binary.

mod assess;
mod config;
mod examples;
mod explain;
mod folders;
mod gates;
mod hostile;
mod rights;
mod rules;
mod support;
mod validate;
