//! "Did you mean" from edit distance.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lowered = input.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != input)
        .map(|c| {
            let d = strsim::damerau_levenshtein(&lowered, &c.to_lowercase());
            (d, c)
        })
        .filter(|(d, c)| *d <= threshold(input.len().max(c.len())))
        .min_by(|(da, a), (db, b)| da.cmp(db).then_with(|| a.cmp(b)))
        .map(|(_, c)| c)
}

/// Allows one edit in short words, more in longer ones.
fn threshold(len: usize) -> usize {
    match len {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    }
}

/// `did you mean `x`?` as a help line.
pub fn help<'a, I>(input: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(input, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["likelihood", "residual_likelihood", "rights_holders"];
        assert_eq!(did_you_mean("likelyhood", keys), Some("likelihood"));
        assert_eq!(did_you_mean("rightsholders", keys), Some("rights_holders"));
        assert_eq!(did_you_mean("banana", keys), None);
        assert_eq!(did_you_mean("Likelihood", keys), Some("likelihood"));
    }

    #[test]
    fn ties_break_alphabetically() {
        assert_eq!(did_you_mean("ab", ["ac", "aa"]), Some("aa"));
    }
}
