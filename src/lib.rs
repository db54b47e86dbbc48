//! hrdd: human rights due diligence of technology products, as code.
//!
//! The pipeline runs one way: [`load`] reads YAML into the spanned [`model`], [`rules`]
//! validate it into [`Diagnostic`]s, [`score`] ranks the risks, [`diff`] compares two versions,
//! [`output`] renders findings and tables, [`render`] turns redacted views into reports, [`map`]
//! draws the ecosystem map, and [`cli`] wires the commands.
//!
//! ```
//! use hrdd::{config::Config, load::SourceFile, pipeline, score};
//!
//! let text = std::fs::read_to_string("examples/social-platform.yaml").unwrap();
//! let source = SourceFile { name: "social-platform.yaml".into(), text };
//! let today = "2026-11-23".parse().unwrap();
//! let checked = pipeline::check_source(source, &Config::default(), today);
//! let assessment = checked.valid().expect("the example validates");
//! let ranking = score::rank(assessment, &score::Method::SeverityFirst, score::Basis::Inherent);
//! assert!(ranking.scores[0].salient());
//! ```

pub mod cli;
pub mod config;
pub mod coverage;
pub mod diagnostic;
pub mod diff;
pub mod load;
pub mod map;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod portfolio;
pub mod render;
pub mod rules;
pub mod scaffold;
pub mod score;
pub mod sheets;
mod suggest;

pub use diagnostic::{Diagnostic, Level};
