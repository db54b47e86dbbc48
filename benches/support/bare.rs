//! The baseline: a bare typed serde-saphyr parse of the same files, without spans or rules.

use serde::Deserialize;

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct File {
    hrdd: u32,
    assessment: serde::de::IgnoredAny,
    products: Vec<Product>,
    #[serde(default)]
    relationships: serde::de::IgnoredAny,
    rights_holders: Vec<Holder>,
    risks: Vec<Risk>,
    #[serde(default)]
    mitigations: Vec<Mitigation>,
    #[serde(default)]
    remedy_channels: serde::de::IgnoredAny,
    #[serde(default)]
    engagements: serde::de::IgnoredAny,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Product {
    id: String,
    name: String,
    layer: Option<String>,
    #[serde(default)]
    markets: Vec<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Holder {
    id: String,
    name: String,
    category: Option<String>,
    #[serde(default)]
    vulnerable: bool,
    estimated_number: Option<i64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Risk {
    id: String,
    title: String,
    description: Option<String>,
    products: Vec<String>,
    rights: Vec<String>,
    rights_holders: Vec<String>,
    impact: String,
    involvement: String,
    #[serde(default)]
    relationships: Vec<String>,
    severity: Severity,
    likelihood: Option<u8>,
    residual_likelihood: Option<u8>,
    #[serde(default)]
    mitigations: Vec<String>,
    #[serde(default)]
    remedy: Vec<String>,
    #[serde(default)]
    engagements: Vec<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Severity {
    scale: u8,
    scope: u8,
    remediability: u8,
    rationale: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Mitigation {
    id: String,
    action: String,
    r#type: String,
    owner: String,
    due: Option<String>,
    status: String,
}

/// Parses `text` into the bare structs with the same budget hrdd uses.
pub fn parse(text: &str) -> Result<File, serde_saphyr::Error> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 5_000_000;
    budget.max_events = 10_000_000;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(text, options)
}
