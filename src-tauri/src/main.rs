//! Tisserand's desktop shell. It only knows Tauri: it opens the database
//! through the `app` crate, exposes one thin command per use case, keeps a
//! single instance, and writes logs to the data folder. No logic lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod backup;
mod clock;
mod commands;
mod dialog;
mod documents;
mod duplicate;
mod evaluation;
mod event;
mod export;
mod impact;
mod import;
mod person;
mod settings;
mod story;

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::Manager;
use tisserand_app::{default_data_dir, App, AppError, DB_FILE_NAME};

/// The open database, or why it could not be opened (shown by the window).
pub(crate) type Shared = Result<Mutex<App>, AppError>;

/// `--demo` opens a separate demo database (created with the demo
/// territory when empty), never the person's own.
fn database_path(demo: bool) -> PathBuf {
    let dir = default_data_dir();
    if demo {
        dir.join("demo").join(DB_FILE_NAME)
    } else {
        dir.join(DB_FILE_NAME)
    }
}

fn init_logging(dir: &std::path::Path) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("TISSERAND_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let file = std::fs::create_dir_all(dir).and_then(|()| {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("tisserand.log"))
    });
    match file {
        Ok(file) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(Mutex::new(file))
            .init(),
        Err(_) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init(),
    }
}

fn open(demo: bool) -> Shared {
    let path = database_path(demo);
    let mut app = App::open(&path)?;
    if demo && app.get_app_info()?.actor_count == 0 {
        app.load_demo(clock::now())?;
    }
    tracing::info!(demo, "database opened");
    Ok(Mutex::new(app))
}

/// The single-instance key of one database file: a second launch on the same
/// file focuses the first window; another data folder (a test, the demo) is
/// another instance. (On Linux this is a D-Bus name.)
fn instance_id(db: &std::path::Path) -> String {
    let hash = tisserand_domain::hash::fnv1a(db.to_string_lossy().as_bytes());
    format!("fr.tisserand.desktop.i{hash:016x}")
}

/// When the process started, to log how long the window took to be usable.
pub(crate) static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// WebKitGTK's DMA-BUF renderer: off unless the person chose otherwise. It
/// is the usual cure for blank windows on some GPUs and virtual machines, and
/// measured here it costs about 100 MB of memory for a window of forms and
/// lists (docs/benchmarks.md). Runs first, before any thread exists.
fn choose_renderer() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}

/// Reads ahead what the slowest first screen (Impact) folds, on a thread of
/// its own while the window loads: the page then opens at the speed of a
/// later visit.
fn read_ahead_in_background(handle: tauri::AppHandle) {
    std::thread::spawn(move || {
        let state = handle.state::<Shared>();
        let Ok(shared) = state.inner() else {
            return;
        };
        let started = std::time::Instant::now();
        let Ok(app) = shared.lock() else {
            return;
        };
        match app.read_ahead(clock::now()) {
            Ok(()) => tracing::info!(
                ms = started.elapsed().as_millis(),
                "impact figures read ahead"
            ),
            Err(e) => tracing::warn!("reading ahead failed: {}", e.message_en),
        }
    });
}

fn main() {
    choose_renderer();
    STARTED.get_or_init(std::time::Instant::now);
    let demo = std::env::args().skip(1).any(|a| a == "--demo");
    init_logging(&default_data_dir());
    let instance = instance_id(&database_path(demo));
    let webview_dir = database_path(demo).with_file_name("webview");
    let shared = open(demo);
    if let Err(e) = &shared {
        tracing::error!(kind = ?e.kind, "could not open the database: {}", e.message_en);
    }
    let opened = shared.is_ok();
    let db_path = database_path(demo);
    let result = tauri::Builder::default()
        // Save and folder dialogs, opened from Rust commands only: the
        // window is granted none of the plugin's own commands.
        .plugin(tauri_plugin_dialog::init())
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance)
                .callback(|app, _argv, _cwd| {
                    // A second launch focuses the window already open on this data.
                    if let Some(window) = app.get_webview_window("main") {
                        let _ = window.unminimize();
                        let _ = window.show();
                        let _ = window.set_focus();
                    }
                })
                .build(),
        )
        .setup(move |app| {
            // The window's own storage (language choice…) lives with the data
            // it shows, so each data folder keeps its own.
            let config = app
                .config()
                .app
                .windows
                .first()
                .cloned()
                .unwrap_or_default();
            tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
                .data_directory(webview_dir.clone())
                .build()?;
            app.manage(event::WebviewDir(webview_dir.clone()));
            read_ahead_in_background(app.handle().clone());
            if opened {
                backup::daily_backup_in_background(db_path.clone(), app.handle().clone());
            }
            Ok(())
        })
        .manage(shared)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("the window could not start: {e}");
        eprintln!("Tisserand n'a pas pu ouvrir sa fenêtre : {e}");
        std::process::exit(1);
    }
}
