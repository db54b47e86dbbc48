//! What an audience may see: lookups of visible items, risks in rank order, hidden ids.

use std::collections::{HashMap, HashSet};

use crate::model::{
    Assessment, CustomRight, Date, Engagement, Id, Mitigation, Product, Relationship,
    RemedyChannel, RightsHolder, Risk,
};
use crate::score::Score;

use super::{Audience, Counts, HolderRef, Inputs, RiskRef};

/// The lists of a risk that reference other items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum List {
    Products,
    Relationships,
    Rights,
    RightsHolders,
    Mitigations,
    Remedy,
    Engagements,
}

impl List {
    const ALL: [List; 7] = [
        List::Products,
        List::Relationships,
        List::Rights,
        List::RightsHolders,
        List::Mitigations,
        List::Remedy,
        List::Engagements,
    ];

    fn of(self, r: &Risk) -> &[Id] {
        match self {
            List::Products => &r.products,
            List::Relationships => &r.relationships,
            List::Rights => &r.rights,
            List::RightsHolders => &r.rights_holders,
            List::Mitigations => &r.mitigations,
            List::Remedy => &r.remedy,
            List::Engagements => &r.engagements,
        }
    }
}

/// Lookups of the items this audience may see.
pub(super) struct Scope<'a> {
    pub(super) a: &'a Assessment,
    pub(super) audience: Audience,
    pub(super) today: Date,
    pub(super) products: HashMap<&'a str, &'a Product>,
    pub(super) relationships: HashMap<&'a str, &'a Relationship>,
    pub(super) holders: HashMap<&'a str, &'a RightsHolder>,
    pub(super) rights: HashMap<&'a str, &'a CustomRight>,
    pub(super) mitigations: HashMap<&'a str, &'a Mitigation>,
    pub(super) channels: HashMap<&'a str, &'a RemedyChannel>,
    pub(super) engagements: HashMap<&'a str, &'a Engagement>,
    /// Visible risks in rank order, with their score.
    pub(super) risks: Vec<(&'a Risk, &'a Score)>,
    /// For each list and id, the visible risks that reference it, in rank order.
    pub(super) cited: HashMap<(List, &'a str), Vec<RiskRef>>,
    /// Ids of every confidential item, for audiences that may not see them.
    pub(super) hidden: HashSet<&'a str>,
}

impl<'a> Scope<'a> {
    pub(super) fn new(inputs: &Inputs<'a>) -> Self {
        let a = inputs.assessment;
        let audience = inputs.audience;
        let shows = |confidential: bool| audience == Audience::Internal || !confidential;
        fn index<T>(
            items: &[T],
            id: fn(&T) -> &Id,
            keep: impl Fn(&T) -> bool,
        ) -> HashMap<&str, &T> {
            items
                .iter()
                .filter(|x| keep(x))
                .map(|x| (id(x).value.as_str(), x))
                .collect()
        }
        let risks: Vec<(&Risk, &Score)> = inputs
            .ranking
            .scores
            .iter()
            .filter_map(|s| a.risks.get(s.index).map(|r| (r, s)))
            .filter(|(r, _)| shows(r.confidential))
            .collect();
        let mut cited: HashMap<(List, &str), Vec<RiskRef>> = HashMap::new();
        for (i, (r, s)) in risks.iter().enumerate() {
            let this = RiskRef {
                rank: i + 1,
                id: r.id.value.clone(),
                title: r.title.value.clone(),
                band: s.band.as_str(),
                salient: s.salient(),
                status: r.status().as_str(),
            };
            for list in List::ALL {
                for id in list.of(r) {
                    let refs = cited.entry((list, id.value.as_str())).or_default();
                    // A risk may list an id twice; name it once.
                    if refs.last().is_none_or(|x| x.id != this.id) {
                        refs.push(this.clone());
                    }
                }
            }
        }
        let mut hidden = HashSet::new();
        if audience != Audience::Internal {
            let ids = a
                .products
                .iter()
                .filter(|x| x.confidential)
                .map(|x| &x.id)
                .chain(
                    a.relationships
                        .iter()
                        .filter(|x| x.confidential)
                        .map(|x| &x.id),
                )
                .chain(
                    a.rights_holders
                        .iter()
                        .filter(|x| x.confidential)
                        .map(|x| &x.id),
                )
                .chain(a.rights.iter().filter(|x| x.confidential).map(|x| &x.id))
                .chain(a.risks.iter().filter(|x| x.confidential).map(|x| &x.id))
                .chain(
                    a.mitigations
                        .iter()
                        .filter(|x| x.confidential)
                        .map(|x| &x.id),
                )
                .chain(
                    a.remedy_channels
                        .iter()
                        .filter(|x| x.confidential)
                        .map(|x| &x.id),
                )
                .chain(
                    a.engagements
                        .iter()
                        .filter(|x| x.confidential)
                        .map(|x| &x.id),
                );
            hidden.extend(ids.map(|id| id.value.as_str()));
        }
        Scope {
            a,
            audience,
            today: inputs.today,
            products: index(&a.products, |x| &x.id, |x| shows(x.confidential)),
            relationships: index(&a.relationships, |x| &x.id, |x| shows(x.confidential)),
            holders: index(&a.rights_holders, |x| &x.id, |x| shows(x.confidential)),
            rights: index(&a.rights, |x| &x.id, |x| shows(x.confidential)),
            mitigations: index(&a.mitigations, |x| &x.id, |x| shows(x.confidential)),
            channels: index(&a.remedy_channels, |x| &x.id, |x| shows(x.confidential)),
            engagements: index(&a.engagements, |x| &x.id, |x| shows(x.confidential)),
            risks,
            cited,
            hidden,
        }
    }

