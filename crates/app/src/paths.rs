//! Where the data lives: the OS app-data folder, overridable by
//! `TISSERAND_DATA_DIR` (so tests never touch a real profile).

use std::path::PathBuf;

/// Environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "TISSERAND_DATA_DIR";
/// The database file inside the data folder.
pub const DB_FILE_NAME: &str = "tisserand.sqlite3";

/// The data folder named by `TISSERAND_DATA_DIR`, if set and not empty.
#[must_use]
pub fn data_dir_from_env() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// `TISSERAND_DATA_DIR`, else the OS app-data folder
/// (`~/.local/share/tisserand` on Linux, `%APPDATA%\tisserand` on Windows,
/// `~/Library/Application Support/tisserand` on macOS).
#[must_use]
pub fn default_data_dir() -> PathBuf {
    data_dir_from_env().unwrap_or_else(|| {
        dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("tisserand")
    })
}
