use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use kernteam_app::changes::Topic;
use kernteam_app::{AppError, DataDir, ErrorCode, Session, StoreStatus};

/// How often the shell looks whether today's backup is due.
const BACKUP_CHECK: std::time::Duration = std::time::Duration::from_secs(120);

/// Sent to the page when the shell locked the store by itself (idle, OS lock or suspend).
pub const LOCKED_EVENT: &str = "kernteam://locked";

/// The one session of this window. Work on it runs on the blocking pool (Argon2 and SQLCipher
/// must never stall the GTK main thread).
#[derive(Clone)]
pub struct AppState(Arc<Mutex<Session>>);

impl AppState {
    pub fn new(dir: PathBuf) -> Self {
        Self(Arc::new(Mutex::new(Session::new(DataDir::new(dir)))))
    }

    pub async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Session) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let session = self.0.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = session
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            // A backup running meanwhile gives way to the command (`kernteam_store::foreground`).
            let _serving = kernteam_app::serving();
            work(&mut guard)
        })
        .await
        .map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "Er ging iets mis; probeer het opnieuw.",
            )
        })?
    }

    /// The store's state as the first page load should see it (read on the main thread while
    /// nothing else runs: only `keys.json` is read).
    pub fn status_now(&self) -> StoreStatus {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .status()
    }

    /// The idle lock in Rust: every few seconds the session is asked whether its idle time has
    /// passed; if it locked, the page is told to show the unlock screen. A webview that hangs,
    /// sleeps or is tampered with cannot keep the store open.
    pub fn watch_idle(&self, app: tauri::AppHandle) {
        use tauri::Emitter as _;
        let session = self.0.clone();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(std::time::Duration::from_secs(5));
                let locked = session
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .lock_if_idle(std::time::Instant::now());
                if locked {
                    let _ = app.emit(LOCKED_EVENT, ());
                }
            }
        });
    }

    /// Locks when the OS locks the screen or suspends (see `os_lock`), and tells the page.
    #[cfg(target_os = "linux")]
    pub fn watch_os_lock(&self, app: tauri::AppHandle) {
        use tauri::Emitter as _;
        let state = self.clone();
        crate::os_lock::watch(crate::os_lock::Buses::default(), move |_why| {
            if state.lock_now() {
                let _ = app.emit(LOCKED_EVENT, ());
            }
        });
    }

    /// The daily backup while the app is used: every few minutes, when the store is open, a
    /// folder is chosen and none was taken today, one is taken on this thread (the session is
    /// held only to prepare and to record it) and the windows are told.
    pub fn watch_backups(&self, app: tauri::AppHandle) {
        let session = self.0.clone();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(BACKUP_CHECK);
                let job = session
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .backup_job(true);
                let Ok(Some(job)) = job else { continue };
                let outcome = job.run_gently();
                let recorded = session
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .backup_finished(&outcome);
                for e in [outcome.err(), recorded.err()].into_iter().flatten() {
                    eprintln!("kernteam: automatic backup: {}", e.diagnostic());
                }
                crate::commands::announce_changed(&app, vec![Topic::Backups]);
            }
        });
    }

    /// On a clean close: a last backup of the day's work, when a folder is chosen and the store
    /// is open (a locked store has no key to take one with).
    pub fn backup_on_close(&self) {
        let mut session = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Ok(Some(job)) = session.backup_job(false) {
            let outcome = job.run();
            if let Err(e) = &outcome {
                eprintln!("kernteam: backup at close: {}", e.diagnostic());
            }
            let _ = session.backup_finished(&outcome);
        }
    }

    /// Locks; true when the store was open.
    pub fn lock_now(&self) -> bool {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let was_open = guard.status().state == kernteam_app::StoreState::Unlocked;
        guard.lock();
        was_open
    }
}
