//! Calendar dates as written in an assessment.

use std::fmt;

pub use jiff::civil::Date;

/// A `YYYY-MM-DD` value: the text as written and, when it names a real day, the date.
///
/// An impossible date is kept (not rejected while parsing) so that validation can report
/// every bad date of a file in one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    raw: String,
    date: Option<Date>,
}

impl Day {
    /// Reads `YYYY-MM-DD`; anything else is kept as an invalid day.
    pub fn parse(raw: &str) -> Self {
        Self {
            raw: raw.to_owned(),
            date: parse_date(raw).ok(),
        }
    }

    /// The date, when the text names a real day.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// The text as written.
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

impl From<Date> for Day {
    fn from(date: Date) -> Self {
        Self {
            raw: date.to_string(),
            date: Some(date),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

/// A date is a `YYYY-MM-DD` string (a YAML date written without quotes reads as one).
impl schemars::JsonSchema for Day {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        })
    }
}

/// Parses a strict `YYYY-MM-DD` date, explaining what is wrong otherwise.
pub fn parse_date(raw: &str) -> Result<Date, String> {
    let b = raw.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(format!("`{raw}` is not a date of the form YYYY-MM-DD"));
    }
    let num = |r: std::ops::Range<usize>| raw[r].parse::<i16>().unwrap_or(0);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    Date::new(y, m as i8, d as i8).map_err(|_| {
        if !(1..=12).contains(&m) {
            format!("`{raw}` is not a real date: there is no month {m}")
        } else {
            format!("`{raw}` is not a real date: that month has no day {d}")
        }
    })
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(Day::parse(raw.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_days_and_rejects_impossible_ones() {
        assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(parse_date("2026-02-29").unwrap_err().contains("no day 29"));
        assert!(
            parse_date("2026-13-01")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(parse_date("2026-1-01").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("tomorrow").is_err());
    }
}
