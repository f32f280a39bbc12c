//! Files generated from the Rust types and the one command list: written by `cargo xtask
//! bindings`, compared by `cargo xtask test`.

use std::process::Command;

use anyhow::{Result, bail};

use crate::command::{cargo, cmd, root};

/// Files generated from the Rust types and the one command list: (path in the repo, argument
/// of `gen_bindings`).
const GENERATED: &[(&str, &str)] = &[
    ("ui/src/ipc/gen_types.ts", "ts"),
    ("ui/src/ipc/gen_commands.ts", "client"),
    ("ui/src/i18n/gen_labels_nl.ts", "labels"),
    ("src-tauri/capabilities/main-window.json", "capability"),
    (
        "assets/schema/kernteam-interchange-v1.schema.json",
        "schema",
    ),
    (
        "assets/schema/kernteam-interchange-v2.schema.json",
        "schema-v2",
    ),
];

fn generated(kind: &str) -> Result<String> {
    // `--examples` resolves features as the whole-workspace build does: nothing rebuilds.
    cmd(&mut cargo(&[
        "build",
        "--quiet",
        "--workspace",
        "--examples",
    ]))?;
    let out = Command::new(root().join("target/debug/examples/gen_bindings"))
        .arg(kind)
        .current_dir(root())
        .output()?;
    if !out.status.success() {
        bail!(
            "generating {kind} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8(out.stdout)?)
}

pub fn write_bindings() -> Result<()> {
    for (path, kind) in GENERATED {
        let target = root().join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(target, generated(kind)?)?;
        eprintln!("xtask: wrote {path}");
    }
    Ok(())
}

pub fn check_bindings() -> Result<()> {
    for (path, kind) in GENERATED {
        let committed = std::fs::read_to_string(root().join(path)).unwrap_or_default();
        if committed != generated(kind)? {
            bail!(
                "{path} is out of date with the Rust types or the command list: run `cargo xtask bindings` and commit it"
            );
        }
    }
    Ok(())
}
