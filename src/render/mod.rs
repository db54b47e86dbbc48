//! Reports: minijinja templates over the redacted view of an assessment.
//!
//! Templates only ever see a [`view::Report`], built per audience before rendering. The
//! built-in templates (the `templates/` folder) are compiled into the binary; a user's
//! directory can override any of them by name.

pub mod changes;
pub mod heatmap;
pub mod palette;
pub mod view;

use std::path::{Path, PathBuf};

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, HtmlEscape, UndefinedBehavior, syntax::SyntaxConfig};

macro_rules! built_in {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),+]
    };
}

/// The built-in templates: name (relative to `templates/`) and text.
pub const BUILT_IN: &[(&str, &str)] = built_in![
    "report.md.j2",
    "report.html.j2",
    "portfolio.md.j2",
    "portfolio.html.j2",
    "partials/board.md.j2",
    "partials/changes.md.j2",
    "partials/risk.md.j2",
    "partials/board.html.j2",
    "partials/changes.html.j2",
    "partials/macros.html.j2",
    "partials/risk.html.j2",
    "partials/style.css.j2",
];

/// The formats a report can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    /// The template that renders a whole report in this format.
    pub const fn template(self) -> &'static str {
        match self {
            Format::Markdown => "report.md.j2",
            Format::Html => "report.html.j2",
        }
    }

    /// The template that renders a portfolio in this format.
    pub const fn portfolio_template(self) -> &'static str {
        match self {
            Format::Markdown => "portfolio.md.j2",
            Format::Html => "portfolio.html.j2",
        }
    }
}

/// A report that could not be rendered (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template `{name}`{}: {message}{}", line.map(|l| format!(", line {l}")).unwrap_or_default(), source_line.as_ref().map(|s| format!("\n  | {s}")).unwrap_or_default())]
    Template {
        name: String,
        line: Option<usize>,
        message: String,
        source_line: Option<String>,
    },
    #[error("templates directory {}: {reason}", path.display())]
    Directory { path: PathBuf, reason: String },
}

impl RenderError {
    /// Names the template and line at the root of a minijinja error.
    fn from_minijinja(e: &minijinja::Error, fallback: &str) -> Self {
        // Errors inside an included template are chained: report the innermost one.
        let mut inner = e;
        while let Some(next) = std::error::Error::source(inner)
            .and_then(|s| s.downcast_ref::<minijinja::Error>())
            .filter(|n| n.name().is_some())
        {
            inner = next;
        }
        let line = inner.line();
        let source_line = inner
            .template_source()
            .zip(line)
            .and_then(|(src, l)| src.lines().nth(l.checked_sub(1)?))
            .map(|s| s.trim().to_owned());
        let message = match inner.detail() {
            Some(d) => format!("{}: {d}", kind_text(inner.kind())),
            None => kind_text(inner.kind()).to_owned(),
        };
        RenderError::Template {
            name: inner.name().unwrap_or(fallback).to_owned(),
            line,
            message,
            source_line,
        }
    }
}

fn kind_text(kind: minijinja::ErrorKind) -> String {
    let text = kind.to_string();
    match kind {
        minijinja::ErrorKind::UndefinedError => {
            format!("{text} (a misspelt variable or attribute? the README lists the context)")
        }
        _ => text,
    }
}

/// Renders views with the built-in templates and, first, those of a user's directory.
pub struct Renderer {
    env: Environment<'static>,
}

impl Renderer {
    /// A renderer that looks in `user_dir` (when given) before the built-in templates.
    pub fn new(user_dir: Option<&Path>) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_debug(true);
        env.set_auto_reload(false);
        if let Ok(syntax) = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        env.add_filter("md", md_inline);
        env.add_filter("md_block", md_block);
        env.add_filter("plural", plural);
        env.add_filter("num", num);
        env.add_filter("md_code", md_code);
        env.add_filter("html_code", html_code);
        let user = match user_dir {
            Some(dir) => {
                if !dir.is_dir() {
                    return Err(RenderError::Directory {
                        path: dir.to_owned(),
                        reason: "not found, or not a directory".into(),
                    });
                }
                Some(minijinja::path_loader(dir))
            }
            None => None,
        };
        env.set_loader(move |name| {
            if let Some(load) = &user
                && let Some(source) = load(name)?
            {
                return Ok(Some(source));
            }
            Ok(built_in(name).map(minijinja::TemplateSource::new))
        });
        Ok(Renderer { env })
    }

    /// Renders `report` in `format`.
    pub fn render(&self, format: Format, report: &view::Report) -> Result<String, RenderError> {
        let name = format.template();
        let template = self
            .env
            .get_template(name)
            .map_err(|e| RenderError::from_minijinja(&e, name))?;
        let svg = heatmap::svg(&report.heatmap);
        let ctx = minijinja::context! {
            heatmap_svg => Value::from_safe_string(svg),
            map_svg => Value::from_safe_string(crate::map::svg::render(&report.map)),
            map_mermaid => crate::map::mermaid::render(&report.map),
            ..Value::from(Serde(report))
        };
        template
            .render(ctx)
            .map_err(|e| RenderError::from_minijinja(&e, name))
    }
}

