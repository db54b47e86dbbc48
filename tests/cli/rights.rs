//! `hrdd rights`: the built-in catalogue.

use crate::support::run;

#[test]
fn the_catalogue_lists_28_rights_with_instruments() {
    let out = run(&["rights", "--format", "json"]);
    assert_eq!(out.code, 0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let rights = json["rights"].as_array().expect("rights");
    assert_eq!(rights.len(), 28);
    let privacy = rights
        .iter()
        .find(|r| r["id"] == "privacy")
        .expect("privacy");
    assert_eq!(
        privacy["instruments"],
        serde_json::json!(["UDHR 12", "ICCPR 17", "CRC 16"])
    );
    assert!(
        rights
            .iter()
            .all(|r| !r["instruments"].as_array().expect("list").is_empty())
    );
}

#[test]
fn the_table_shows_every_right() {
    let out = run(&["rights"]);
    assert_eq!(out.code, 0);
    for id in [
        "life",
        "non-discrimination",
        "self-determination",
        "child-rights",
    ] {
        assert!(out.stdout.contains(id), "{id}");
    }
    assert!(out.stdout.contains("28 built-in rights"));
}
