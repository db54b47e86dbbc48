//! The assessment as tables of cells, one per sheet: what both the workbook and the CSV write.

use super::layout::{self, Sheet, Vocab};
use crate::model::{Assessment, Id, Spanned};
use crate::score::{Band, Ranking};

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Blank,
    Text(String),
    Int(i64),
    Bool(bool),
}

impl Value {
    /// The cell as CSV text.
    pub fn to_text(&self) -> String {
        match self {
            Value::Blank => String::new(),
            Value::Text(s) => s.clone(),
            Value::Int(n) => n.to_string(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }
    }
}

/// One row; `band` colours a risk row.
#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<Value>,
    pub band: Option<Band>,
}

/// A sheet's rows, in the order of its columns.
#[derive(Debug, Clone)]
pub struct Table {
    pub sheet: &'static Sheet,
    pub rows: Vec<Row>,
}

/// A list value that one cell cannot hold without losing it.
#[derive(Debug, thiserror::Error)]
#[error(
    "sheet \"{sheet}\", item `{item}`, column {column}: the value {value:?} cannot be written to a cell losslessly (list values are one per line, so a value cannot contain a line break or be empty)"
)]
pub struct Unrepresentable {
    pub sheet: &'static str,
    pub item: String,
    pub column: &'static str,
    pub value: String,
}

struct RowBuilder {
    sheet: &'static Sheet,
    cells: Vec<Value>,
}

impl RowBuilder {
    fn new(sheet: &'static Sheet) -> Self {
        Self {
            sheet,
            cells: vec![Value::Blank; sheet.columns.len()],
        }
    }

    fn set(&mut self, header: &str, value: Value) -> &mut Self {
        debug_assert!(self.sheet.index(header).is_some(), "{header}");
        if let Some(i) = self.sheet.index(header) {
            self.cells[i] = value;
        }
        self
    }

    fn text(&mut self, header: &str, s: &str) -> &mut Self {
        self.set(header, Value::Text(s.to_owned()))
    }

    fn opt(&mut self, header: &str, s: Option<&Spanned<String>>) -> &mut Self {
        match s {
            Some(s) => self.text(header, &s.value),
            None => self,
        }
    }

    fn vocab<T: Vocab>(&mut self, header: &str, v: Option<T>) -> &mut Self {
        match v {
            Some(v) => self.text(header, v.name()),
            None => self,
        }
    }

    fn ids(&mut self, header: &str, ids: &[Id]) -> &mut Self {
        if ids.is_empty() {
            return self;
        }
        let joined: Vec<&str> = ids.iter().map(|i| i.value.as_str()).collect();
        self.text(header, &joined.join("; "))
    }

    fn enums<T: Vocab>(&mut self, header: &str, values: &[Spanned<T>]) -> &mut Self {
        if values.is_empty() {
            return self;
        }
        let joined: Vec<&str> = values.iter().map(|v| v.value.name()).collect();
        self.text(header, &joined.join("; "))
    }

    fn lines(
        &mut self,
        header: &'static str,
        item: &str,
        values: &[Spanned<String>],
    ) -> Result<&mut Self, Unrepresentable> {
        if values.is_empty() {
            return Ok(self);
        }
        if let Some(bad) = values
            .iter()
            .find(|v| v.value.contains(['\n', '\r']) || v.value.trim() != v.value || v.is_empty())
        {
            return Err(Unrepresentable {
                sheet: self.sheet.name,
                item: item.to_owned(),
                column: header,
                value: bad.value.clone(),
            });
        }
        let joined: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
        Ok(self.text(header, &joined.join("\n")))
    }

    fn flag(&mut self, header: &str, b: bool) -> &mut Self {
        self.set(header, Value::Bool(b))
    }

    fn opt_flag(&mut self, header: &str, b: Option<bool>) -> &mut Self {
        match b {
            Some(b) => self.flag(header, b),
            None => self,
        }
    }

    fn int(&mut self, header: &str, n: Option<i64>) -> &mut Self {
        match n {
            Some(n) => self.set(header, Value::Int(n)),
            None => self,
        }
    }

    fn row(&mut self) -> Row {
        Row {
            cells: std::mem::take(&mut self.cells),
            band: None,
        }
    }
}

