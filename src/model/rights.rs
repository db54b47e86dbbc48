//! The built-in rights catalogue (methodology.md, "Rights catalogue").

use serde::Serialize;

/// A right with the instruments that ground it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Right {
    pub id: &'static str,
    pub name: &'static str,
    pub instruments: &'static [&'static str],
}

const fn right(
    id: &'static str,
    name: &'static str,
    instruments: &'static [&'static str],
) -> Right {
    Right {
        id,
        name,
        instruments,
    }
}

/// The 28 rights every assessment can reference without defining them.
pub const BUILT_IN_RIGHTS: &[Right] = &[
    right("life", "life", &["UDHR 3", "ICCPR 6", "CRC 6"]),
    right(
        "integrity",
        "freedom from torture and ill-treatment; physical and mental integrity",
        &["UDHR 5", "ICCPR 7", "CAT"],
    ),
    right(
        "liberty-security",
        "liberty and security of person",
        &["UDHR 3, 9", "ICCPR 9"],
    ),
    right(
        "no-forced-labour",
        "freedom from slavery, servitude, forced labour, trafficking",
        &["UDHR 4", "ICCPR 8", "ILO C29, P29, C105"],
    ),
    right(
        "non-discrimination",
        "equality and non-discrimination",
        &[
            "UDHR 2, 7",
            "ICCPR 2, 26",
            "ICESCR 2",
            "ICERD",
            "CEDAW",
            "CRPD 5",
            "ILO C100, C111",
        ],
    ),
    right(
        "privacy",
        "privacy, family, home, correspondence",
        &["UDHR 12", "ICCPR 17", "CRC 16"],
    ),
    right(
        "data-protection",
        "protection of personal data",
        &["EU Charter 8", "CoE Convention 108+"],
    ),
    right(
        "thought-opinion",
        "thought, conscience, religion; holding opinions without interference",
        &["UDHR 18, 19", "ICCPR 18, 19(1)"],
    ),
    right(
        "expression",
        "expression; seeking, receiving and imparting information",
        &["UDHR 19", "ICCPR 19(2)"],
    ),
    right("assembly", "peaceful assembly", &["UDHR 20", "ICCPR 21"]),
    right(
        "association",
        "association, including trade unions",
        &["UDHR 20, 23(4)", "ICCPR 22", "ICESCR 8", "ILO C87, C98"],
    ),
    right(
        "participation",
        "taking part in public affairs; voting and being elected",
        &["UDHR 21", "ICCPR 25"],
    ),
    right(
        "fair-trial",
        "fair hearing, presumption of innocence, due process",
        &["UDHR 10, 11", "ICCPR 14"],
    ),
    right(
        "effective-remedy",
        "an effective remedy",
        &["UDHR 8", "ICCPR 2(3)"],
    ),
    right("movement", "freedom of movement", &["UDHR 13", "ICCPR 12"]),
    right(
        "asylum",
        "seeking asylum; non-refoulement",
        &["UDHR 14", "Refugee Convention 33"],
    ),
    right("property", "property", &["UDHR 17"]),
    right(
        "work",
        "work and gaining a living",
        &["UDHR 23(1)", "ICESCR 6"],
    ),
    right(
        "just-conditions",
        "just and favourable conditions of work, safety and health at work",
        &["UDHR 23, 24", "ICESCR 7", "ILO C155, C187, C190"],
    ),
    right(
        "child-labour",
        "freedom from child labour and economic exploitation",
        &["ICESCR 10(3)", "CRC 32", "ILO C138, C182"],
    ),
    right(
        "social-security",
        "social security",
        &["UDHR 22", "ICESCR 9"],
    ),
    right(
        "standard-of-living",
        "adequate standard of living",
        &["UDHR 25", "ICESCR 11"],
    ),
    right(
        "health",
        "highest attainable standard of physical and mental health",
        &["UDHR 25", "ICESCR 12", "CRC 24", "CRPD 25"],
    ),
    right(
        "education",
        "education",
        &["UDHR 26", "ICESCR 13", "CRC 28, 29"],
    ),
    right(
        "culture-science",
        "cultural life; benefiting from scientific progress; authors' interests",
        &["UDHR 27", "ICESCR 15", "ICCPR 27"],
    ),
    right(
        "child-rights",
        "best interests of the child, being heard, protection from violence and exploitation",
        &["CRC 3, 12, 19, 34", "CRC General Comment 25"],
    ),
    right(
        "disability-access",
        "accessibility and independent living",
        &["CRPD 9, 19, 21"],
    ),
    right(
        "self-determination",
        "self-determination; Indigenous peoples' free, prior and informed consent",
        &["ICCPR 1", "ICESCR 1", "UNDRIP"],
    ),
];

/// Looks up a built-in right by id.
pub fn built_in_right(id: &str) -> Option<&'static Right> {
    BUILT_IN_RIGHTS.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_28_unique_rights() {
        assert_eq!(BUILT_IN_RIGHTS.len(), 28);
        let mut ids: Vec<_> = BUILT_IN_RIGHTS.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 28);
    }
}
