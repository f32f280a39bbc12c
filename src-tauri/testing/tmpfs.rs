//! A small tmpfs of its own, for the disk-full tests of several crates (each takes this file in
//! with `#[path]`). Mounting needs root, which `cargo xtask test` has on CI and here.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None`, said on stderr, where this machine refuses the mount (not root).
    pub fn mount(size_kib: u64) -> Option<Self> {
        let dir = tempfile::tempdir().expect("mount point");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size_kib}k")])
            .arg("kernteam-test")
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("SKIPPED: no tmpfs could be mounted here (needs root)");
            return None;
        }
        Some(Self { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills what is left with one file, up to the last byte; returns that file.
    pub fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![0u8; 4096];
        while file.write_all(&chunk).is_ok() {}
        // The last partial chunk: byte by byte until nothing more fits.
        while file.write_all(&[0]).is_ok() {}
        filler
    }
}

impl Tmpfs {
    /// Makes the file system read-only (`true`) or writable again, as a write-protected USB
    /// stick is: even root cannot write then.
    #[allow(dead_code)] // Only the backup tests use it; every crate including this file builds it.
    pub fn set_read_only(&self, read_only: bool) {
        let mode = if read_only {
            "remount,ro"
        } else {
            "remount,rw"
        };
        let ok = Command::new("mount")
            .args(["-o", mode])
            .arg(self.dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mount -o {mode}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}
