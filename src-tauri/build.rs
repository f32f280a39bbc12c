//! Declares the app's own commands so each gets an `allow-<command>` permission: a command not
//! listed in a capability is refused at the IPC boundary. The names come from the one command
//! list, which this script includes (`cargo xtask bindings` writes the capability from the same
//! list, and `cargo xtask test` fails when it drifts).

include!("crates/app/src/commands.rs");

macro_rules! command_names {
    ($(
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $out:ty ;
        $effect:ident [ $($topic:ident),* ] = $kind:ident { $($body:tt)* }
    )*) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = for_each_command!(command_names);

fn main() {
    println!("cargo:rerun-if-changed=crates/app/src/commands.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
