//! A deterministic corpus of synthetic assessments for benchmarks.
//!
//! Shared by `benches/pipeline.rs` and the `bench-tool` example, so the in-process and the
//! whole-process measurements read the same files.

use std::fmt::Write;

/// A small linear congruential generator: reproducible without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// An assessment with `risks` risks that validates without errors (about 500 bytes a risk).
pub fn assessment(risks: usize, seed: u64) -> String {
    let mut rng = Lcg(seed);
    let products = 20;
    let holders = 40;
    // Pairs of mitigations: a `prevent` and a `use-leverage` action, which is what UNGP 19
    // expects for every involvement, so that the corpus is free of warnings.
    let pairs = (risks / 4).max(1);
    let mitigations = pairs * 2;
    let mut s = String::with_capacity(risks * 560 + 4096);
    let _ = write!(
        s,
        "hrdd: 1\nassessment:\n  id: synthetic-{seed}\n  title: Synthetic assessment {seed}\n  organization: Example Ltd\n  version: \"2026.{seed}\"\n  status: in-review\n  assessed_on: 2026-03-01\n  next_review: 2027-03-01\n  owner: Human Rights Lead\n  frameworks: [ungp, csddd]\n"
    );
    s.push_str("products:\n");
    for p in 0..products {
        let _ = write!(
            s,
            "  - id: product-{p}\n    name: Product {p}\n    layer: platform\n    markets: [EU, US]\n"
        );
    }
    s.push_str("relationships:\n  - id: vendor\n    name: Moderation vendor\n    kind: contractor\n    leverage: medium\n");
    s.push_str("rights_holders:\n");
    for h in 0..holders {
        let vulnerable = h % 5 == 0;
        let _ = write!(
            s,
            "  - id: group-{h}\n    name: Rights-holder group {h}\n    category: users\n    vulnerable: {vulnerable}\n    estimated_number: {}\n",
            1000 * (h + 1)
        );
    }
    s.push_str("risks:\n");
    for r in 0..risks {
        let scale = 1 + rng.next(5);
        let scope = 1 + rng.next(5);
        let rem = 1 + rng.next(5);
        let likelihood = 1 + rng.next(5);
        let residual = 1 + rng.next(likelihood);
        let involvement = ["cause", "contribute", "directly-linked"][rng.next(3) as usize];
        let relationships = if involvement == "cause" {
            ""
        } else {
            "    relationships: [vendor]\n"
        };
        let _ = write!(
            s,
            "  - id: R-{r}\n    title: Synthetic risk {r} to the rights of a group of users\n    description: What could happen, to whom, and how, in a sentence of realistic length.\n    products: [product-{}]\n    rights: [privacy, non-discrimination]\n    rights_holders: [group-{}, group-{}]\n    impact: potential\n    involvement: {involvement}\n{relationships}    severity:\n      scale: {scale}\n      scope: {scope}\n      remediability: {rem}\n      rationale: Rated by the assessors after consulting affected groups.\n    likelihood: {likelihood}\n    residual_likelihood: {residual}\n    mitigations: [M-{}, M-{}]\n    remedy: [grievance]\n    engagements: [E-0]\n",
            r % products,
            r % holders,
            (r * 7 + 3) % holders,
            2 * (r % pairs),
            2 * (r % pairs) + 1
        );
    }
    s.push_str("mitigations:\n");
    for m in 0..mitigations {
        let kind = ["prevent", "use-leverage"][m % 2];
        let _ = write!(
            s,
            "  - id: M-{m}\n    action: Mitigating action {m}\n    type: {kind}\n    owner: Trust and Safety\n    due: 2027-06-30\n    status: in-progress\n"
        );
    }
    s.push_str("remedy_channels:\n  - id: grievance\n    name: Grievance channel\n    kind: operational-grievance\n    accessible_to: [");
    let all: Vec<String> = (0..holders).map(|h| format!("group-{h}")).collect();
    s.push_str(&all.join(", "));
    s.push_str("]\n    effectiveness:\n      legitimate: met\n      accessible: met\n      predictable: partial\n      equitable: met\n      transparent: partial\n      rights-compatible: met\n      continuous-learning: met\n      engagement-and-dialogue: partial\n");
    s.push_str("engagements:\n  - id: E-0\n    date: 2026-02-01\n    rights_holders: [");
    s.push_str(&all.join(", "));
    s.push_str("]\n    method: workshop\n    summary: Workshops with every group.\n");
    s
}
