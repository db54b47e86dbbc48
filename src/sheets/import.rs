//! Reading a workbook (calamine) or a CSV register (csv) back into the model, with every cell
//! that cannot be mapped reported by sheet, row and column.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use super::layout::{self, Column, Kind, Sheet, Vocab, names};
use crate::diagnostic::{Diagnostic, Level};
use crate::model::{
    Approval, Assessment, Assessor, CustomRight, Day, Effectiveness, Engagement, Id, Indicator,
    Meta, Mitigation, Organisation, Pos, Product, Relationship, RemedyChannel, RightsHolder, Risk,
    Severity, Spanned,
};
use crate::suggest;

/// Cells read from one workbook, at most: enough for a 10,000-risk assessment several times
/// over, and a bound on memory for a hostile file.
pub const MAX_CELLS: usize = 2_000_000;

/// Positions handed to the model are tokens at or above this line, so that a diagnostic of
/// the rules can be traced back to its cell (and told apart from a line of a YAML file).
const TOKEN_BASE: u32 = 0x8000_0000;

/// Where a problem is: a sheet (none for a CSV), a 1-based row, a 0-based column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub sheet: Option<String>,
    pub row: Option<u32>,
    pub column: Option<u32>,
    pub header: Option<String>,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if let Some(s) = &self.sheet {
            parts.push(format!("sheet \"{s}\""));
        }
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        if let Some(c) = self.column {
            let mut col = format!("column {}", layout::column_letter(c));
            if let Some(h) = &self.header {
                col.push_str(&format!(" ({h})"));
            }
            parts.push(col);
        }
        f.write_str(&parts.join(", "))
    }
}

/// Something in the input that could not be mapped, or a finding of the rules on the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    /// The rule code, for findings of the validation rules.
    pub code: Option<&'static str>,
    /// The file as the user named it.
    pub file: String,
    /// Where in the workbook; `None` for a finding in a YAML file (the `--base` file).
    pub place: Option<Place>,
    /// A line and column in `file` when the problem is in a YAML file.
    pub line: Option<Pos>,
    pub message: String,
    pub help: Option<String>,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code {
            Some(code) => write!(f, "{}[{code}]: ", self.level)?,
            None => write!(f, "{}: ", self.level)?,
        }
        f.write_str(&self.file)?;
        if let Some(pos) = self.line.filter(|p| p.line > 0) {
            write!(f, ":{pos}")?;
        }
        if let Some(place) = &self.place {
            let at = place.to_string();
            if !at.is_empty() {
                write!(f, ": {at}")?;
            }
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// What an import produced: the model when every cell could be mapped, and the problems.
#[derive(Debug)]
pub struct Imported {
    pub assessment: Option<Assessment>,
    pub problems: Vec<Problem>,
    places: Vec<Place>,
    file: String,
}

impl Imported {
    /// A finding of the rules on the imported model, placed at its cell.
    pub fn locate(&self, d: &Diagnostic, base: Option<&str>) -> Problem {
        let place = d
            .pos
            .line
            .checked_sub(TOKEN_BASE)
            .and_then(|i| self.places.get(i as usize));
        let (file, place, line) = match (place, base) {
            (Some(p), _) => (self.file.clone(), Some(p.clone()), None),
            // A finding outside the imported cells is in the `--base` file.
            (None, Some(base)) if d.pos.line > 0 && d.pos.line < TOKEN_BASE => {
                (base.to_owned(), None, Some(d.pos))
            }
            (None, _) => (self.file.clone(), None, None),
        };
        Problem {
            level: d.level,
            code: Some(d.rule.code()),
            file,
            place,
            line,
            message: d.message.clone(),
            help: d.help.clone(),
        }
    }

    /// Whether any problem is an error.
    pub fn failed(&self) -> bool {
        self.problems.iter().any(|p| p.level == Level::Error)
    }
}

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A date the spreadsheet holds as a date, as `YYYY-MM-DD`.
    Date(String),
    /// A formula error such as `#REF!`.
    Error(String),
}

impl Cell {
    fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(s) if s.trim().is_empty())
    }

    fn shown(&self) -> String {
        match self {
            Cell::Text(s) | Cell::Date(s) | Cell::Error(s) => format!("{s:?}"),
            Cell::Int(n) => n.to_string(),
            Cell::Float(x) => x.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }
    }

    /// The cell as text; numbers as a spreadsheet shows them.
    fn text(&self) -> Option<String> {
        match self {
            Cell::Text(s) | Cell::Date(s) => Some(s.clone()),
            Cell::Int(n) => Some(n.to_string()),
            Cell::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => Some(format!("{x:.0}")),
            Cell::Float(x) => Some(x.to_string()),
            Cell::Bool(_) | Cell::Error(_) => None,
        }
    }
}

/// A sheet's non-empty cells by (row, column), both 0-based.
#[derive(Debug, Default)]
struct Grid {
    cells: BTreeMap<(u32, u32), Cell>,
}

impl Grid {
    fn get(&self, row: u32, col: u32) -> Option<&Cell> {
        self.cells.get(&(row, col)).filter(|c| !c.is_blank())
    }

    /// The rows below the header that hold a cell, in order.
    fn data_rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self
            .cells
            .iter()
            .filter(|((r, _), c)| *r > 0 && !c.is_blank())
            .map(|((r, _), _)| *r)
            .collect();
        rows.dedup();
        rows
    }
}

