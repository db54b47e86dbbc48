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

/// The ecosystem map inside the HTML report: in the DOM with a node per risk, and drawn,
/// with the rank badges of its risk boxes in their band colours, one above the other.
#[test]
fn chromium_renders_the_ecosystem_map_in_the_report() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed; .ci/run installs it (apt-get install chromium)"
        );
        eprintln!("NOTICE: chromium not found; skipping the browser test (CI installs it)");
        return;
    };
    let file = "examples/telecom-operator.yaml";
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("report.html");
    let out = run(&[
        "report",
        file,
        "--format",
        "html",
        "-o",
        page.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ranking = run(&["assess", "--format", "json", file]);
    let json: serde_json::Value = serde_json::from_str(&ranking.stdout).expect("json");
    let risks = json["risks"].as_array().expect("risks").len();
    assert!(risks >= 5);

    let dom = headless(
        &chromium,
        &dir.path().join("profile-dom"),
        &["--dump-dom".to_owned()],
        &page,
    );
    let start = dom
        .find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ecosystem-map\"")
        .expect("the map's svg is in the DOM");
    let end = start + dom[start..].find("</svg>").expect("the svg ends");
    let svg = &dom[start..end];
    assert_eq!(svg.matches("class=\"map-risk\"").count(), risks);
    assert!(svg.contains("class=\"map-product\""));
    assert!(svg.contains("class=\"map-relationship\""));
    assert!(svg.contains("class=\"map-holder\""));
    assert!(svg.contains("class=\"map-link\""));

    let png = dir.path().join("report.png");
    let (width, height) = (1280, 4400);
    headless(
        &chromium,
        &dir.path().join("profile-shot"),
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
        ],
        &page,
    );
    let bytes = std::fs::read(&png).expect("a screenshot");
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let row_len = info.width as usize * channels;
    // The badges' dark band colours appear nowhere else in the report (the critical one is
    // also the border of vulnerable groups, so it is left out).
    let badged = json["risks"]
        .as_array()
        .expect("risks")
        .iter()
        .filter(|r| r["band"] != "critical")
        .count();
    assert!(badged >= 4);
    let badges: [[u8; 3]; 3] = [[0x8a, 0x4b, 0x0f], [0x6b, 0x5d, 0x0c], [0x2f, 0x5d, 0x27]];
    let (w, h) = (info.width as usize, info.height as usize);
    let mut is_badge = vec![false; w * h];
    for (y, row) in buf[..info.buffer_size()].chunks(row_len).enumerate() {
        for (x, px) in row.chunks(channels).enumerate() {
            is_badge[y * w + x] = badges.iter().any(|c| px[..3] == c[..]);
        }
    }
    // Inside a solid block of badge colour: box outlines and the legend's swatch borders
    // share the colours but are thin.
    let mut solid: Vec<(usize, usize)> = Vec::new();
    for y in 0..h.saturating_sub(6) {
        for x in 0..w.saturating_sub(6) {
            if [(0, 0), (6, 0), (0, 6), (6, 6)]
                .iter()
                .all(|(dx, dy)| is_badge[(y + dy) * w + x + dx])
            {
                solid.push((x, y));
            }
        }
    }
    assert!(
        solid.len() > badged * 500,
        "only {} pixels of rank badges for {badged} risks",
        solid.len()
    );
    // The badges stand in one column, one risk box under another.
    let left = solid.iter().map(|p| p.0).min().expect("a badge");
    let right = solid.iter().map(|p| p.0).max().expect("a badge");
    let top = solid.iter().map(|p| p.1).min().expect("a badge");
    let bottom = solid.iter().map(|p| p.1).max().expect("a badge");
    assert!(right - left < 40, "badges span columns {left}..{right}");
    assert!(
        bottom - top > badged * 40,
        "badges span rows {top}..{bottom}"
    );
    if let Some(keep) = std::env::var_os("HRDD_MAP_SCREENSHOT") {
        // The map, from a little above the first badge to its legend.
        let from = top.saturating_sub(560);
        let to = (bottom + 520).min(info.height as usize);
        let file = std::fs::File::create(keep).expect("create the screenshot");
        let mut encoder = png::Encoder::new(file, info.width, (to - from) as u32);
        encoder.set_color(info.color_type);
        encoder.set_depth(info.bit_depth);
        let mut writer = encoder.write_header().expect("png header");
        writer
            .write_image_data(&buf[from * row_len..to * row_len])
            .expect("png data");
    }
}
