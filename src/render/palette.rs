//! The band colours of every output, so that a band looks the same in a report, its heat map,
//! the ecosystem map and a workbook. `templates/partials/style.css.j2` repeats them as CSS
//! variables (a user's template may change them there).

use crate::score::Band;

/// Light fills: dark text stays readable on them, and the band is always written too.
pub const fn fill(band: Band) -> &'static str {
    match band {
        Band::Critical => "#f2a7a7",
        Band::High => "#f7c99a",
        Band::Medium => "#f6e59f",
        Band::Low => "#cfe5c8",
    }
}

/// Dark tones for strokes and badges, dark enough for white text.
pub const fn dark(band: Band) -> &'static str {
    match band {
        Band::Critical => "#8a1c1c",
        Band::High => "#8a4b0f",
        Band::Medium => "#6b5d0c",
        Band::Low => "#2f5d27",
    }
}

/// The fill of a band given by name (`low` for an unknown name).
pub fn fill_named(name: &str) -> &'static str {
    fill(band_named(name))
}

fn band_named(name: &str) -> Band {
    [Band::Critical, Band::High, Band::Medium]
        .into_iter()
        .find(|b| b.as_str() == name)
        .unwrap_or(Band::Low)
}

/// A colour as `0xRRGGBB`, for formats that take numbers.
pub fn rgb(colour: &str) -> u32 {
    u32::from_str_radix(colour.trim_start_matches('#'), 16).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_variables_match_the_palette() {
        let css = include_str!("../../templates/partials/style.css.j2");
        for band in [Band::Critical, Band::High, Band::Medium, Band::Low] {
            let var = format!("--{}: {};", band.as_str(), fill(band));
            assert!(css.contains(&var), "style.css.j2 lacks `{var}`");
        }
        assert_eq!(rgb("#f2a7a7"), 0xf2a7a7);
        assert_eq!(fill_named("high"), fill(Band::High));
        assert_eq!(fill_named("?"), fill(Band::Low));
    }
}
