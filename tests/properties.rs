//! Property tests: generated assessments round-trip (through YAML and through a workbook),
//! damaged input never panics the parsers, and the scoring invariants of the methodology hold.

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
    confidential: bool,
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
        proptest::bool::weighted(0.3),
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
                confidential,
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
                confidential,
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
            id: text(if i % 2 == 1 {
                format!("zqx-rh-{i}")
            } else {
                format!("rh-{i}")
            }),
            name: text(if i % 2 == 1 {
                format!("ZQX secret group {i}")
            } else {
                format!("Group {i}: \"quoted\" and: colons")
            }),
            category: Some(sp(RightsHolderCategory::Users)),
            vulnerable: *v,
            vulnerability: vec![],
            estimated_number: Some(sp(i as i64 * 1000)),
            confidential: i % 2 == 1,
        })
        .collect();
    let mitigations: Vec<Mitigation> = (0..n_mitigations)
        .map(|i| Mitigation {
            id: text(mitigation_id(i)),
            action: text(if i % 2 == 1 {
                format!("ZQX secret action {i}")
            } else {
                format!("Action {i}\nwith a second line")
            }),
            kind: sp(MitigationType::ALL[i % MitigationType::ALL.len()]),
            owner: text("ZQX owner of Trust & Safety"),
            due: Some(day("2027-01-31")),
            status: sp(MitigationStatus::Planned),
            indicators: vec![],
            confidential: i % 2 == 1,
        })
        .collect();
    let relationships = vec![
        Relationship {
            id: text("vendor"),
            name: text("Vendor"),
            kind: sp(RelationshipKind::Supplier),
            layer: None,
            leverage: Some(sp(Leverage::Medium)),
            crucial: Some(true),
            notes: None,
            confidential: false,
        },
        Relationship {
            id: text("zqx-agency"),
            name: text("ZQX security agency"),
            kind: sp(RelationshipKind::Government),
            layer: None,
            leverage: Some(sp(Leverage::Low)),
            crucial: None,
            notes: Some(text("ZQX notes")),
            confidential: true,
        },
    ];
    let risks = risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let involvement = Involvement::ALL[r.involvement];
            Risk {
                id: text(if r.confidential {
                    format!("zqx-R-{i}")
                } else {
                    format!("R-{i}")
                }),
                title: text(if r.confidential {
                    format!("ZQX secret risk {i}")
                } else {
                    format!("Risk {i} — ünïcode & <markup>")
                }),
                description: None,
                products: sp(vec![text(&*products[r.product % products.len()].id.value)]),
                rights: sp(vec![text("privacy"), text("zqx-right")]),
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
                    vec![text("vendor"), text("zqx-agency")]
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
                        .map(|m| text(mitigation_id(m % n_mitigations)))
                        .collect()
                },
                remedy: vec![text("helpdesk"), text("zqx-hotline")],
                engagements: vec![text("E-open"), text("zqx-E")],
                status: Some(sp(RiskStatus::ALL[r.status])),
                confidential: r.confidential,
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
            assessors: vec![Assessor {
                name: text("ZQX assessor"),
                role: Some(text("Lead")),
                external: true,
            }],
            approval: None,
            frameworks: vec![sp(Framework::Ungp)],
            previous: None,
        },
        products: sp(products),
        relationships,
        rights_holders: sp(rights_holders),
        rights: vec![CustomRight {
            id: text("zqx-right"),
            name: text("ZQX secret right"),
            instruments: sp(vec![text("ZQX instrument")]),
            confidential: true,
        }],
        risks,
        mitigations,
        remedy_channels: vec![
            channel("helpdesk", "Help desk", false),
            channel("zqx-hotline", "ZQX hotline", true),
        ],
        engagements: vec![
            Engagement {
                id: text("E-open"),
                date: day("2026-02-01"),
                rights_holders: vec![text("rh-0")],
                organisations: vec![sp(Organisation {
                    name: "ZQX civil society organisation".into(),
                    confidential: false,
                })],
                method: sp(EngagementMethod::Workshop),
                summary: text("Workshop with users."),
                outcome: None,
                confidential: false,
            },
            Engagement {
                id: text("zqx-E"),
                date: day("2026-02-02"),
                rights_holders: vec![],
                organisations: vec![],
                method: sp(EngagementMethod::Interview),
                summary: text("ZQX secret interview"),
                outcome: Some(text("ZQX outcome")),
                confidential: true,
            },
        ],
    }
}

fn mitigation_id(i: usize) -> String {
    if i % 2 == 1 {
        format!("zqx-M-{i}")
    } else {
        format!("M-{i}")
    }
}

