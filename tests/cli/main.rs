//! Integration tests: they drive the real `hrdd` binary.

mod assess;
mod browser;
mod ci_files;
mod config;
mod coverage;
mod diff;
mod examples;
mod explain;
mod folders;
mod formats;
mod gates;
mod hostile;
mod init;
mod map;
mod portfolio;
mod report;
mod rights;
mod rules;
mod schema;
mod sheets;
mod support;
mod validate;
