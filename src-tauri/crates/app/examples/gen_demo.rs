//! Writes `assets/demo/kernteam-demo.v1.json` from `assets/demo/scenarios.json`: the scenarios
//! go through a throw-away encrypted store exactly as the app writes them, then out as an
//! interchange v1 document. Run after changing the scenarios:
//! `cargo run -p kernteam-app --example gen_demo`.

use kernteam_app::{DataDir, Session, SetupRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scratch = tempfile::tempdir()?;
    let mut session = Session::new(DataDir::new(scratch.path().join("data")));
    session.setup(&SetupRequest {
        passphrase: "een wachtwoord voor de generator".into(),
        use_keyring: false,
    })?;
    let doc = session.generate_demo_document()?;
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../assets/demo/kernteam-demo.v1.json");
    std::fs::write(&out, serde_json::to_string_pretty(&doc)? + "\n")?;
    println!("wrote {}: {} casussen", out.display(), doc.casussen.len());
    Ok(())
}
