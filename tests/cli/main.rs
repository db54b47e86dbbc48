//! Integration tests: they drive the real `hrdd` binary.

mod assess;
mod browser;
mod ci_files;
mod config;
mod diff;
mod examples;
mod explain;
mod folders;
mod formats;
mod gates;
mod hostile;
mod map;
mod report;
mod rights;
mod rules;
mod schema;
mod support;
mod validate;