fn cell_of(value: &DataRef<'_>) -> Option<Cell> {
    Some(match value {
        DataRef::Int(n) => Cell::Int(*n),
        DataRef::Float(x) => Cell::Float(*x),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{m:02}-{day:02}"))
        }
        DataRef::DateTimeIso(s) => Cell::Date(s.chars().take(10).collect()),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => return None,
    })
}

/// Collects places and problems while the model is built.
struct Builder {
    file: String,
    places: Vec<Place>,
    problems: Vec<Problem>,
}

impl Builder {
    fn new(file: &str) -> Self {
        Self {
            file: file.to_owned(),
            places: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn pos(&mut self, place: Place) -> Pos {
        let i = u32::try_from(self.places.len()).unwrap_or(u32::MAX - TOKEN_BASE);
        self.places.push(place);
        Pos::new(TOKEN_BASE.saturating_add(i), 1)
    }

    fn problem(&mut self, place: Place, message: impl Into<String>, help: Option<String>) {
        self.problems.push(Problem {
            level: Level::Error,
            code: None,
            file: self.file.clone(),
            place: Some(place),
            line: None,
            message: message.into(),
            help,
        });
    }

    fn finish(self, assessment: Option<Assessment>) -> Imported {
        let failed = self.problems.iter().any(|p| p.level == Level::Error);
        Imported {
            assessment: assessment.filter(|_| !failed),
            problems: self.problems,
            places: self.places,
            file: self.file,
        }
    }
}

/// One table being read: its grid, its header, and its sheet of the layout.
struct TableReader<'g> {
    sheet: &'static Sheet,
    /// The sheet's name in the workbook; `None` for a CSV.
    name: Option<String>,
    grid: &'g Grid,
    columns: HashMap<&'static str, u32>,
}

impl<'g> TableReader<'g> {
    /// Reads the header row, reporting unknown, duplicate and missing columns.
    fn new(b: &mut Builder, sheet: &'static Sheet, name: Option<String>, grid: &'g Grid) -> Self {
        let mut columns = HashMap::new();
        // Only columns that hold something: a hostile sheet may have a cell at XFD1048576.
        let mut used: Vec<u32> = grid
            .cells
            .iter()
            .filter(|(_, c)| !c.is_blank())
            .map(|((_, c), _)| *c)
            .collect();
        used.sort_unstable();
        used.dedup();
        for c in used {
            let place = Place {
                sheet: name.clone(),
                row: Some(1),
                column: Some(c),
                header: None,
            };
            let Some(cell) = grid.get(0, c) else {
                {
                    b.problem(
                        place,
                        "this column has values but no header",
                        Some(format!("name it with one of: {}", header_list(sheet))),
                    );
                }
                continue;
            };
            let header = cell.text().unwrap_or_default().trim().to_owned();
            match sheet.column(&header) {
                Some(column) if columns.contains_key(column.header) => b.problem(
                    place,
                    format!("the column `{header}` appears twice"),
                    Some("keep one of them".into()),
                ),
                Some(column) => {
                    columns.insert(column.header, c);
                }
                None => {
                    let hint =
                        suggest::did_you_mean(&header, sheet.columns.iter().map(|c| c.header));
                    b.problem(
                        place,
                        format!("unknown column `{header}`"),
                        Some(match hint {
                            Some(h) => format!("did you mean `{h}`?"),
                            None => {
                                format!("the columns of this sheet are: {}", header_list(sheet))
                            }
                        }),
                    );
                }
            }
        }
        // An absent or empty sheet has no rows to read: only a header row needs its columns.
        let has_cells = !grid.cells.is_empty();
        for column in sheet.columns {
            if has_cells && column.required && !columns.contains_key(column.header) {
                b.problem(
                    Place {
                        sheet: name.clone(),
                        row: Some(1),
                        column: None,
                        header: None,
                    },
                    format!("the required column `{}` is missing", column.header),
                    Some(format!(
                        "add a column headed `{}` ({})",
                        column.header,
                        column.kind.expected()
                    )),
                );
            }
        }
        Self {
            sheet,
            name,
            grid,
            columns,
        }
    }

    /// The data rows (0-based) that hold anything in a known column.
    fn rows(&self) -> Vec<u32> {
        self.grid
            .data_rows()
            .into_iter()
            .filter(|r| {
                self.columns.iter().any(|(h, c)| {
                    self.sheet
                        .column(h)
                        .is_some_and(|col| !matches!(col.kind, Kind::Derived))
                        && self.grid.get(*r, *c).is_some()
                })
            })
            .collect()
    }

    fn place(&self, row: u32, header: &str) -> Place {
        Place {
            sheet: self.name.clone(),
            row: Some(row + 1),
            column: self.columns.get(header).copied(),
            header: Some(header.to_owned()),
        }
    }

    fn column(&self, header: &str) -> Column {
        self.sheet.column(header).copied().unwrap_or(Column {
            header: "",
            kind: Kind::Text,
            required: false,
            width: 0.0,
        })
    }

