//! The scoring methods and their parameters.

use serde::{Deserialize, Serialize};

use super::Band;

/// How severity and bands are computed.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Method {
    #[default]
    /// The default: severity = max of the three dimensions, band from severity alone (UNGP 14, 24).
    SeverityFirst,
    /// A 5×5 severity × likelihood band matrix, for enterprise risk registers.
    Matrix(Matrix),
    /// Severity = weighted mean of the three dimensions, bands by thresholds.
    Weighted(Weighted),
}

impl Method {
    /// The method's name as written in `hrdd.toml` and shown in every output.
    pub const fn name(&self) -> &'static str {
        match self {
            Method::SeverityFirst => "severity-first",
            Method::Matrix(_) => "matrix",
            Method::Weighted(_) => "weighted",
        }
    }

    /// Whether the method departs from UNGP 24's severity-first prioritisation.
    pub const fn departs_from_ungp24(&self) -> bool {
        !matches!(self, Method::SeverityFirst)
    }

    /// The notice every output shows when the method departs from UNGP 24.
    pub fn departure_notice(&self) -> Option<&'static str> {
        match self {
            Method::SeverityFirst => None,
            Method::Matrix(_) => Some(
                "method `matrix` departs from UNGP 24: likelihood can lower a band, so a severe but \
                 unlikely impact may rank below a minor, likely one",
            ),
            Method::Weighted(_) => Some(
                "method `weighted` departs from UNGP 14 and 24: averaging the severity dimensions \
                 lets a mild dimension dilute a grave or irremediable one",
            ),
        }
    }
}

/// Band cells of the `matrix` method: `cells[severity - 1][likelihood - 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub cells: [[Band; 5]; 5],
}

impl Default for Matrix {
    fn default() -> Self {
        use Band::{Critical as C, High as H, Low as L, Medium as M};
        Matrix {
            cells: [
                [L, L, L, L, M],
                [L, L, M, M, M],
                [L, M, M, H, H],
                [M, M, H, H, C],
                [M, H, H, C, C],
            ],
        }
    }
}

/// Weights and band thresholds of the `weighted` method.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weighted {
    #[serde(default)]
    pub weights: Weights,
    #[serde(default)]
    pub thresholds: Thresholds,
}

/// Relative weight of each severity dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub scale: f64,
    pub scope: f64,
    pub remediability: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            scale: 1.0,
            scope: 1.0,
            remediability: 1.0,
        }
    }
}

/// The lowest weighted severity of each band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub critical: f64,
    pub high: f64,
    pub medium: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            critical: 4.5,
            high: 3.5,
            medium: 2.5,
        }
    }
}

impl Weighted {
    /// Checks that weights and thresholds make sense, saying what is wrong.
    pub fn check(&self) -> Result<(), String> {
        let w = &self.weights;
        if [w.scale, w.scope, w.remediability]
            .iter()
            .any(|x| !x.is_finite() || *x < 0.0)
        {
            return Err("weights must be finite numbers of 0 or more".into());
        }
        if w.scale + w.scope + w.remediability <= 0.0 {
            return Err("at least one weight must be above 0".into());
        }
        let t = &self.thresholds;
        if !(t.critical > t.high && t.high > t.medium) {
            return Err("thresholds must satisfy critical > high > medium".into());
        }
        Ok(())
    }

    /// The weighted mean of the three dimensions.
    pub fn severity(&self, scale: u8, scope: u8, remediability: u8) -> f64 {
        let w = &self.weights;
        (w.scale * f64::from(scale)
            + w.scope * f64::from(scope)
            + w.remediability * f64::from(remediability))
            / (w.scale + w.scope + w.remediability)
    }

    /// The band of a weighted severity.
    pub fn band(&self, severity: f64) -> Band {
        let t = &self.thresholds;
        if severity >= t.critical {
            Band::Critical
        } else if severity >= t.high {
            Band::High
        } else if severity >= t.medium {
            Band::Medium
        } else {
            Band::Low
        }
    }
}
