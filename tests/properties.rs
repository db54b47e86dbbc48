//! Property tests: generated assessments round-trip, mutated files never panic, and the
//! scoring invariants of the methodology hold.

use hrdd::config::Config;
use hrdd::load::{self, SourceFile};
use hrdd::model::*;
use hrdd::pipeline;
use hrdd::score::{self, Basis, Method};
use proptest::prelude::*;

fn sp<T>(value: T) -> Spanned<T> {
    Spanned::new(value, Pos::default())
}

fn text(s: impl Into<String>) -> Text {
    sp(s.into())
}

fn day(s: &str) -> Spanned<Day> {
    sp(Day::parse(s))
}

/// One generated risk: ratings, flags and indexes into the other lists.
#[derive(Debug, Clone)]
struct RiskSpec {
    ratings: (i64, i64, i64),
    likelihood: i64,
    residual: Option<i64>,
    actual: bool,
    involvement: usize,
    status: usize,
    product: usize,
    holders: Vec<usize>,
    mitigations: Vec<usize>,
}

fn risk_spec() -> impl Strategy<Value = RiskSpec> {
    (
        (1..=5i64, 1..=5i64, 1..=5i64),
        1..=5i64,
        proptest::option::of(1..=5i64),
        any::<bool>(),
        0..3usize,
        0..3usize,
        any::<usize>(),
        proptest::collection::vec(any::<usize>(), 1..3),
        proptest::collection::vec(any::<usize>(), 0..3),
    )
        .prop_map(
            |(
                ratings,
                likelihood,
                residual,
                actual,
                involvement,
                status,
                product,
                holders,
                mitigations,
            )| RiskSpec {
                ratings,
                likelihood,
                residual,
                actual,
                involvement,
                status,
                product,
                holders,
                mitigations,
            },
        )
}

/// Builds a structurally valid assessment from generated parts.
fn build(risks: &[RiskSpec], vulnerable: &[bool], n_mitigations: usize) -> Assessment {
    let products = vec![Product {
        id: text("app"),
        name: text("App"),
        description: None,
        layer: Some(text("application")),
        lifecycle: vec![sp(Lifecycle::Use)],
        markets: vec![],
        confidential: false,
    }];
    let rights_holders: Vec<RightsHolder> = vulnerable
        .iter()
        .enumerate()
        .map(|(i, v)| RightsHolder {
            id: text(format!("rh-{i}")),
            name: text(format!("Group {i}: \"quoted\" and: colons")),
            category: Some(sp(RightsHolderCategory::Users)),
            vulnerable: *v,
            vulnerability: vec![],
            estimated_number: Some(sp(i as i64 * 1000)),
            confidential: i % 2 == 1,
        })
        .collect();
    let mitigations: Vec<Mitigation> = (0..n_mitigations)
        .map(|i| Mitigation {
            id: text(format!("M-{i}")),
            action: text(format!("Action {i}\nwith a second line")),
            kind: sp(MitigationType::ALL[i % MitigationType::ALL.len()]),
            owner: text("Trust & Safety"),
            due: Some(day("2027-01-31")),
            status: sp(MitigationStatus::Planned),
            indicators: vec![],
            confidential: false,
        })
        .collect();
    let relationships = vec![Relationship {
        id: text("vendor"),
        name: text("Vendor"),
        kind: sp(RelationshipKind::Supplier),
        layer: None,
        leverage: Some(sp(Leverage::Medium)),
        crucial: Some(true),
        notes: None,
        confidential: false,
    }];
    let risks = risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let involvement = Involvement::ALL[r.involvement];
            Risk {
                id: text(format!("R-{i}")),
                title: text(format!("Risk {i} — ünïcode & <markup>")),
                description: None,
                products: sp(vec![text(&*products[r.product % products.len()].id.value)]),
                rights: sp(vec![text("privacy")]),
                rights_holders: sp(r
                    .holders
                    .iter()
                    .map(|h| text(&*rights_holders[h % rights_holders.len()].id.value))
                    .collect()),
                impact: sp(if r.actual {
                    Impact::Actual
                } else {
                    Impact::Potential
                }),
                involvement: sp(involvement),
                relationships: if involvement == Involvement::Cause {
                    vec![]
                } else {
                    vec![text("vendor")]
                },
                severity: sp(Severity {
                    scale: sp(r.ratings.0),
                    scope: sp(r.ratings.1),
                    remediability: sp(r.ratings.2),
                    rationale: Some(text("Because.")),
                }),
                likelihood: (!r.actual).then(|| sp(r.likelihood)),
                residual_likelihood: r
                    .residual
                    .map(|x| sp(x.min(if r.actual { 5 } else { r.likelihood }))),
                mitigations: if n_mitigations == 0 {
                    vec![]
                } else {
                    r.mitigations
                        .iter()
                        .map(|m| text(format!("M-{}", m % n_mitigations)))
                        .collect()
                },
                remedy: vec![],
                engagements: vec![],
                status: Some(sp(RiskStatus::ALL[r.status])),
                confidential: false,
            }
        })
        .collect();
    Assessment {
        hrdd: sp(1),
        assessment: Meta {
            id: text("generated"),
            title: text("Generated: assessment # with hash"),
            organization: text("Org"),
            version: text("2026.10"),
            status: sp(AssessmentStatus::Draft),
            assessed_on: day("2026-01-01"),
            next_review: day("2027-01-01"),
            owner: text("Lead"),
            scope: None,
            trigger: Some(sp(Trigger::Periodic)),
            assessors: vec![],
            approval: None,
            frameworks: vec![sp(Framework::Ungp)],
            previous: None,
        },
        products: sp(products),
        relationships,
        rights_holders: sp(rights_holders),
        rights: vec![],
        risks,
        mitigations,
        remedy_channels: vec![],
        engagements: vec![],
    }
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        proptest::collection::vec(risk_spec(), 0..12),
        proptest::collection::vec(any::<bool>(), 1..5),
        0..4usize,
    )
        .prop_map(|(risks, vulnerable, m)| build(&risks, &vulnerable, m))
}