impl Renderer {
    /// Renders a portfolio of many assessments in `format`.
    pub fn render_portfolio(
        &self,
        format: Format,
        portfolio: &crate::portfolio::Portfolio,
    ) -> Result<String, RenderError> {
        let name = format.portfolio_template();
        let template = self
            .env
            .get_template(name)
            .map_err(|e| RenderError::from_minijinja(&e, name))?;
        template
            .render(Value::from(Serde(portfolio)))
            .map_err(|e| RenderError::from_minijinja(&e, name))
    }
}

/// The text of a built-in template.
pub fn built_in(name: &str) -> Option<&'static str> {
    BUILT_IN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Escapes what would turn one line of text into Markdown or HTML markup (tables included).
fn md_inline(text: &str) -> String {
    md_escape(text).trim().to_owned()
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text whose `backticked` parts are code (hrdd's own messages): code spans kept, the rest
/// escaped like [`md_inline`].
fn md_code(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("`{part}`")
            } else {
                md_escape(part)
            }
        })
        .collect::<Vec<_>>()
        .join("")
}

/// Like [`md_code`] for HTML: escaped text, `backticked` parts in `<code>`.
fn html_code(text: &str) -> Value {
    let html: String = text
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            let escaped = HtmlEscape(part).to_string();
            if i % 2 == 1 {
                format!("<code>{escaped}</code>")
            } else {
                escaped
            }
        })
        .collect();
    Value::from_safe_string(html)
}

/// Keeps the author's Markdown in free text but not raw HTML; continuation lines are indented
/// by `indent` spaces so that the text stays inside a list item.
fn md_block(text: &str, indent: Option<usize>) -> String {
    let pad = " ".repeat(indent.unwrap_or(0));
    text.trim_end()
        .lines()
        .map(|line| line.replace('<', "&lt;").replace('>', "&gt;"))
        .collect::<Vec<_>>()
        .join(&format!("\n{pad}"))
}

/// Groups the digits of a whole number by thousands: 41000000 → "41,000,000".
fn num(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `3|plural("risk")` → "3 risks"; an irregular plural can be given.
fn plural(n: i64, one: &str, many: Option<&str>) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        match many {
            Some(many) => format!("{n} {many}"),
            None => format!("{n} {one}s"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup_but_keeps_text() {
        assert_eq!(
            md_inline("<script>alert(1)</script> | *x*"),
            "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\*"
        );
        assert_eq!(
            md_block("a\n<b>\n**c**", Some(2)),
            "a\n  &lt;b&gt;\n  **c**"
        );
        assert_eq!(plural(1, "risk", None), "1 risk");
        assert_eq!(plural(2, "risk", None), "2 risks");
        assert_eq!(plural(0, "group", Some("groups")), "0 groups");
        assert_eq!(md_code("risk `R_1` lacks *x*"), "risk `R_1` lacks \\*x\\*");
        assert_eq!(
            html_code("`<b>` & <i>").to_string(),
            "<code>&lt;b&gt;</code> &amp; &lt;i&gt;"
        );
        assert_eq!(num(41_000_000), "41,000,000");
        assert_eq!(num(9400), "9,400");
        assert_eq!(num(-120), "-120");
        assert_eq!(num(0), "0");
    }

    #[test]
    fn every_built_in_template_compiles() {
        let r = Renderer::new(None).expect("renderer");
        for (name, _) in BUILT_IN {
            if let Err(e) = r.env.get_template(name) {
                panic!("{}", RenderError::from_minijinja(&e, name));
            }
        }
    }
}
