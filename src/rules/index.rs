//! Ids of every list, indexed once so that reference checks stay linear.

use std::collections::HashMap;

use crate::model::{Assessment, Id, Pos};

/// For each list, the position of the first definition of each id.
#[derive(Debug, Default)]
pub struct Index<'a> {
    pub products: HashMap<&'a str, Pos>,
    pub relationships: HashMap<&'a str, Pos>,
    pub rights_holders: HashMap<&'a str, Pos>,
    pub rights: HashMap<&'a str, Pos>,
    pub mitigations: HashMap<&'a str, usize>,
    pub remedy_channels: HashMap<&'a str, usize>,
    pub engagements: HashMap<&'a str, Pos>,
    /// Rights-holder ids marked vulnerable.
    pub vulnerable: HashMap<&'a str, bool>,
}

impl<'a> Index<'a> {
    /// Indexes every list of `a`.
    pub fn new(a: &'a Assessment) -> Self {
        fn by_pos<T>(items: &[T], id: fn(&T) -> &Id) -> HashMap<&str, Pos> {
            let mut map = HashMap::with_capacity(items.len());
            for item in items {
                let id = id(item);
                map.entry(id.value.as_str()).or_insert(id.pos);
            }
            map
        }
        fn by_index<T>(items: &[T], id: fn(&T) -> &Id) -> HashMap<&str, usize> {
            let mut map = HashMap::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                map.entry(id(item).value.as_str()).or_insert(i);
            }
            map
        }
        Index {
            products: by_pos(&a.products, |x| &x.id),
            relationships: by_pos(&a.relationships, |x| &x.id),
            rights_holders: by_pos(&a.rights_holders, |x| &x.id),
            rights: by_pos(&a.rights, |x| &x.id),
            mitigations: by_index(&a.mitigations, |x| &x.id),
            remedy_channels: by_index(&a.remedy_channels, |x| &x.id),
            engagements: by_pos(&a.engagements, |x| &x.id),
            vulnerable: a
                .rights_holders
                .iter()
                .map(|rh| (rh.id.value.as_str(), rh.vulnerable))
                .collect(),
        }
    }
}
