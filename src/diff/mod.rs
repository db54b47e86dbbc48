//! Comparing two versions of an assessment: items matched by id in each list, field-level
//! changes with old and new values, and for risks the moves of band and rank.
//!
//! Both sides are first reduced to what the audience may see ([`crate::model::redact`]), so nothing
//! withheld from a report can reach a diff either.

mod fields;
pub mod redact;

pub use fields::FieldChange;
pub use redact::Audience;

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::model::{
    Assessment, CustomRight, Engagement, Id, Meta, Mitigation, Product, Relationship,
    RemedyChannel, RightsHolder, Risk, redact,
};
use crate::score::{self, Band, Basis, Method, Ranking, Score};

/// Everything that changed between two versions.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub audience: Audience,
    /// The scoring method that set bands and ranks.
    pub method: &'static str,
    /// Shown when the method departs from UNGP 24.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
    pub assessment: MetaDiff,
    pub products: Collection,
    pub relationships: Collection,
    pub rights_holders: Collection,
    pub rights: Collection,
    pub risks: Risks,
    pub mitigations: Collection,
    pub remedy_channels: Collection,
    pub engagements: Collection,
}

/// One side of the comparison, as named on the command line.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// The file, or `REV:PATH`.
    pub source: String,
    pub id: String,
    pub title: String,
    pub version: String,
    pub status: &'static str,
}

/// An old and a new value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair<T> {
    pub old: T,
    pub new: T,
}

/// Changes to the assessment's metadata.
#[derive(Debug, Clone, Serialize)]
pub struct MetaDiff {
    pub old: Side,
    pub new: Side,
    /// The version label, when it changed.
    pub version: Option<Pair<Value>>,
    /// The approval status, when it changed.
    pub status: Option<Pair<Value>>,
    /// The approval (`by`, `on`), when it changed.
    pub approval: Option<Pair<Value>>,
    /// Every changed field of `assessment`, including the three above.
    pub fields: Vec<FieldChange>,
}

/// Added, removed and changed items of one list.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Collection {
    pub added: Vec<Entry>,
    pub removed: Vec<Entry>,
    pub changed: Vec<Changed>,
    /// For the board: how many confidential items changed, without saying which.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidential: Option<Counts>,
}

/// An item that is only on one side.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: String,
    /// Its title, name or action.
    pub label: String,
    /// The item as written (as the audience may see it).
    pub item: Value,
}

/// An item on both sides whose fields differ.
#[derive(Debug, Clone, Serialize)]
pub struct Changed {
    pub id: String,
    pub label: String,
    pub fields: Vec<FieldChange>,
}

/// Counts of changes to items withheld from the details.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

/// Changes to risks, with their scores.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Risks {
    /// In new rank order.
    pub added: Vec<RiskEntry>,
    /// In old rank order.
    pub removed: Vec<RiskEntry>,
    /// In new rank order.
    pub changed: Vec<RiskChanged>,
    /// Every risk on both sides whose rank changed, in new rank order.
    pub moved: Vec<Moved>,
    /// Risks added as, or moved into, a salient band (high, critical).
    pub newly_salient: Vec<String>,
    /// Risks that left the salient bands.
    pub no_longer_salient: Vec<String>,
    /// Risks whose band went up.
    pub band_up: Vec<String>,
    /// Risks whose band went down.
    pub band_down: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidential: Option<Counts>,
}

/// A risk only on one side, with its score there.
#[derive(Debug, Clone, Serialize)]
pub struct RiskEntry {
    pub id: String,
    pub label: String,
    pub band: Band,
    pub rank: usize,
    pub salient: bool,
    pub item: Value,
}

/// A risk on both sides whose fields differ.
#[derive(Debug, Clone, Serialize)]
pub struct RiskChanged {
    pub id: String,
    pub label: String,
    pub fields: Vec<FieldChange>,
    pub band: Pair<Band>,
    pub rank: Pair<usize>,
    pub newly_salient: bool,
    /// Severity dimensions that went up or down (clamped ratings), and the severity itself.
    pub severity: Vec<DimensionMove>,
    /// The status, when it changed.
    pub status: Option<Pair<&'static str>>,
}

/// A severity dimension that moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DimensionMove {
    pub dimension: &'static str,
    pub old: u8,
    pub new: u8,
    pub direction: Direction,
}