/// Every sheet of the workbook, in workbook order. `a` is already redacted for its audience
/// and `ranking` is its ranking.
pub fn tables(a: &Assessment, ranking: &Ranking) -> Result<Vec<Table>, Unrepresentable> {
    let mut out = Vec::with_capacity(layout::SHEETS.len());
    out.push(metadata(a));
    out.push(Table {
        sheet: &layout::ASSESSORS,
        rows: a
            .assessment
            .assessors
            .iter()
            .map(|x| {
                RowBuilder::new(&layout::ASSESSORS)
                    .text("name", &x.name)
                    .opt("role", x.role.as_ref())
                    .flag("external", x.external)
                    .row()
            })
            .collect(),
    });
    let mut rows = Vec::new();
    for p in a.products.iter() {
        rows.push(
            RowBuilder::new(&layout::PRODUCTS)
                .text("id", &p.id)
                .text("name", &p.name)
                .opt("description", p.description.as_ref())
                .opt("layer", p.layer.as_ref())
                .enums("lifecycle", &p.lifecycle)
                .lines("markets", &p.id, &p.markets)?
                .flag("confidential", p.confidential)
                .row(),
        );
    }
    out.push(Table {
        sheet: &layout::PRODUCTS,
        rows,
    });
    out.push(Table {
        sheet: &layout::RELATIONSHIPS,
        rows: a
            .relationships
            .iter()
            .map(|r| {
                RowBuilder::new(&layout::RELATIONSHIPS)
                    .text("id", &r.id)
                    .text("name", &r.name)
                    .vocab("kind", Some(r.kind.value))
                    .opt("layer", r.layer.as_ref())
                    .vocab("leverage", r.leverage.as_ref().map(|l| l.value))
                    .opt_flag("crucial", r.crucial)
                    .opt("notes", r.notes.as_ref())
                    .flag("confidential", r.confidential)
                    .row()
            })
            .collect(),
    });
    let mut rows = Vec::new();
    for h in a.rights_holders.iter() {
        rows.push(
            RowBuilder::new(&layout::RIGHTS_HOLDERS)
                .text("id", &h.id)
                .text("name", &h.name)
                .vocab("category", h.category.as_ref().map(|c| c.value))
                .flag("vulnerable", h.vulnerable)
                .lines("vulnerability", &h.id, &h.vulnerability)?
                .int(
                    "estimated_number",
                    h.estimated_number.as_ref().map(|n| n.value),
                )
                .flag("confidential", h.confidential)
                .row(),
        );
    }
    out.push(Table {
        sheet: &layout::RIGHTS_HOLDERS,
        rows,
    });
    let mut rows = Vec::new();
    for r in &a.rights {
        rows.push(
            RowBuilder::new(&layout::RIGHTS)
                .text("id", &r.id)
                .text("name", &r.name)
                .lines("instruments", &r.id, &r.instruments)?
                .flag("confidential", r.confidential)
                .row(),
        );
    }
    out.push(Table {
        sheet: &layout::RIGHTS,
        rows,
    });
    out.push(risks(a, ranking, false));
    out.push(Table {
        sheet: &layout::MITIGATIONS,
        rows: a
            .mitigations
            .iter()
            .map(|m| {
                RowBuilder::new(&layout::MITIGATIONS)
                    .text("id", &m.id)
                    .text("action", &m.action)
                    .vocab("type", Some(m.kind.value))
                    .text("owner", &m.owner)
                    .opt(
                        "due",
                        m.due
                            .as_ref()
                            .map(|d| Spanned::new(d.raw().to_owned(), d.pos))
                            .as_ref(),
                    )
                    .vocab("status", Some(m.status.value))
                    .flag("confidential", m.confidential)
                    .row()
            })
            .collect(),
    });
    out.push(Table {
        sheet: &layout::INDICATORS,
        rows: a
            .mitigations
            .iter()
            .flat_map(|m| m.indicators.iter().map(move |i| (m, i)))
            .map(|(m, i)| {
                RowBuilder::new(&layout::INDICATORS)
                    .text("mitigation", &m.id)
                    .text("name", &i.name)
                    .vocab("kind", Some(i.kind.value))
                    .opt("target", i.target.as_ref())
                    .opt("current", i.current.as_ref())
                    .vocab("source", i.source.as_ref().map(|s| s.value))
                    .row()
            })
            .collect(),
    });
    let mut rows = Vec::new();
    for c in &a.remedy_channels {
        let mut b = RowBuilder::new(&layout::REMEDY_CHANNELS);
        b.text("id", &c.id)
            .text("name", &c.name)
            .vocab("kind", Some(c.kind.value))
            .ids("accessible_to", &c.accessible_to)
            .lines("languages", &c.id, &c.languages)?
            .opt_flag("anonymous", c.anonymous)
            .flag("confidential", c.confidential);
        if let Some(e) = &c.effectiveness {
            for (_, name, value) in e.criteria() {
                b.vocab(name, value.map(|v| v.value));
            }
        }
        rows.push(b.row());
    }
    out.push(Table {
        sheet: &layout::REMEDY_CHANNELS,
        rows,
    });
    out.push(Table {
        sheet: &layout::ENGAGEMENTS,
        rows: a
            .engagements
            .iter()
            .map(|e| {
                RowBuilder::new(&layout::ENGAGEMENTS)
                    .text("id", &e.id)
                    .text("date", e.date.raw())
                    .ids("rights_holders", &e.rights_holders)
                    .vocab("method", Some(e.method.value))
                    .text("summary", &e.summary)
                    .opt("outcome", e.outcome.as_ref())
                    .flag("confidential", e.confidential)
                    .row()
            })
            .collect(),
    });
    out.push(Table {
        sheet: &layout::ORGANISATIONS,
        rows: a
            .engagements
            .iter()
            .flat_map(|e| e.organisations.iter().map(move |o| (e, o)))
            .map(|(e, o)| {
                RowBuilder::new(&layout::ORGANISATIONS)
                    .text("engagement", &e.id)
                    .text("name", &o.name)
                    .flag("confidential", o.confidential)
                    .row()
            })
            .collect(),
    });
    Ok(out)
}

