//! `--format github`: GitHub Actions workflow commands, one annotation per finding.
//!
//! `::error file=F,line=L,col=C,endColumn=E,title=CODE name::message`, escaped as the
//! Actions runner requires: `%`, CR and LF in the message; also `:` and `,` in properties.

use crate::diagnostic::{Diagnostic, Level};

/// Every finding as a workflow command line.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let mut props = vec![format!("file={}", property(&d.file))];
        if d.pos.line > 0 {
            props.push(format!("line={}", d.pos.line));
            if d.pos.column > 0 {
                props.push(format!("col={}", d.pos.column));
                if d.pos.len > 0 {
                    props.push(format!("endColumn={}", d.pos.column + d.pos.len));
                }
            }
        }
        props.push(format!(
            "title={}",
            property(&format!("{} {}", d.rule.code(), d.rule.name()))
        ));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    out
}

/// Escapes a message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
