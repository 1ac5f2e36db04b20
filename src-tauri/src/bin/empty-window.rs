//! An empty Tauri 2 window: the baseline that scripts/bench-window.sh
//! measures Tisserand's memory against (same libraries, same machine).

fn main() {
    if let Err(e) =
        tauri::Builder::default().run(tauri::generate_context!("empty-window/tauri.conf.json"))
    {
        eprintln!("empty window: {e}");
        std::process::exit(1);
    }
}
