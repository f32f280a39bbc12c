//! Issue 12: Kernteam hears the OS lock the screen and go to sleep, on real D-Bus daemons (two
//! private ones standing in for the system and the session bus), from signals sent the way
//! logind and a desktop's screensaver send them.
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use kernteam_lib::os_lock::{self, OsLock};

struct Bus {
    daemon: Child,
    address: String,
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

fn private_bus() -> Bus {
    let mut daemon = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("dbus-daemon (installed by cargo xtask setup)");
    let mut address = String::new();
    BufReader::new(daemon.stdout.take().expect("stdout"))
        .read_line(&mut address)
        .expect("the daemon's address");
    Bus {
        daemon,
        address: address.trim().to_owned(),
    }
}

fn emit(bus: &Bus, name: &str, path: &str, interface: &str, member: &str, arg: Option<bool>) {
    let conn = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .expect("address")
        .name(name)
        .expect("well-known name")
        .build()
        .expect("connect");
    match arg {
        Some(b) => conn.emit_signal(None::<&str>, path, interface, member, &b),
        None => conn.emit_signal(None::<&str>, path, interface, member, &()),
    }
    .expect("signal");
}

#[test]
fn a_screen_lock_or_a_suspend_locks_kernteam() {
    let system = private_bus();
    let session = private_bus();
    let (tx, rx) = mpsc::channel();
    let buses = os_lock::Buses {
        system: Some(system.address.clone()),
        session: Some(session.address.clone()),
    };
    os_lock::watch(buses, move |why| {
        let _ = tx.send(why);
    });
    // The watchers subscribe in their own threads; give them a moment before signalling.
    std::thread::sleep(Duration::from_millis(500));
    let wait = || rx.recv_timeout(Duration::from_secs(5));

    // Waking up and a screensaver going off are not reasons to lock (nor to unlock).
    emit(
        &system,
        "org.freedesktop.login1",
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        Some(false),
    );
    emit(
        &session,
        "org.gnome.ScreenSaver",
        "/org/gnome/ScreenSaver",
        "org.gnome.ScreenSaver",
        "ActiveChanged",
        Some(false),
    );
    assert!(
        rx.recv_timeout(Duration::from_millis(700)).is_err(),
        "nothing to lock for"
    );

    emit(
        &system,
        "org.freedesktop.login1",
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        Some(true),
    );
    assert_eq!(wait(), Ok(OsLock::Suspending));
    emit(
        &system,
        "org.freedesktop.login1",
        "/org/freedesktop/login1/session/_32",
        "org.freedesktop.login1.Session",
        "Lock",
        None,
    );
    assert_eq!(wait(), Ok(OsLock::ScreenLocked));
    emit(
        &session,
        "org.freedesktop.ScreenSaver",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        Some(true),
    );
    assert_eq!(wait(), Ok(OsLock::ScreenLocked));
}
