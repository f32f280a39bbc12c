//! What the process itself does to keep the key and pupil data out of reach: on Linux it is not
//! dumpable (no core dump, no ptrace by other processes of the same user) and its core-file
//! limit is zero. Called first thing by the app and the CLI.

/// Hardens this process; what the system refuses is left as it was (never fatal).
pub fn harden() -> bool {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{
            DumpableBehavior, Resource, Rlimit, set_dumpable_behavior, setrlimit,
        };
        let no_core = setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        )
        .is_ok();
        let not_dumpable = set_dumpable_behavior(DumpableBehavior::NotDumpable).is_ok();
        no_core && not_dumpable
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn the_process_is_not_dumpable_and_leaves_no_core() {
        assert!(super::harden(), "both settings took");
        let dumpable = rustix::process::dumpable_behavior().expect("read back");
        assert_eq!(dumpable, rustix::process::DumpableBehavior::NotDumpable);
        let core = rustix::process::getrlimit(rustix::process::Resource::Core);
        assert_eq!(core.current, Some(0), "no core file");
    }
}