fn today() -> Date {
    Date::constant(2026, 11, 23)
}

fn check(name: &str, text: String) -> pipeline::Checked {
    pipeline::check_source(
        SourceFile {
            name: name.into(),
            text,
        },
        &Config::default(),
        today(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_assessments_round_trip(a in assessment()) {
        let yaml = load::to_yaml(&a).expect("serialises");
        let checked = check("generated.yaml", yaml.clone());
        let structural: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.rule.code().starts_with('S'))
            .collect();
        prop_assert!(structural.is_empty(), "{structural:?}\n{yaml}");
        let back = checked.assessment.expect("parses");
        prop_assert_eq!(
            serde_json::to_value(&back).expect("json"),
            serde_json::to_value(&a).expect("json")
        );
    }

    #[test]
    fn ranking_is_a_total_stable_order(a in assessment()) {
        let method = Method::SeverityFirst;
        let ranking = score::rank(&a, &method, Basis::Inherent);
        prop_assert_eq!(ranking.scores.len(), a.risks.len());
        // Any input order gives the same ranking.
        let mut reversed = a.clone();
        reversed.risks.reverse();
        let again = score::rank(&reversed, &method, Basis::Inherent);
        let ids = |r: &score::Ranking| r.scores.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&ranking), ids(&again));
        for pair in ranking.scores.windows(2) {
            let (order, _) = score::compare(&pair[0], &pair[1], &method, Basis::Inherent);
            prop_assert_eq!(order, std::cmp::Ordering::Less, "strict order between distinct ids");
            // A higher severity never ranks below a lower one.
            prop_assert!(pair[0].severity >= pair[1].severity);
            prop_assert!(pair[0].band >= pair[1].band);
        }
    }

    #[test]
    fn mitigation_never_lowers_severity(a in assessment()) {
        for method in [Method::SeverityFirst, Method::Weighted(Default::default())] {
            let inherent = score::rank(&a, &method, Basis::Inherent);
            let residual = score::rank(&a, &method, Basis::Residual);
            for s in &inherent.scores {
                let r = residual.scores.iter().find(|x| x.id == s.id).expect("same risks");
                prop_assert_eq!(r.severity, s.severity);
                prop_assert_eq!(r.band, s.band);
                prop_assert!(r.residual <= s.likelihood);
            }
        }
    }
}

/// Mutations of a real file: each must give findings with a position, never a panic.
fn mutate(text: &str, op: u8, at: usize, bytes: &[u8]) -> Vec<u8> {
    let mut v = text.as_bytes().to_vec();
    let at = at % (v.len() + 1);
    match op % 6 {
        0 => v.truncate(at),
        1 => {
            v.splice(at..at, bytes.iter().copied());
        }
        2 => {
            let end = (at + bytes.len()).min(v.len());
            v.drain(at..end);
        }
        3 => {
            if let Some(b) = v.get_mut(at) {
                *b = bytes.first().copied().unwrap_or(b'\t');
            }
        }
        4 => {
            // Duplicate the line at `at`.
            let start = v[..at]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            let end = v[at..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(v.len(), |i| at + i + 1);
            let line = v[start..end].to_vec();
            v.splice(end..end, line);
        }
        _ => {
            // Re-indent the line at `at`.
            let start = v[..at]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            v.splice(start..start, b"  ".iter().copied());
        }
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_files_give_located_findings_never_panics(
        op in any::<u8>(),
        at in any::<usize>(),
        bytes in proptest::collection::vec(any::<u8>(), 0..12),
        which in 0..2usize,
    ) {
        let base = [
            include_str!("fixtures/valid.yaml"),
            include_str!("../examples/telecom-operator.yaml"),
        ][which];
        let mutated = mutate(base, op, at, &bytes);
        let checked = match load::from_bytes("mutated.yaml".into(), mutated) {
            Ok(source) => check("mutated.yaml", source.text),
            Err(d) => pipeline::Checked { source: None, assessment: None, diagnostics: vec![d] },
        };
        for d in &checked.diagnostics {
            prop_assert!(d.pos.line >= 1, "unlocated: {d:?}");
            prop_assert!(!d.message.is_empty());
        }
        if let Some(a) = checked.valid() {
            let ranking = score::rank(a, &Method::SeverityFirst, Basis::Inherent);
            prop_assert_eq!(ranking.scores.len(), a.risks.len());
        }
    }
}
