//! A real browser renders the HTML report: headless Chromium dumps the DOM and takes a
//! screenshot. `.ci/run` installs Chromium; only a local run without it (and without `CI`)
//! skips, with a notice.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{examples, root, run};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .find(|p| p.is_file())
}

/// Runs Chromium headless on `page` with `extra` flags; returns stdout.
fn headless(chromium: &Path, profile: &Path, extra: &[String], page: &Path) -> String {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut { stdout }, &mut s).map(|_| s)
    });
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(status) => {
                assert!(status.success(), "chromium failed: {status}");
                break;
            }
            None if Instant::now() > deadline => {
                let _ = child.kill();
                panic!("chromium did not finish within 180 s");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    reader
        .join()
        .expect("reader thread")
        .expect("chromium's output is UTF-8")
}

/// The largest input available: an example when there are any.
fn largest_input() -> PathBuf {
    let mut candidates = examples();
    candidates.push(PathBuf::from("tests/fixtures/report/confidential.yaml"));
    candidates
        .into_iter()
        .max_by_key(|p| std::fs::metadata(root().join(p)).map_or(0, |m| m.len()))
        .expect("an input")
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

#[test]
fn chromium_renders_the_html_report() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed; .ci/run installs it (apt-get install chromium)"
        );
        eprintln!("NOTICE: chromium not found; skipping the browser test (CI installs it)");
        return;
    };
    let input = largest_input();
    let file = input.to_str().expect("utf-8");
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("report.html");
    let out = run(&[
        "report",
        file,
        "--format",
        "html",
        "--audience",
        "internal",
        "-o",
        page.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);

    let dom = headless(
        &chromium,
        &dir.path().join("profile-dom"),
        &["--dump-dom".to_owned()],
        &page,
    );
    assert!(dom.contains("<svg"), "the heat map is in the DOM");
    let ranking = run(&["assess", "--format", "json", file]);
    let json: serde_json::Value = serde_json::from_str(&ranking.stdout).expect("json");
    let risks = json["risks"].as_array().expect("risks");
    assert!(!risks.is_empty());
    for r in risks {
        let title = r["title"].as_str().expect("title");
        assert!(
            dom.contains(&escape_text(title)),
            "risk `{title}` is not in the rendered page"
        );
    }

    let png = dir.path().join("report.png");
    headless(
        &chromium,
        &dir.path().join("profile-shot"),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".to_owned(),
        ],
        &page,
    );
    let bytes = std::fs::read(&png).expect("a screenshot");
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!((info.width, info.height), (1280, 2000));
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    let background = pixels[0];
    let ink = pixels.iter().filter(|p| **p != background).count();
    let mut colours: Vec<&[u8]> = pixels.clone();
    colours.sort_unstable();
    colours.dedup();
    // Text, tables and the coloured heat map: far from a blank page.
    assert!(
        ink * 100 > pixels.len() * 3,
        "only {ink} of {} pixels differ from the background",
        pixels.len()
    );
    assert!(colours.len() > 16, "only {} colours", colours.len());
    if let Some(keep) = std::env::var_os("HRDD_SCREENSHOT") {
        std::fs::copy(&png, keep).expect("keep the screenshot");
    }
}