    /// A cell read with `parse`: `None` when blank (an error when the column is required),
    /// or when it cannot be read (reported).
    fn get<T>(
        &self,
        b: &mut Builder,
        row: u32,
        header: &str,
        parse: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> Option<Spanned<T>> {
        let column = self.column(header);
        let cell = self
            .columns
            .get(header)
            .and_then(|c| self.grid.get(row, *c));
        let place = self.place(row, header);
        let Some(cell) = cell else {
            if column.required && self.columns.contains_key(header) {
                b.problem(
                    place,
                    format!("`{header}` is required but the cell is empty"),
                    Some(format!("write {}", column.kind.expected())),
                );
            }
            return None;
        };
        match parse(cell) {
            Ok(v) => {
                let pos = b.pos(place);
                Some(Spanned::new(v, pos))
            }
            Err(expected) => {
                b.problem(
                    place,
                    format!("expected {expected}, found {}", cell.shown()),
                    Some(hint(column.kind, cell)),
                );
                None
            }
        }
    }

    fn text(&self, b: &mut Builder, row: u32, header: &str) -> Option<Spanned<String>> {
        self.get(b, row, header, text)
    }

    fn id(&self, b: &mut Builder, row: u32, header: &str) -> Option<Id> {
        self.get(b, row, header, |c| text(c).map(|s| s.trim().to_owned()))
    }

    fn vocab<T: Vocab>(&self, b: &mut Builder, row: u32, header: &str) -> Option<Spanned<T>> {
        self.get(b, row, header, vocab::<T>)
    }

    fn flag(&self, b: &mut Builder, row: u32, header: &str) -> Option<bool> {
        self.get(b, row, header, boolean).map(|s| s.value)
    }

    fn int(&self, b: &mut Builder, row: u32, header: &str) -> Option<Spanned<i64>> {
        self.get(b, row, header, integer)
    }

    fn date(&self, b: &mut Builder, row: u32, header: &str) -> Option<Spanned<Day>> {
        self.get(b, row, header, |c| text(c).map(|s| Day::parse(s.trim())))
    }

    /// `;`-separated (or one per line) ids, each with the cell's position.
    fn ids(&self, b: &mut Builder, row: u32, header: &str) -> Option<Spanned<Vec<Id>>> {
        let cell = self.get(b, row, header, |c| text(c).map(|s| split_ids(&s)))?;
        let pos = cell.pos;
        Some(Spanned::new(
            cell.value
                .into_iter()
                .map(|s| Spanned::new(s, pos))
                .collect(),
            pos,
        ))
    }

    fn enums<T: Vocab>(&self, b: &mut Builder, row: u32, header: &str) -> Vec<Spanned<T>> {
        let Some(cell) = self.get(b, row, header, |c| {
            let parts = split_ids(&text(c)?);
            parts
                .iter()
                .map(|s| vocab::<T>(&Cell::Text(s.clone())))
                .collect::<Result<Vec<T>, String>>()
        }) else {
            return Vec::new();
        };
        let pos = cell.pos;
        cell.value
            .into_iter()
            .map(|v| Spanned::new(v, pos))
            .collect()
    }

    /// Free-text values, one per line.
    fn lines(
        &self,
        b: &mut Builder,
        row: u32,
        header: &str,
    ) -> Option<Spanned<Vec<Spanned<String>>>> {
        let cell = self.get(b, row, header, |c| {
            Ok(text(c)?
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>())
        })?;
        let pos = cell.pos;
        Some(Spanned::new(
            cell.value
                .into_iter()
                .map(|s| Spanned::new(s, pos))
                .collect(),
            pos,
        ))
    }
}

fn header_list(sheet: &Sheet) -> String {
    sheet
        .columns
        .iter()
        .map(|c| c.header)
        .collect::<Vec<_>>()
        .join(", ")
}

fn split_ids(s: &str) -> Vec<String> {
    s.split([';', '\n', '\r'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The help for a cell that could not be read: a close vocabulary value, or what to write.
fn hint(kind: Kind, cell: &Cell) -> String {
    let written = cell.text().unwrap_or_default();
    let close = match kind {
        Kind::Enum(values) => suggest::help(written.trim(), values()),
        Kind::Enums(values) => {
            let values = values();
            split_ids(&written)
                .iter()
                .filter(|p| !values.contains(&p.as_str()))
                .find_map(|p| suggest::help(p, values.iter().copied()))
        }
        _ => None,
    };
    close.unwrap_or_else(|| format!("write {}", kind.expected()))
}

fn text(cell: &Cell) -> Result<String, String> {
    cell.text().ok_or_else(|| "text".to_owned())
}

fn vocab<T: Vocab>(cell: &Cell) -> Result<T, String> {
    let s = cell.text().unwrap_or_default();
    let s = s.trim();
    T::all()
        .iter()
        .copied()
        .find(|v| v.name() == s)
        .ok_or_else(|| format!("one of {}", names::<T>().join(", ")))
}

fn boolean(cell: &Cell) -> Result<bool, String> {
    let expected = || "TRUE or FALSE".to_owned();
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Int(0) => Ok(false),
        Cell::Int(1) => Ok(true),
        Cell::Float(x) if *x == 0.0 => Ok(false),
        Cell::Float(x) if *x == 1.0 => Ok(true),
        Cell::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" => Ok(true),
            "false" | "no" | "n" | "0" => Ok(false),
            _ => Err(expected()),
        },
        _ => Err(expected()),
    }
}

fn integer(cell: &Cell) -> Result<i64, String> {
    let expected = || "a whole number".to_owned();
    match cell {
        Cell::Int(n) => Ok(*n),
        Cell::Float(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => Ok(*x as i64),
        Cell::Text(s) => s.trim().parse().map_err(|_| expected()),
        _ => Err(expected()),
    }
}

/// Runs the XLSX reader so that a panic inside it on a hostile workbook (found by fuzzing, e.g.
/// an inverted `<dimension>` range) becomes an error about the file, not a crash. The default
/// panic message is silenced meanwhile: the user gets one clear error instead.
fn shielded<T>(read: impl FnOnce() -> T) -> Option<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    std::panic::set_hook(hook);
    result.ok()
}

/// Reads an XLSX workbook in the exported layout.
pub fn xlsx(file: &str, bytes: Vec<u8>) -> Imported {
    let mut b = Builder::new(file);
    let whole = Place::default();
    let opened = shielded(|| Xlsx::new(Cursor::new(bytes))).unwrap_or_else(|| {
        Err(calamine::XlsxError::Unexpected(
            "the reader failed on malformed data",
        ))
    });
    let mut book = match opened {
        Ok(book) => book,
        Err(e) => {
            b.problem(
                whole,
                format!("not a readable XLSX workbook ({e})"),
                Some("give a workbook written by `hrdd export --format xlsx` (or saved as .xlsx by a spreadsheet application)".into()),
            );
            return b.finish(None);
        }
    };
    let names = book.sheet_names();
    let mut grids: HashMap<&'static str, (String, Grid)> = HashMap::new();
    let mut total = 0usize;
    for name in &names {
        let Some(sheet) = layout::SHEETS.iter().find(|s| s.name == name.trim()) else {
            let hint = suggest::did_you_mean(name, layout::SHEETS.iter().map(|s| s.name));
            b.problem(
                Place {
                    sheet: Some(name.clone()),
                    ..Place::default()
                },
                "unknown sheet; hrdd would not import what it holds",
                Some(match hint {
                    Some(h) => format!("did you mean `{h}`? Rename it, or remove the sheet"),
                    None => format!(
                        "the sheets are: {}; remove this one or move its content to one of them",
                        layout::SHEETS.map(|s| s.name).join(", ")
                    ),
                }),
            );
            continue;
        };
        if let Some((first, _)) = grids.get(sheet.name) {
            b.problem(
                Place {
                    sheet: Some(name.clone()),
                    ..Place::default()
                },
                format!("a second sheet for \"{}\" (after \"{first}\")", sheet.name),
                Some("keep one of them".into()),
            );
            continue;
        }
        let mut grid = Grid::default();
        let read = shielded(|| {
            book.worksheet_cells_reader(name).and_then(|mut reader| {
                while let Some(cell) = reader.next_cell()? {
                    if let Some(c) = cell_of(cell.get_value()) {
                        grid.cells.insert(cell.get_position(), c);
                        total += 1;
                        if total > MAX_CELLS {
                            break;
                        }
                    }
                }
                Ok(())
            })
        })
        .unwrap_or(Err(calamine::XlsxError::Unexpected(
            "the reader failed on malformed data",
        )));
        let place = Place {
            sheet: Some(name.clone()),
            ..Place::default()
        };
        if let Err(e) = read {
            b.problem(place, format!("cannot read the sheet ({e})"), None);
            continue;
        }
        if total > MAX_CELLS {
            b.problem(
                place,
                format!(
                    "the workbook has more than {MAX_CELLS} filled cells; hrdd stops reading here"
                ),
                Some("split the assessment, or remove cells outside the table".into()),
            );
            return b.finish(None);
        }
        grids.insert(sheet.name, (name.clone(), grid));
    }
    for sheet in layout::SHEETS {
        if sheet.required && !grids.contains_key(sheet.name) {
            b.problem(
                Place {
                    sheet: Some(sheet.name.to_owned()),
                    ..Place::default()
                },
                "the required sheet is missing",
                Some(format!(
                    "add a sheet named \"{}\" with the columns: {}",
                    sheet.name,
                    header_list(sheet)
                )),
            );
        }
    }
    let empty = Grid::default();
    let grid = |s: &Sheet| grids.get(s.name).map(|(n, g)| (n.clone(), g));
    let assessment = build(
        &mut b,
        &|s| grid(s).unwrap_or_else(|| (s.name.to_owned(), &empty)),
        &|s| grids.contains_key(s.name),
    );
    b.finish(assessment)
}

/// Reads a CSV risk register and puts its risks in place of those of `base`.
pub fn csv(file: &str, text: &str, mut base: Assessment) -> Imported {
    let mut b = Builder::new(file);
    let mut grid = Grid::default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut total = 0usize;
    for (r, record) in reader.records().enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                b.problem(
                    Place {
                        row: Some(r as u32 + 1),
                        ..Place::default()
                    },
                    format!("not readable as CSV ({e})"),
                    Some("save the register as comma-separated UTF-8 CSV".into()),
                );
                return b.finish(None);
            }
        };
        for (c, value) in record.iter().enumerate() {
            total += 1;
            if total > MAX_CELLS {
                b.problem(
                    Place::default(),
                    format!("the register has more than {MAX_CELLS} cells"),
                    Some("split the assessment".into()),
                );
                return b.finish(None);
            }
            // Undo the export's guard against formulas: one leading `'` is not data.
            let value = value.strip_prefix('\'').unwrap_or(value);
            if !value.is_empty() {
                grid.cells
                    .insert((r as u32, c as u32), Cell::Text(value.to_owned()));
            }
        }
    }
    let table = TableReader::new(&mut b, layout::CSV, None, &grid);
    let risks = read_risks(&mut b, &table);
    base.risks = risks;
    b.finish(Some(base))
}