/// Which way a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// A risk whose rank changed.
#[derive(Debug, Clone, Serialize)]
pub struct Moved {
    pub id: String,
    pub label: String,
    /// Its band now.
    pub band: Band,
    pub rank: Pair<usize>,
}

/// A condition that `--fail-on` can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// A risk added as, or moved into, high or critical.
    NewSalient,
    /// A risk whose band went up.
    BandUp,
    /// A risk removed.
    RemovedRisk,
    /// Any difference at all.
    Any,
}

impl Diff {
    /// Whether nothing differs (for this audience).
    pub fn is_empty(&self) -> bool {
        let counts_empty = |c: &Option<Counts>| c.is_none_or(|c| c == Counts::default());
        self.assessment.fields.is_empty()
            && self.collections().iter().all(|(_, c)| {
                c.added.is_empty()
                    && c.removed.is_empty()
                    && c.changed.is_empty()
                    && counts_empty(&c.confidential)
            })
            && self.risks.added.is_empty()
            && self.risks.removed.is_empty()
            && self.risks.changed.is_empty()
            && self.risks.moved.is_empty()
            && counts_empty(&self.risks.confidential)
    }

    /// The lists other than risks, with their names, in the format's order.
    pub fn collections(&self) -> [(&'static str, &Collection); 7] {
        [
            ("products", &self.products),
            ("relationships", &self.relationships),
            ("rights_holders", &self.rights_holders),
            ("rights", &self.rights),
            ("mitigations", &self.mitigations),
            ("remedy_channels", &self.remedy_channels),
            ("engagements", &self.engagements),
        ]
    }

    /// Whether `condition` holds.
    pub fn holds(&self, condition: Condition) -> bool {
        match condition {
            Condition::NewSalient => !self.risks.newly_salient.is_empty(),
            Condition::BandUp => !self.risks.band_up.is_empty(),
            Condition::RemovedRisk => {
                !self.risks.removed.is_empty()
                    || self.risks.confidential.is_some_and(|c| c.removed > 0)
            }
            Condition::Any => !self.is_empty(),
        }
    }
}

/// Compares `old` with `new` (both validated) for `audience`, scoring with `method`.
pub fn diff(
    old: &Assessment,
    new: &Assessment,
    names: (&str, &str),
    method: &Method,
    audience: Audience,
) -> Diff {
    let (ov, nv) = (redact(old, audience), redact(new, audience));
    // The public ranks only what it sees; the board and staff rank the whole assessment.
    let ranked = |full: &Assessment, seen: &Assessment| {
        let a = if audience == Audience::Public {
            seen
        } else {
            full
        };
        score::rank(a, method, Basis::Inherent)
    };
    let (orank, nrank) = (ranked(old, &ov), ranked(new, &nv));
    let board = audience == Audience::Board;
    let mut d = Diff {
        audience,
        method: method.name(),
        notice: method.departure_notice(),
        assessment: meta(&ov.assessment, &nv.assessment, names, audience),
        products: collection(&ov.products, &nv.products, audience),
        relationships: collection(&ov.relationships, &nv.relationships, audience),
        rights_holders: collection(&ov.rights_holders, &nv.rights_holders, audience),
        rights: collection(&ov.rights, &nv.rights, audience),
        risks: risks(&ov, &nv, &orank, &nrank, audience),
        mitigations: collection(&ov.mitigations, &nv.mitigations, audience),
        remedy_channels: collection(&ov.remedy_channels, &nv.remedy_channels, audience),
        engagements: collection(&ov.engagements, &nv.engagements, audience),
    };
    if board {
        d.products.confidential = Some(confidential(&old.products, &new.products));
        d.relationships.confidential = Some(confidential(&old.relationships, &new.relationships));
        d.rights_holders.confidential =
            Some(confidential(&old.rights_holders, &new.rights_holders));
        d.rights.confidential = Some(confidential(&old.rights, &new.rights));
        d.risks.confidential = Some(confidential(&old.risks, &new.risks));
        d.mitigations.confidential = Some(confidential(&old.mitigations, &new.mitigations));
        d.remedy_channels.confidential =
            Some(confidential(&old.remedy_channels, &new.remedy_channels));
        d.engagements.confidential = Some(confidential(&old.engagements, &new.engagements));
    }
    d
}

/// What the diff needs of an item of any list.
trait Item: Serialize {
    fn id(&self) -> &Id;
    fn confidential(&self) -> bool;
    /// The title, name or action that tells a reader which item it is.
    fn label(&self) -> String;
}

macro_rules! item {
    ($($t:ty => |$x:ident| $label:expr;)+) => {
        $(impl Item for $t {
            fn id(&self) -> &Id {
                &self.id
            }
            fn confidential(&self) -> bool {
                self.confidential
            }
            fn label(&self) -> String {
                let $x = self;
                $label
            }
        })+
    };
}

item! {
    Product => |x| x.name.value.clone();
    Relationship => |x| x.name.value.clone();
    RightsHolder => |x| x.name.value.clone();
    CustomRight => |x| x.name.value.clone();
    Risk => |x| x.title.value.clone();
    Mitigation => |x| x.action.value.clone();
    RemedyChannel => |x| x.name.value.clone();
    Engagement => |x| format!("{} {}", x.date.value, x.method.value);
}

fn to_value<T: Serialize>(item: &T, audience: Audience) -> Value {
    let mut v = serde_json::to_value(item).unwrap_or(Value::Null);
    redact::scrub(&mut v, audience);
    v
}

fn meta(old: &Meta, new: &Meta, names: (&str, &str), audience: Audience) -> MetaDiff {
    let side = |m: &Meta, source: &str| Side {
        source: source.to_owned(),
        id: m.id.value.clone(),
        title: m.title.value.clone(),
        version: m.version.value.clone(),
        status: m.status.value.as_str(),
    };
    let fields = fields::changes(&to_value(old, audience), &to_value(new, audience));
    let whole = |name: &str| {
        let prefix = format!("{name}.");
        fields
            .iter()
            .any(|f| f.field == name || f.field.starts_with(&prefix))
            .then(|| {
                let (o, n) = (to_value(old, audience), to_value(new, audience));
                Pair {
                    old: o.get(name).cloned().unwrap_or(Value::Null),
                    new: n.get(name).cloned().unwrap_or(Value::Null),
                }
            })
    };
    MetaDiff {
        old: side(old, names.0),
        new: side(new, names.1),
        version: whole("version"),
        status: whole("status"),
        approval: whole("approval"),
        fields,
    }
}

/// Changes to items that are confidential on either side, counted.
fn confidential<T: Item>(old: &[T], new: &[T]) -> Counts {
    let secret: HashSet<&str> = old
        .iter()
        .chain(new)
        .filter(|x| x.confidential())
        .map(|x| x.id().value.as_str())
        .collect();
    let by_id = |list: &[T]| -> HashMap<String, Value> {
        list.iter()
            .filter(|x| secret.contains(x.id().value.as_str()))
            .map(|x| (x.id().value.clone(), to_value(x, Audience::Internal)))
            .collect()
    };
    let (o, n) = (by_id(old), by_id(new));
    Counts {
        added: n.keys().filter(|k| !o.contains_key(*k)).count(),
        removed: o.keys().filter(|k| !n.contains_key(*k)).count(),
        changed: o
            .iter()
            .filter(|(k, v)| n.get(*k).is_some_and(|nv| nv != *v))
            .count(),
    }
}

fn collection<T: Item>(old: &[T], new: &[T], audience: Audience) -> Collection {
    let index = |list: &[T]| -> HashMap<String, usize> {
        let mut map = HashMap::with_capacity(list.len());
        for (i, x) in list.iter().enumerate() {
            map.entry(x.id().value.clone()).or_insert(i);
        }
        map
    };
    let (oi, ni) = (index(old), index(new));
    let entry = |x: &T| Entry {
        id: x.id().value.clone(),
        label: x.label(),
        item: to_value(x, audience),
    };
    let mut c = Collection::default();
    for (i, x) in new.iter().enumerate() {
        let id = &x.id().value;
        match oi.get(id) {
            None => c.added.push(entry(x)),
            Some(&j) if ni.get(id) == Some(&i) => {
                let Some(before) = old.get(j) else { continue };
                let fields = fields::changes(&to_value(before, audience), &to_value(x, audience));
                if !fields.is_empty() {
                    c.changed.push(Changed {
                        id: id.clone(),
                        label: x.label(),
                        fields,
                    });
                }
            }
            Some(_) => {}
        }
    }
    for x in old {
        if !ni.contains_key(&x.id().value) {
            c.removed.push(entry(x));
        }
    }
    c
}

fn risks<'a>(
    old: &'a Assessment,
    new: &'a Assessment,
    orank: &Ranking,
    nrank: &Ranking,
    audience: Audience,
) -> Risks {
    let scores = |r: &Ranking| -> HashMap<String, (usize, Score)> {
        r.scores
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), (i + 1, s.clone())))
            .collect()
    };
    let (os, ns) = (scores(orank), scores(nrank));
    let by_id = |a: &'a Assessment| -> HashMap<&'a str, &'a Risk> {
        a.risks.iter().map(|r| (r.id.value.as_str(), r)).collect()
    };
    let (old_risks, new_risks) = (by_id(old), by_id(new));
    let risk_value = |risks: &HashMap<&str, &Risk>, id: &str| {
        risks
            .get(id)
            .map(|r| (r.title.value.clone(), to_value(r, audience)))
    };
    let mut out = Risks::default();
    for s in &nrank.scores {
        let Some((rank, _)) = ns.get(&s.id) else {
            continue;
        };
        let Some((label, item)) = risk_value(&new_risks, &s.id) else {
            continue;
        };
        match os.get(&s.id) {
            None => {
                if s.salient() {
                    out.newly_salient.push(s.id.clone());
                }
                out.added.push(RiskEntry {
                    id: s.id.clone(),
                    label,
                    band: s.band,
                    rank: *rank,
                    salient: s.salient(),
                    item,
                });
            }
            Some((orank_n, o)) => {
                if orank_n != rank {
                    out.moved.push(Moved {
                        id: s.id.clone(),
                        label: label.clone(),
                        band: s.band,
                        rank: Pair {
                            old: *orank_n,
                            new: *rank,
                        },
                    });
                }
                let Some((_, old_item)) = risk_value(&old_risks, &s.id) else {
                    continue;
                };
                let fields = fields::changes(&old_item, &item);
                let newly = !o.salient() && s.salient();
                if newly {
                    out.newly_salient.push(s.id.clone());
                }
                if o.salient() && !s.salient() {
                    out.no_longer_salient.push(s.id.clone());
                }
                match s.band.cmp(&o.band) {
                    std::cmp::Ordering::Greater => out.band_up.push(s.id.clone()),
                    std::cmp::Ordering::Less => out.band_down.push(s.id.clone()),
                    std::cmp::Ordering::Equal => {}
                }
                if fields.is_empty() && o.band == s.band {
                    continue;
                }
                let status = |risks: &HashMap<&str, &Risk>| {
                    risks
                        .get(s.id.as_str())
                        .map(|r| r.status().as_str())
                        .unwrap_or_default()
                };
                let (ost, nst) = (status(&old_risks), status(&new_risks));
                out.changed.push(RiskChanged {
                    id: s.id.clone(),
                    label,
                    fields,
                    band: Pair {
                        old: o.band,
                        new: s.band,
                    },
                    rank: Pair {
                        old: *orank_n,
                        new: *rank,
                    },
                    newly_salient: newly,
                    severity: moves(o, s),
                    status: (ost != nst).then_some(Pair { old: ost, new: nst }),
                });
            }
        }
    }
    for s in &orank.scores {
        if ns.contains_key(&s.id) {
            continue;
        }
        let Some((rank, _)) = os.get(&s.id) else {
            continue;
        };
        let Some((label, item)) = risk_value(&old_risks, &s.id) else {
            continue;
        };
        out.removed.push(RiskEntry {
            id: s.id.clone(),
            label,
            band: s.band,
            rank: *rank,
            salient: s.salient(),
            item,
        });
    }
    out
}

fn moves(o: &Score, n: &Score) -> Vec<DimensionMove> {
    [
        ("scale", o.scale, n.scale),
        ("scope", o.scope, n.scope),
        ("remediability", o.remediability, n.remediability),
        ("severity", o.severity, n.severity),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .map(|(dimension, old, new)| DimensionMove {
        dimension,
        old,
        new,
        direction: if new > old {
            Direction::Up
        } else {
            Direction::Down
        },
    })
    .collect()
}