fn metadata(a: &Assessment) -> Table {
    let m = &a.assessment;
    let text = |s: &str| Value::Text(s.to_owned());
    let opt = |s: Option<&Spanned<String>>| s.map_or(Value::Blank, |s| text(s));
    let frameworks: Vec<&str> = m.frameworks.iter().map(|f| f.value.as_str()).collect();
    let values = [
        Value::Int(a.hrdd.value),
        text(&m.id),
        text(&m.title),
        text(&m.organization),
        text(&m.version),
        text(m.status.as_str()),
        text(m.assessed_on.raw()),
        text(m.next_review.raw()),
        text(&m.owner),
        opt(m.scope.as_ref()),
        m.trigger
            .as_ref()
            .map_or(Value::Blank, |t| text(t.as_str())),
        m.approval.as_ref().map_or(Value::Blank, |x| text(&x.by)),
        m.approval
            .as_ref()
            .map_or(Value::Blank, |x| text(x.on.raw())),
        if frameworks.is_empty() {
            Value::Blank
        } else {
            text(&frameworks.join("; "))
        },
        opt(m.previous.as_ref()),
    ];
    Table {
        sheet: &layout::METADATA,
        rows: layout::METADATA_KEYS
            .iter()
            .zip(values)
            .map(|(key, value)| Row {
                cells: vec![Value::Text(key.header.to_owned()), value],
                band: None,
            })
            .collect(),
    }
}

/// The risks sheet: in file order for the workbook, in rank order for the CSV register.
pub fn risks(a: &Assessment, ranking: &Ranking, rank_order: bool) -> Table {
    let order: Vec<usize> = if rank_order {
        ranking.scores.iter().map(|s| s.index).collect()
    } else {
        (0..a.risks.len()).collect()
    };
    let mut rank_of = vec![None; a.risks.len()];
    for (rank, s) in ranking.scores.iter().enumerate() {
        if let Some(slot) = rank_of.get_mut(s.index) {
            *slot = Some(rank);
        }
    }
    let rows = order
        .into_iter()
        .filter_map(|i| {
            let r = a.risks.get(i)?;
            let rank = rank_of.get(i).copied().flatten()?;
            let score = ranking.scores.get(rank)?;
            let s = &r.severity.value;
            let mut b = RowBuilder::new(&layout::RISKS);
            b.int("rank", Some(rank as i64 + 1))
                .text("band", score.band.as_str())
                .int("severity", Some(i64::from(score.severity)))
                .text("id", &r.id)
                .text("title", &r.title)
                .opt("description", r.description.as_ref())
                .ids("products", &r.products)
                .ids("rights", &r.rights)
                .ids("rights_holders", &r.rights_holders)
                .vocab("impact", Some(r.impact.value))
                .vocab("involvement", Some(r.involvement.value))
                .ids("relationships", &r.relationships)
                .int("severity.scale", Some(s.scale.value))
                .int("severity.scope", Some(s.scope.value))
                .int("severity.remediability", Some(s.remediability.value))
                .opt("severity.rationale", s.rationale.as_ref())
                .int("likelihood", r.likelihood.as_ref().map(|l| l.value))
                .int(
                    "residual_likelihood",
                    r.residual_likelihood.as_ref().map(|l| l.value),
                )
                .ids("mitigations", &r.mitigations)
                .ids("remedy", &r.remedy)
                .ids("engagements", &r.engagements)
                .vocab("status", r.status.as_ref().map(|s| s.value))
                .flag("confidential", r.confidential);
            let mut row = b.row();
            row.band = Some(score.band);
            Some(row)
        })
        .collect();
    Table {
        sheet: &layout::RISKS,
        rows,
    }
}