/// Builds the model from the sheets; `grid` gives each sheet (empty when absent).
fn build<'g>(
    b: &mut Builder,
    grid: &dyn Fn(&'static Sheet) -> (String, &'g Grid),
    present: &dyn Fn(&'static Sheet) -> bool,
) -> Option<Assessment> {
    let table = |b: &mut Builder, s: &'static Sheet| {
        let (name, g) = grid(s);
        TableReader::new(b, s, Some(name), g)
    };
    let (meta_name, meta_grid) = grid(&layout::METADATA);
    let meta = if present(&layout::METADATA) {
        read_metadata(b, meta_name, meta_grid)
    } else {
        None
    };
    let assessors = table(b, &layout::ASSESSORS);
    let assessors: Vec<Assessor> = assessors
        .rows()
        .into_iter()
        .filter_map(|r| {
            let name = assessors.text(b, r, "name");
            let role = assessors.text(b, r, "role");
            let external = assessors.flag(b, r, "external").unwrap_or(false);
            Some(Assessor {
                name: name?,
                role,
                external,
            })
        })
        .collect();
    let t = table(b, &layout::PRODUCTS);
    let products_pos = b.pos(t.place(0, "id"));
    let products: Vec<Product> = t
        .rows()
        .into_iter()
        .filter_map(|r| {
            let id = t.id(b, r, "id");
            let name = t.text(b, r, "name");
            let description = t.text(b, r, "description");
            let layer = t.text(b, r, "layer");
            let lifecycle = t.enums(b, r, "lifecycle");
            let markets = t
                .lines(b, r, "markets")
                .map(|m| m.value)
                .unwrap_or_default();
            let confidential = t.flag(b, r, "confidential").unwrap_or(false);
            Some(Product {
                id: id?,
                name: name?,
                description,
                layer,
                lifecycle,
                markets,
                confidential,
            })
        })
        .collect();
    let t = table(b, &layout::RELATIONSHIPS);
    let relationships: Vec<Relationship> = t
        .rows()
        .into_iter()
        .filter_map(|r| {
            let id = t.id(b, r, "id");
            let name = t.text(b, r, "name");
            let kind = t.vocab(b, r, "kind");
            let layer = t.text(b, r, "layer");
            let leverage = t.vocab(b, r, "leverage");
            let crucial = t.flag(b, r, "crucial");
            let notes = t.text(b, r, "notes");
            let confidential = t.flag(b, r, "confidential").unwrap_or(false);
            Some(Relationship {
                id: id?,
                name: name?,
                kind: kind?,
                layer,
                leverage,
                crucial,
                notes,
                confidential,
            })
        })
        .collect();
    let t = table(b, &layout::RIGHTS_HOLDERS);
    let holders_pos = b.pos(t.place(0, "id"));
    let rights_holders: Vec<RightsHolder> = t
        .rows()
        .into_iter()
        .filter_map(|r| {
            let id = t.id(b, r, "id");
            let name = t.text(b, r, "name");
            let category = t.vocab(b, r, "category");
            let vulnerable = t.flag(b, r, "vulnerable").unwrap_or(false);
            let vulnerability = t
                .lines(b, r, "vulnerability")
                .map(|v| v.value)
                .unwrap_or_default();
            let estimated_number = t.int(b, r, "estimated_number");
            let confidential = t.flag(b, r, "confidential").unwrap_or(false);
            Some(RightsHolder {
                id: id?,
                name: name?,
                category,
                vulnerable,
                vulnerability,
                estimated_number,
                confidential,
            })
        })
        .collect();
    let t = table(b, &layout::RIGHTS);
    let rights: Vec<CustomRight> = t
        .rows()
        .into_iter()
        .filter_map(|r| {
            let id = t.id(b, r, "id");
            let name = t.text(b, r, "name");
            let instruments = t.lines(b, r, "instruments");
            let confidential = t.flag(b, r, "confidential").unwrap_or(false);
            Some(CustomRight {
                id: id?,
                name: name?,
                instruments: instruments?,
                confidential,
            })
        })
        .collect();
    let t = table(b, &layout::RISKS);
    let risks = read_risks(b, &t);
    let t = table(b, &layout::MITIGATIONS);
    let mut mitigations: Vec<Mitigation> = t
        .rows()
        .into_iter()
        .filter_map(|r| {
            let id = t.id(b, r, "id");
            let action = t.text(b, r, "action");
            let kind = t.vocab(b, r, "type");
            let owner = t.text(b, r, "owner");
            let due = t.date(b, r, "due");
            let status = t.vocab(b, r, "status");
            let confidential = t.flag(b, r, "confidential").unwrap_or(false);
            Some(Mitigation {
                id: id?,
                action: action?,
                kind: kind?,
                owner: owner?,
                due,
                status: status?,
                indicators: Vec::new(),
                confidential,
            })
        })
        .collect();
    let t = table(b, &layout::INDICATORS);
    let index = first_index(mitigations.iter().map(|m| m.id.value.as_str()));
    for r in t.rows() {
        let parent = t.id(b, r, "mitigation");
        let name = t.text(b, r, "name");
        let kind = t.vocab(b, r, "kind");
        let target = t.text(b, r, "target");
        let current = t.text(b, r, "current");
        let source = t.vocab(b, r, "source");
        let (Some(parent), Some(name), Some(kind)) = (parent, name, kind) else {
            continue;
        };
        match index
            .get(parent.value.as_str())
            .and_then(|i| mitigations.get_mut(*i))
        {
            Some(m) => m.indicators.push(Indicator {
                name,
                kind,
                target,
                current,
                source,
            }),
            None => b.problem(
                t.place(r, "mitigation"),
                format!(
                    "no mitigation `{}` on the sheet \"Mitigations\"",
                    parent.value
                ),
                suggest::help(
                    &parent.value,
                    mitigations.iter().map(|m| m.id.value.as_str()),
                )
                .or_else(|| Some("give the id of a mitigation the indicator tracks".into())),
            ),
        }
    }
    let t = table(b, &layout::REMEDY_CHANNELS);
    let remedy_channels: Vec<RemedyChannel> = t
        .rows()
        .into_iter()
        .filter_map(|r| {
            let id = t.id(b, r, "id");
            let name = t.text(b, r, "name");
            let kind = t.vocab(b, r, "kind");
            let accessible_to = t
                .ids(b, r, "accessible_to")
                .map(|v| v.value)
                .unwrap_or_default();
            let languages = t
                .lines(b, r, "languages")
                .map(|v| v.value)
                .unwrap_or_default();
            let anonymous = t.flag(b, r, "anonymous");
            let e = Effectiveness {
                legitimate: t.vocab(b, r, "legitimate"),
                accessible: t.vocab(b, r, "accessible"),
                predictable: t.vocab(b, r, "predictable"),
                equitable: t.vocab(b, r, "equitable"),
                transparent: t.vocab(b, r, "transparent"),
                rights_compatible: t.vocab(b, r, "rights-compatible"),
                continuous_learning: t.vocab(b, r, "continuous-learning"),
                engagement_and_dialogue: t.vocab(b, r, "engagement-and-dialogue"),
            };
            let first = e.criteria().iter().find_map(|(_, _, c)| c.map(|c| c.pos));
            let effectiveness = first.map(|pos| Spanned::new(e, pos));
            let confidential = t.flag(b, r, "confidential").unwrap_or(false);
            Some(RemedyChannel {
                id: id?,
                name: name?,
                kind: kind?,
                accessible_to,
                languages,
                anonymous,
                effectiveness,
                confidential,
            })
        })
        .collect();
    let t = table(b, &layout::ENGAGEMENTS);
    let mut engagements: Vec<Engagement> = t
        .rows()
        .into_iter()
        .filter_map(|r| {
            let id = t.id(b, r, "id");
            let date = t.date(b, r, "date");
            let rights_holders = t
                .ids(b, r, "rights_holders")
                .map(|v| v.value)
                .unwrap_or_default();
            let method = t.vocab(b, r, "method");
            let summary = t.text(b, r, "summary");
            let outcome = t.text(b, r, "outcome");
            let confidential = t.flag(b, r, "confidential").unwrap_or(false);
            Some(Engagement {
                id: id?,
                date: date?,
                rights_holders,
                organisations: Vec::new(),
                method: method?,
                summary: summary?,
                outcome,
                confidential,
            })
        })
        .collect();
    let t = table(b, &layout::ORGANISATIONS);
    let index = first_index(engagements.iter().map(|e| e.id.value.as_str()));
    for r in t.rows() {
        let parent = t.id(b, r, "engagement");
        let name = t.text(b, r, "name");
        let confidential = t.flag(b, r, "confidential").unwrap_or(false);
        let (Some(parent), Some(name)) = (parent, name) else {
            continue;
        };
        match index
            .get(parent.value.as_str())
            .and_then(|i| engagements.get_mut(*i))
        {
            Some(e) => e.organisations.push(Spanned::new(
                Organisation {
                    name: name.value,
                    confidential,
                },
                name.pos,
            )),
            None => b.problem(
                t.place(r, "engagement"),
                format!(
                    "no engagement `{}` on the sheet \"Engagements\"",
                    parent.value
                ),
                suggest::help(
                    &parent.value,
                    engagements.iter().map(|e| e.id.value.as_str()),
                )
                .or_else(|| {
                    Some("give the id of the engagement the organisation took part in".into())
                }),
            ),
        }
    }
    let (hrdd, mut meta) = meta?;
    meta.assessors = assessors;
    Some(Assessment {
        hrdd,
        assessment: meta,
        products: Spanned::new(products, products_pos),
        relationships,
        rights_holders: Spanned::new(rights_holders, holders_pos),
        rights,
        risks,
        mitigations,
        remedy_channels,
        engagements,
    })
}

