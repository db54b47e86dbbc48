//! `--format junit`: one test suite per file, one test case per rule that ran on it.
//!
//! A rule with findings at or above the failing level is a failure (all its findings in the
//! description); findings below that level go to the test case's system-out.

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::FileFindings;
use crate::diagnostic::{Diagnostic, Level};

/// The JUnit XML report; `fail_on` is the lowest level that fails.
pub fn render(files: &[FileFindings<'_>], fail_on: Level) -> String {
    let mut report = Report::new("hrdd");
    for file in files {
        let mut suite = TestSuite::new(file.name);
        for rule in &file.rules {
            let found: Vec<&Diagnostic> = file
                .diagnostics
                .iter()
                .filter(|d| d.rule == *rule)
                .collect();
            let (failing, other): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
                found.into_iter().partition(|d| d.level >= fail_on);
            let status = match failing.first() {
                None => TestCaseStatus::success(),
                Some(first) => {
                    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    let message = if failing.len() == 1 {
                        first.message.clone()
                    } else {
                        format!("{} findings; first: {}", failing.len(), first.message)
                    };
                    status
                        .set_message(message)
                        .set_type(rule.code())
                        .set_description(lines(&failing));
                    status
                }
            };
            let mut case = TestCase::new(format!("{} {}", rule.code(), rule.name()), status);
            case.set_classname(file.name);
            if !other.is_empty() {
                case.set_system_out(lines(&other));
            }
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    report
        .to_string()
        .unwrap_or_else(|e| format!("<!-- cannot write the JUnit report: {e} -->\n"))
}

/// `file:line:col: level[CODE]: message` lines, with help.
fn lines(found: &[&Diagnostic]) -> String {
    found
        .iter()
        .map(|d| {
            let mut line = format!(
                "{}:{}:{}: {}[{}]: {}",
                d.file,
                d.pos.line,
                d.pos.column,
                d.level,
                d.rule.code(),
                d.message
            );
            if let Some(help) = &d.help {
                line.push_str("\n  help: ");
                line.push_str(help);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