    pub(super) fn shows(&self, confidential: bool) -> bool {
        self.audience == Audience::Internal || !confidential
    }

    /// Items of `ids` found in `map`, in the order written.
    pub(super) fn resolve<T, V>(
        &self,
        ids: &[Id],
        map: &HashMap<&str, &'a T>,
        view: impl Fn(&'a T) -> V,
    ) -> Vec<V> {
        ids.iter()
            .filter_map(|id| map.get(id.value.as_str()).map(|x| view(x)))
            .collect()
    }

    /// The visible risks that list `id` under `list`, in rank order.
    pub(super) fn risks_citing(&self, list: List, id: &str) -> Vec<RiskRef> {
        self.cited.get(&(list, id)).cloned().unwrap_or_default()
    }

    pub(super) fn holder_ref(rh: &RightsHolder) -> HolderRef {
        HolderRef {
            id: rh.id.value.clone(),
            name: rh.name.value.clone(),
            vulnerable: rh.vulnerable,
            confidential: rh.confidential,
        }
    }

    pub(super) fn overdue(&self, m: &Mitigation) -> Option<i64> {
        let due = m.due.as_ref()?.value.date()?;
        (m.status.value.is_open() && due < self.today).then(|| (self.today - due).get_days().into())
    }

    /// Board only: how many of a risk's references point to confidential items.
    pub(super) fn withheld_refs(&self, r: &Risk) -> Option<Counts> {
        if self.audience != Audience::Board {
            return None;
        }
        let hidden = |ids: &[Id], known: &dyn Fn(&str) -> bool| {
            ids.iter().filter(|id| !known(id.value.as_str())).count()
        };
        let rights = r
            .rights
            .iter()
            .filter(|id| {
                self.a
                    .rights
                    .iter()
                    .any(|c| c.id.value == id.value && c.confidential)
            })
            .count();
        Some(
            Counts {
                products: hidden(&r.products, &|id| self.products.contains_key(id)),
                relationships: hidden(&r.relationships, &|id| self.relationships.contains_key(id)),
                rights_holders: hidden(&r.rights_holders, &|id| self.holders.contains_key(id)),
                rights,
                mitigations: hidden(&r.mitigations, &|id| self.mitigations.contains_key(id)),
                remedy_channels: hidden(&r.remedy, &|id| self.channels.contains_key(id)),
                engagements: hidden(&r.engagements, &|id| self.engagements.contains_key(id)),
                ..Counts::default()
            }
            .sum(),
        )
    }
}
