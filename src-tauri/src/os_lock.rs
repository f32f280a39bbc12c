//! Kernteam locks when the computer does: the screen locker turns on or the machine goes to
//! sleep. A laptop closed at the end of a meeting must not reopen onto pupils' files. The
//! signals come over D-Bus (logind on the system bus, the desktop's screensaver on the session
//! bus); where there is no bus the idle timer still locks.

use std::sync::Arc;

/// Why the OS asks Kernteam to lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsLock {
    ScreenLocked,
    Suspending,
}

const LOGIND_MANAGER: &str = "org.freedesktop.login1.Manager";
const LOGIND_SESSION: &str = "org.freedesktop.login1.Session";
/// The screensaver interfaces desktops implement (freedesktop, GNOME, MATE, Cinnamon).
const SCREENSAVERS: [&str; 4] = [
    "org.freedesktop.ScreenSaver",
    "org.gnome.ScreenSaver",
    "org.mate.ScreenSaver",
    "org.cinnamon.ScreenSaver",
];

/// What one D-Bus signal means for Kernteam. Only the start of a lock or a sleep counts: waking
/// up or the screensaver going off unlocks nothing.
pub fn meaning(interface: &str, member: &str, starts: Option<bool>) -> Option<OsLock> {
    match (interface, member, starts) {
        (LOGIND_MANAGER, "PrepareForSleep", Some(true)) => Some(OsLock::Suspending),
        (LOGIND_SESSION, "Lock", _) => Some(OsLock::ScreenLocked),
        (i, "ActiveChanged", Some(true)) if SCREENSAVERS.contains(&i) => Some(OsLock::ScreenLocked),
        _ => None,
    }
}

/// Which buses to listen on: the machine's own, or given addresses (the tests' private
/// daemons).
#[derive(Debug, Clone, Default)]
pub struct Buses {
    pub system: Option<String>,
    pub session: Option<String>,
}

fn connect(address: Option<&str>, system: bool) -> zbus::Result<zbus::blocking::Connection> {
    match (address, system) {
        (Some(address), _) => zbus::blocking::connection::Builder::address(address)?.build(),
        (None, true) => zbus::blocking::Connection::system(),
        (None, false) => zbus::blocking::Connection::session(),
    }
}

/// Listens on both buses, each in a thread of its own, and calls `on_lock` for every signal
/// that means "lock". A bus that is not there is skipped without a word.
pub fn watch(buses: Buses, on_lock: impl Fn(OsLock) + Send + Sync + 'static) {
    let on_lock: Arc<dyn Fn(OsLock) + Send + Sync> = Arc::new(on_lock);
    let system = on_lock.clone();
    std::thread::spawn(move || {
        if let Ok(bus) = connect(buses.system.as_deref(), true) {
            let _ = listen(&bus, &[LOGIND_MANAGER, LOGIND_SESSION], system.as_ref());
        }
    });
    std::thread::spawn(move || {
        if let Ok(bus) = connect(buses.session.as_deref(), false) {
            let _ = listen(&bus, &SCREENSAVERS, on_lock.as_ref());
        }
    });
}

/// Every session's `Lock` is heard, not only this one's: locking Kernteam when another
/// session on the same machine locks is harmless, missing our own is not.
fn listen(
    bus: &zbus::blocking::Connection,
    interfaces: &[&str],
    on_lock: &(dyn Fn(OsLock) + Send + Sync),
) -> zbus::Result<()> {
    let proxy = zbus::blocking::fdo::DBusProxy::new(bus)?;
    for interface in interfaces {
        let rule = zbus::MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .interface(*interface)?
            .build();
        proxy.add_match_rule(rule)?;
    }
    for message in zbus::blocking::MessageIterator::from(bus.clone()) {
        let Ok(message) = message else { continue };
        let header = message.header();
        if header.message_type() != zbus::message::Type::Signal {
            continue;
        }
        let (Some(interface), Some(member)) = (header.interface(), header.member()) else {
            continue;
        };
        let starts = message.body().deserialize::<bool>().ok();
        if let Some(lock) = meaning(interface.as_str(), member.as_str(), starts) {
            on_lock(lock);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_start_of_a_lock_or_a_sleep_locks() {
        assert_eq!(
            meaning(LOGIND_MANAGER, "PrepareForSleep", Some(true)),
            Some(OsLock::Suspending)
        );
        assert_eq!(
            meaning(LOGIND_MANAGER, "PrepareForSleep", Some(false)),
            None
        );
        assert_eq!(
            meaning(LOGIND_SESSION, "Lock", None),
            Some(OsLock::ScreenLocked)
        );
        assert_eq!(meaning(LOGIND_SESSION, "Unlock", None), None);
        for screensaver in SCREENSAVERS {
            assert_eq!(
                meaning(screensaver, "ActiveChanged", Some(true)),
                Some(OsLock::ScreenLocked)
            );
            assert_eq!(meaning(screensaver, "ActiveChanged", Some(false)), None);
        }
        assert_eq!(
            meaning("org.example.Other", "ActiveChanged", Some(true)),
            None
        );
    }
}