fn channel(id: &str, name: &str, confidential: bool) -> RemedyChannel {
    RemedyChannel {
        id: text(id),
        name: text(name),
        kind: sp(ChannelKind::OperationalGrievance),
        accessible_to: vec![text("rh-0")],
        languages: vec![],
        anonymous: Some(true),
        effectiveness: None,
        confidential,
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

fn public_outputs(a: &Assessment, previous: &Assessment) -> Vec<(String, String)> {
    use hrdd::render::{self, Renderer, view};
    let method = Method::SeverityFirst;
    let audience = Audience::Public;
    let renderer = Renderer::new(None).expect("built-in templates");
    let ranking = score::rank(a, &method, Basis::Inherent);
    let mut report = view::build(&view::Inputs {
        assessment: a,
        ranking: &ranking,
        warnings: &[],
        audience,
        today: today(),
        generated_on: None,
    });
    let prev_ranking = score::rank(previous, &method, Basis::Inherent);
    let prev = view::build(&view::Inputs {
        assessment: previous,
        ranking: &prev_ranking,
        warnings: &[],
        audience,
        today: today(),
        generated_on: None,
    });
    report.changes = Some(render::changes::compare(&prev, &report));
    let mut outputs = vec![];
    for (name, format) in [
        ("md", render::Format::Markdown),
        ("html", render::Format::Html),
    ] {
        outputs.push((
            format!("report.{name}"),
            renderer.render(format, &report).expect("renders"),
        ));
    }
    let d = hrdd::diff::diff(previous, a, ("old.yaml", "new.yaml"), &method, audience);
    outputs.push(("diff table".into(), hrdd::output::diff::text(&d)));
    outputs.push(("diff markdown".into(), hrdd::output::diff::markdown(&d)));
    outputs.push(("diff json".into(), hrdd::output::diff::json(&d)));
    outputs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every confidential item, owner, assessor and organisation carries the marker `zqx`:
    /// none may reach a public report or diff, by any path.
    #[test]
    fn nothing_confidential_reaches_a_public_output(a in assessment(), b in assessment()) {
        let checked = check("generated.yaml", load::to_yaml(&a).expect("yaml"));
        prop_assert!(checked.valid().is_some(), "{:?}", checked.diagnostics.iter().find(|d| d.level == hrdd::Level::Error));
        // The internal report shows the markers, so their absence below means something.
        let ranking = score::rank(&a, &Method::SeverityFirst, Basis::Inherent);
        let internal = hrdd::render::view::build(&hrdd::render::view::Inputs {
            assessment: &a,
            ranking: &ranking,
            warnings: &[],
            audience: Audience::Internal,
            today: today(),
            generated_on: None,
        });
        let internal = hrdd::render::Renderer::new(None)
            .expect("templates")
            .render(hrdd::render::Format::Markdown, &internal)
            .expect("renders");
        prop_assert!(internal.to_lowercase().contains("zqx"));
        for (name, text) in public_outputs(&a, &b) {
            let lower = text.to_lowercase();
            let at = lower.find("zqx");
            prop_assert!(at.is_none(), "{name} leaks: …{}…", &text[at.unwrap_or(0).saturating_sub(80)..(at.unwrap_or(0) + 40).min(text.len())]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Export to a workbook and import it again: the same file, the same ranking.
    #[test]
    fn generated_assessments_survive_the_workbook(a in assessment()) {
        let ranking = score::rank(&a, &Method::SeverityFirst, Basis::Inherent);
        let bytes = hrdd::sheets::to_xlsx(&a, &ranking).expect("every generated value fits a cell");
        let imported = hrdd::sheets::from_xlsx("generated.xlsx", bytes);
        prop_assert!(imported.problems.is_empty(), "{:?}", imported.problems);
        let back = imported.assessment.expect("imported");
        prop_assert_eq!(load::to_yaml(&back).expect("yaml"), load::to_yaml(&a).expect("yaml"));
        let again = score::rank(&back, &Method::SeverityFirst, Basis::Inherent);
        let ids = |r: &score::Ranking| r.scores.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&again), ids(&ranking));
    }

    /// A damaged workbook gives problems, never a panic.
    #[test]
    fn damaged_workbooks_never_panic_the_importer(
        a in assessment(),
        at in any::<usize>(),
        len in 1usize..64,
        byte in any::<u8>(),
    ) {
        let ranking = score::rank(&a, &Method::SeverityFirst, Basis::Inherent);
        let mut bytes = hrdd::sheets::to_xlsx(&a, &ranking).expect("exports");
        let start = at % bytes.len();
        let end = (start + len).min(bytes.len());
        for b in &mut bytes[start..end] {
            *b ^= byte | 1;
        }
        let imported = hrdd::sheets::from_xlsx("damaged.xlsx", bytes);
        prop_assert!(imported.assessment.is_some() || !imported.problems.is_empty());
    }
}
