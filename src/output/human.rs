//! rustc-style diagnostics: `--> path:line:col`, the source line, a caret, the code, the help.

use annotate_snippets::{AnnotationKind, Group, Level as Snip, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Level, Summary};

/// The lines of a file, split once so that each diagnostic finds its line directly.
#[derive(Debug, Default)]
pub struct Lines<'a>(Vec<&'a str>);

impl<'a> Lines<'a> {
    /// Splits `text` into lines.
    pub fn new(text: &'a str) -> Self {
        Lines(text.lines().collect())
    }

    /// Line `n` (1-based).
    fn get(&self, n: u32) -> Option<&'a str> {
        self.0.get((n as usize).checked_sub(1)?).copied()
    }
}

/// Renders one diagnostic; `source` holds the file's lines when its text is available.
pub fn render(d: &Diagnostic, source: Option<&Lines<'_>>, renderer: &Renderer) -> String {
    let level = match d.level {
        Level::Error => Snip::ERROR,
        Level::Warning => Snip::WARNING,
        Level::Info => Snip::INFO,
    };
    let title = level.primary_title(d.message.as_str()).id(d.rule.code());
    let line = source.and_then(|s| s.get(d.pos.line));
    let mut groups = Vec::with_capacity(2);
    match line {
        Some(line) => {
            let span = caret(line, d.pos.column as usize, d.pos.len as usize);
            let mut annotation = AnnotationKind::Primary.span(span);
            if let Some(label) = &d.label {
                annotation = annotation.label(label.as_str());
            }
            groups.push(
                title.element(
                    Snippet::source(line)
                        .line_start(d.pos.line as usize)
                        .path(d.file.as_str())
                        .annotation(annotation),
                ),
            );
        }
        None => groups.push(
            title.element(
                annotate_snippets::Origin::path(d.file.as_str())
                    .line(d.pos.line.max(1) as usize)
                    .char_column(d.pos.column.max(1) as usize),
            ),
        ),
    }
    if let Some(help) = &d.help {
        groups.push(Group::with_title(Snip::HELP.secondary_title(help.as_str())));
    }
    renderer.render(&groups)
}

/// The byte range under the caret: the value at `column` (1-based, in characters).
fn caret(line: &str, column: usize, len: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let end = if len > 0 {
        rest.char_indices()
            .nth(len)
            .map_or(line.len(), |(i, _)| start + i)
    } else {
        let token = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}'))
            .unwrap_or(rest.len());
        start + token.max(rest.chars().next().map_or(0, char::len_utf8))
    };
    start..end.max(start)
}

/// One line per file for a run over several: `path: ok` or `path: 1 error, 2 warnings`.
pub fn file_line(name: &str, diagnostics: &[Diagnostic]) -> String {
    let s = Summary::of(1, diagnostics);
    if s.errors + s.warnings + s.infos == 0 {
        return format!("{name}: ok");
    }
    format!("{name}: {}", counts(&s))
}

fn counts(s: &Summary) -> String {
    let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let mut parts = vec![plural(s.errors, "error"), plural(s.warnings, "warning")];
    if s.infos > 0 {
        parts.push(plural(s.infos, "info"));
    }
    parts.join(", ")
}

/// The closing line: how many files, errors and warnings.
pub fn summary(s: &Summary) -> String {
    let files = format!("{} file{}", s.files, if s.files == 1 { "" } else { "s" });
    format!("{files} checked: {}", counts(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_covers_the_value() {
        assert_eq!(caret("  likelihood: high", 15, 4), 14..18);
        assert_eq!(caret("  likelihood: high", 15, 0), 14..18);
        assert_eq!(caret("  - key: x", 5, 0), 4..7);
        assert_eq!(caret("é: x", 1, 0), 0..2);
        assert_eq!(caret("short", 40, 0), 5..5);
    }
}