/// The position of the first item with each id (a duplicate id is for the rules to report).
fn first_index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut index = HashMap::new();
    for (i, id) in ids.enumerate() {
        index.entry(id.to_owned()).or_insert(i);
    }
    index
}

fn read_risks(b: &mut Builder, t: &TableReader<'_>) -> Vec<Risk> {
    t.rows()
        .into_iter()
        .filter_map(|r| {
            let id = t.id(b, r, "id");
            let title = t.text(b, r, "title");
            let description = t.text(b, r, "description");
            let products = t.ids(b, r, "products");
            let rights = t.ids(b, r, "rights");
            let rights_holders = t.ids(b, r, "rights_holders");
            let impact = t.vocab(b, r, "impact");
            let involvement = t.vocab(b, r, "involvement");
            let relationships = t
                .ids(b, r, "relationships")
                .map(|v| v.value)
                .unwrap_or_default();
            let scale = t.int(b, r, "severity.scale");
            let scope = t.int(b, r, "severity.scope");
            let remediability = t.int(b, r, "severity.remediability");
            let rationale = t.text(b, r, "severity.rationale");
            let likelihood = t.int(b, r, "likelihood");
            let residual_likelihood = t.int(b, r, "residual_likelihood");
            let mitigations = t
                .ids(b, r, "mitigations")
                .map(|v| v.value)
                .unwrap_or_default();
            let remedy = t.ids(b, r, "remedy").map(|v| v.value).unwrap_or_default();
            let engagements = t
                .ids(b, r, "engagements")
                .map(|v| v.value)
                .unwrap_or_default();
            let status = t.vocab(b, r, "status");
            let confidential = t.flag(b, r, "confidential").unwrap_or(false);
            let scale = scale?;
            let severity_pos = scale.pos;
            Some(Risk {
                id: id?,
                title: title?,
                description,
                products: products?,
                rights: rights?,
                rights_holders: rights_holders?,
                impact: impact?,
                involvement: involvement?,
                relationships,
                severity: Spanned::new(
                    Severity {
                        scale,
                        scope: scope?,
                        remediability: remediability?,
                        rationale,
                    },
                    severity_pos,
                ),
                likelihood,
                residual_likelihood,
                mitigations,
                remedy,
                engagements,
                status,
                confidential,
            })
        })
        .collect()
}

/// The key/value metadata sheet.
fn read_metadata(b: &mut Builder, name: String, grid: &Grid) -> Option<(Spanned<i64>, Meta)> {
    let t = TableReader::new(b, &layout::METADATA, Some(name.clone()), grid);
    let (Some(&kc), vc) = (t.columns.get("field"), t.columns.get("value").copied()) else {
        return None;
    };
    // The rows of the sheet, keyed by field, each as its value cell's reader position.
    let mut rows: HashMap<&'static str, u32> = HashMap::new();
    for r in grid.data_rows() {
        let value_blank = vc.is_none_or(|c| grid.get(r, c).is_none());
        let Some(key_cell) = grid.get(r, kc) else {
            if !value_blank {
                b.problem(
                    t.place(r, "field"),
                    "a value without a field name",
                    Some("write the field in column A, or clear the row".into()),
                );
            }
            continue;
        };
        let key = key_cell.text().unwrap_or_default().trim().to_owned();
        match layout::METADATA_KEYS.iter().find(|k| k.header == key) {
            Some(k) if rows.contains_key(k.header) => b.problem(
                t.place(r, "field"),
                format!("the field `{key}` appears twice"),
                Some("keep one row for it".into()),
            ),
            Some(k) => {
                rows.insert(k.header, r);
            }
            None => b.problem(
                t.place(r, "field"),
                format!("unknown field `{key}`"),
                Some(
                    suggest::help(&key, layout::METADATA_KEYS.iter().map(|k| k.header))
                        .unwrap_or_else(|| {
                            format!(
                                "the fields are: {}",
                                layout::METADATA_KEYS
                                    .iter()
                                    .map(|k| k.header)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        }),
                ),
            ),
        }
    }
    // Each field is read through a one-column view in which its kind and header are the key's.
    let sheet_name = Some(name);
    let get = |b: &mut Builder, key: &'static str| -> Option<(u32, &'static Column)> {
        let column = layout::METADATA_KEYS.iter().find(|k| k.header == key)?;
        match rows.get(key) {
            Some(r) => Some((*r, column)),
            None => {
                if column.required {
                    b.problem(
                        Place {
                            sheet: sheet_name.clone(),
                            ..Place::default()
                        },
                        format!("the required field `{key}` is missing"),
                        Some(format!(
                            "add a row with `{key}` in column A and {} in column B",
                            column.kind.expected()
                        )),
                    );
                }
                None
            }
        }
    };
    let value_col = vc.unwrap_or(1);
    let read = |b: &mut Builder, key: &'static str, row_col: Option<(u32, &'static Column)>| {
        let (r, column) = row_col?;
        let place = Place {
            sheet: sheet_name.clone(),
            row: Some(r + 1),
            column: Some(value_col),
            header: Some(key.to_owned()),
        };
        match grid.get(r, value_col) {
            None => {
                if column.required {
                    b.problem(
                        place,
                        format!("`{key}` is required but the cell is empty"),
                        Some(format!("write {}", column.kind.expected())),
                    );
                }
                None
            }
            Some(cell) => Some((cell.clone(), place, column)),
        }
    };
    macro_rules! field {
        ($key:literal, $parse:expr) => {{
            let rc = get(b, $key);
            match read(b, $key, rc) {
                Some((cell, place, column)) => match $parse(&cell) {
                    Ok(v) => {
                        let pos = b.pos(place);
                        Some(Spanned::new(v, pos))
                    }
                    Err(expected) => {
                        b.problem(
                            place,
                            format!("expected {expected}, found {}", cell.shown()),
                            Some(hint(column.kind, &cell)),
                        );
                        None
                    }
                },
                None => None,
            }
        }};
    }
    let day = |c: &Cell| text(c).map(|s| Day::parse(s.trim()));
    let hrdd = field!("hrdd", integer);
    let id = field!("id", |c: &Cell| text(c).map(|s| s.trim().to_owned()));
    let title = field!("title", text);
    let organization = field!("organization", text);
    let version = field!("version", text);
    let status = field!("status", vocab);
    let assessed_on = field!("assessed_on", day);
    let next_review = field!("next_review", day);
    let owner = field!("owner", text);
    let scope = field!("scope", text);
    let trigger = field!("trigger", vocab);
    let by = field!("approval.by", text);
    let on = field!("approval.on", day);
    let frameworks = field!("frameworks", |c: &Cell| {
        split_ids(&text(c)?)
            .iter()
            .map(|s| vocab(&Cell::Text(s.clone())))
            .collect::<Result<Vec<_>, String>>()
    });
    let previous = field!("previous", text);
    let approval = match (by, on) {
        (Some(by), Some(on)) => Some(Approval { by, on }),
        (None, None) => None,
        (by, _) => {
            let missing = if by.is_none() {
                "approval.by"
            } else {
                "approval.on"
            };
            // A value that is there but unreadable has been reported already.
            let absent = rows
                .get(missing)
                .is_none_or(|r| grid.get(*r, value_col).is_none());
            if absent {
                b.problem(
                    Place {
                        sheet: sheet_name.clone(),
                        ..Place::default()
                    },
                    format!(
                        "`{missing}` is missing: an approval needs both `approval.by` and `approval.on`"
                    ),
                    Some(format!(
                        "add a row for `{missing}`, or clear the other approval row"
                    )),
                );
            }
            None
        }
    };
    let frameworks = frameworks.map_or_else(Vec::new, |f| {
        let pos = f.pos;
        f.value.into_iter().map(|v| Spanned::new(v, pos)).collect()
    });
    Some((
        hrdd?,
        Meta {
            id: id?,
            title: title?,
            organization: organization?,
            version: version?,
            status: status?,
            assessed_on: assessed_on?,
            next_review: next_review?,
            owner: owner?,
            scope,
            trigger,
            assessors: Vec::new(),
            approval,
            frameworks,
            previous,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Assessment {
        let source = crate::load::SourceFile {
            name: "valid.yaml".into(),
            text: include_str!("../../tests/fixtures/valid.yaml").into(),
        };
        crate::load::parse(&source).expect("the fixture parses")
    }

    #[test]
    fn numbers_read_as_text_as_a_spreadsheet_shows_them() {
        assert_eq!(Cell::Float(2026.0).text().as_deref(), Some("2026"));
        assert_eq!(Cell::Float(1.5).text().as_deref(), Some("1.5"));
        assert_eq!(Cell::Int(7).text().as_deref(), Some("7"));
        assert_eq!(Cell::Bool(true).text(), None);
        assert_eq!(integer(&Cell::Float(3.0)), Ok(3));
        assert!(integer(&Cell::Float(3.5)).is_err());
        assert!(integer(&Cell::Text("high".into())).is_err());
    }

    #[test]
    fn booleans_in_the_usual_spellings() {
        for (cell, value) in [
            (Cell::Bool(true), true),
            (Cell::Text("TRUE".into()), true),
            (Cell::Text(" yes ".into()), true),
            (Cell::Int(0), false),
            (Cell::Text("False".into()), false),
        ] {
            assert_eq!(boolean(&cell), Ok(value), "{cell:?}");
        }
        assert!(boolean(&Cell::Text("maybe".into())).is_err());
    }

    #[test]
    fn id_lists_split_on_semicolons_and_lines() {
        assert_eq!(split_ids("a; b;;\nc\r\n d "), ["a", "b", "c", "d"]);
        assert!(split_ids(" ; ").is_empty());
    }

    #[test]
    fn places_name_sheet_row_column_and_header() {
        let place = Place {
            sheet: Some("Risks".into()),
            row: Some(7),
            column: Some(5),
            header: Some("likelihood".into()),
        };
        assert_eq!(
            place.to_string(),
            "sheet \"Risks\", row 7, column F (likelihood)"
        );
        assert_eq!(Place::default().to_string(), "");
    }

    #[test]
    fn a_register_with_too_many_cells_is_refused() {
        let text = format!("id\n{}\n", "x,".repeat(MAX_CELLS + 1));
        let imported = csv("huge.csv", &text, base());
        assert!(imported.assessment.is_none());
        assert!(
            imported.problems[0].message.contains("more than"),
            "{:?}",
            imported.problems
        );
    }

    #[test]
    fn rule_findings_are_traced_to_their_cells() {
        let text = "id,title,products,rights,rights_holders,impact,involvement,\
                    severity.scale,severity.scope,severity.remediability,likelihood\n\
                    R-9,T,messenger,privacy,users,potential,cause,4,3,2,9\n";
        let imported = csv("r.csv", text, base());
        let a = imported.assessment.as_ref().expect("imported");
        let d = crate::rules::check(
            a,
            &crate::rules::Context {
                today: "2026-11-23".parse().expect("date"),
                method: &crate::score::Method::SeverityFirst,
                levels: &crate::config::Config::default().levels,
            },
        );
        let likelihood = d
            .iter()
            .map(|d| imported.locate(d, Some("valid.yaml")))
            .find(|p| p.message.contains("likelihood"))
            .expect("a likelihood finding");
        let place = likelihood.place.expect("a cell");
        assert_eq!((place.row, place.column), (Some(2), Some(10)));
        assert_eq!(likelihood.file, "r.csv");
    }
}
