//! The app's state and its pure reducer, tested natively.
//!
//! Components render a [`State`] and dispatch [`Action`]s; effects (the worker, the network
//! observer) live in hooks and only dispatch. [`Phase`] makes impossible states unrepresentable:
//! there is no file list before files are chosen, and "Ready" means every file has its report.

use std::rc::Rc;

use crate::error::ErrorKind;
use crate::export::{Format, What};
use crate::i18n::Lang;
use crate::letters::LetterPrefill;
use crate::model::day::DayView;
use crate::model::FileRef;
use crate::report::FileReport;
pub use crate::worker::protocol::ReadProgress;

/// Which page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Home,
    Promise,
    /// "Ask for more": the letter generator.
    Letter,
    /// Build a contribution to share (issue 11).
    Share,
    /// The facilitator's view of several people's contributions (issue 11).
    Facilitate,
}

/// The analysis engine (the worker): files can be opened only once it is ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Loading,
    Ready,
    Failed,
}

/// Where the person is with their files.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Nothing opened yet (or everything forgotten).
    Empty,
    /// Some files are still waiting or being read.
    Working { files: Vec<FileEntry> },
    /// Every file has its report.
    Ready { files: Vec<FileEntry> },
}

/// A report shared by the state, the list and its rows: cloned by a pointer, and compared by it
/// (a report received is never changed in place: a correction or a raw view makes a new one).
/// Every message of the worker makes a new state and renders the list again; reports copied and
/// compared whole each time made the task that handled a large one long (BENCHMARK.md T8).
#[derive(Debug, Clone)]
pub struct Shared(Rc<FileReport>);

impl Shared {
    pub fn new(report: FileReport) -> Self {
        Shared(Rc::new(report))
    }

    /// The report to change: a copy of it if it is shared, so that its new state differs.
    pub fn make_mut(&mut self) -> &mut FileReport {
        Rc::make_mut(&mut self.0)
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = FileReport;
    fn deref(&self) -> &FileReport {
        &self.0
    }
}

/// One part of a shared report (its trips, its routine…), for a component's properties: cloned
/// and compared by the report's pointer, so that rendering a row neither copies the part (a
/// 1 GB file's trips hold some 800 weeks) nor compares it whole (BENCHMARK.md T8).
pub struct Part<T: 'static> {
    report: Shared,
    get: fn(&FileReport) -> Option<&T>,
}

impl<T> Part<T> {
    /// The part `get` finds in `report`, if it has one.
    pub fn of(report: &Shared, get: fn(&FileReport) -> Option<&T>) -> Option<Self> {
        get(report)?;
        Some(Part {
            report: report.clone(),
            get,
        })
    }

    pub fn get(&self) -> Option<&T> {
        (self.get)(&self.report)
    }
}

impl<T> Clone for Part<T> {
    fn clone(&self) -> Self {
        Part {
            report: self.report.clone(),
            get: self.get,
        }
    }
}

/// By the report: each place that makes a `Part` always takes the same part of it.
impl<T> PartialEq for Part<T> {
    fn eq(&self, other: &Self) -> bool {
        self.report == other.report
    }
}

/// One file the person opened, and the reports of what it holds: itself, or every file inside
/// an archive.
#[derive(Debug, Clone, PartialEq)]
pub struct FileEntry {
    pub id: u32,
    pub file: FileRef,
    pub status: FileStatus,
    pub reports: Vec<Shared>,
    /// Page-clock time when the worker started reading it.
    pub started_at: Option<f64>,
    pub progress: Option<Progress>,
}

/// How far the worker is in a file, and the time left at that pace.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub read: ReadProgress,
    /// Estimated time left, from the pace so far.
    pub eta_ms: Option<f64>,
}

impl FileEntry {
    /// An archive (or a file whose report names another path) is shown as a group.
    pub fn is_archive(&self) -> bool {
        self.reports.iter().any(|r| r.container.is_some())
    }
}

/// What the file list shows as one item: a file the person opened, or every part of an export
/// split over several archives (`takeout-…-001.zip`, `-002.zip`…), merged into one tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The export's name without its part number, when the group merges parts.
    pub stem: Option<String>,
    /// The opened files, in part order.
    pub parts: Vec<FileEntry>,
    /// Part numbers absent between 1 and the highest part opened.
    pub missing: Vec<u32>,
}

impl Group {
    /// The id of the first file opened, a key that stays while more parts are added.
    pub fn id(&self) -> u32 {
        self.parts.iter().map(|p| p.id).min().unwrap_or(0)
    }

    pub fn size(&self) -> u64 {
        self.parts.iter().map(|p| p.file.size).sum()
    }

    pub fn is_done(&self) -> bool {
        self.parts.iter().all(|p| p.status == FileStatus::Done)
    }

    /// Every report of every part.
    pub fn reports(&self) -> impl Iterator<Item = &FileReport> {
        self.parts
            .iter()
            .flat_map(|p| p.reports.iter().map(|r| &**r))
    }

    /// Shown as an archive with its entries under it.
    pub fn is_archive(&self) -> bool {
        self.stem.is_some() || self.parts.iter().any(FileEntry::is_archive)
    }
}

/// The opened files as the list shows them: parts of one export together (at the place of the
/// first one opened), every other file on its own.
pub fn groups(files: &[FileEntry]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for entry in files {
        let part = crate::ingest::archive::split_part(&entry.file.path);
        let same_export =
            part.and_then(|(stem, _)| out.iter_mut().find(|g| g.stem.as_deref() == Some(stem)));
        match (part, same_export) {
            (Some(_), Some(group)) => group.parts.push(entry.clone()),
            (Some((stem, _)), None) => out.push(Group {
                stem: Some(stem.to_owned()),
                parts: vec![entry.clone()],
                missing: Vec::new(),
            }),
            (None, _) => out.push(Group {
                stem: None,
                parts: vec![entry.clone()],
                missing: Vec::new(),
            }),
        }
    }
    for group in &mut out {
        let number =
            |e: &FileEntry| crate::ingest::archive::split_part(&e.file.path).map_or(0, |p| p.1);
        if group.parts.len() < 2 {
            // A lone `-001.zip` is just an archive.
            group.stem = None;
            continue;
        }
        group.parts.sort_by_key(number);
        let have: Vec<u32> = group.parts.iter().map(number).collect();
        group.missing = crate::ingest::archive::missing_parts(&have);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    Waiting,
    Reading,
    Done,
}

/// What the screen reader should hear after an action; it stays until the next announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    FilesAdded(usize),
    Forgotten,
    /// Results kept on this device were unlocked: so many files (issue 11).
    Unlocked(usize),
    /// "Forget everything" erased the results kept on this device too, or could not.
    DeviceErased,
    EraseFailed,
}

/// Network requests seen by the page and the worker, as page-clock times (ms).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetLog {
    /// When the app finished loading (every load-time fetch done).
    pub ready_at: Option<f64>,
    /// When the person first opened files in this session.
    pub files_at: Option<f64>,
    times: Vec<f64>,
}

impl NetLog {
    /// Requests since files were opened, or since the app loaded if none were; none while loading.
    pub fn count(&self) -> usize {
        match self.files_at.or(self.ready_at) {
            Some(since) => self.times.iter().filter(|&&t| t >= since).count(),
            None => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub view: View,
    pub engine: Engine,
    pub phase: Phase,
    pub net: NetLog,
    pub announcement: Option<Announcement>,
    /// Counts announcements, so that the same sentence twice in a row is heard twice.
    pub announcements: u32,
    /// `#selftest` in the address: show the tools the end-to-end tests use.
    pub selftest: bool,
    /// Map mode: what the worker keeps of the positions.
    pub kept: Option<Kept>,
    /// The day view, when open: one file's day at a time.
    pub day: Option<DayState>,
    /// A raw view the worker could not make (the file could not be read again): its file and path.
    pub scan_failed: Option<(u32, String)>,
    /// The last export asked of the worker, and how it went.
    pub export: Option<ExportState>,
    /// The company and finding a letter was last opened from.
    pub letter: Option<LetterPrefill>,
    /// The facilitator's view: the contributions combined last, while the worker reads them.
    pub facilitation: Option<Facilitation>,
    /// Workshop mode, read once from the address ([`kiosk`]): `None` outside it, else the idle
    /// minutes after which the session ends by itself (`None` inside: never). In it, "End
    /// session" instead of "Forget everything".
    pub kiosk: Option<Option<f64>>,
    /// The presenter's mask is on: the page shows masked reports ([`crate::mask`]).
    pub masked: bool,
    /// A session just ended (`true`: after a while without activity): the page says what was
    /// erased and what was not, until files are opened again.
    pub ended: Option<bool>,
    /// Results kept on this device, encrypted (issue 11).
    pub vault: Vault,
}

/// Results kept encrypted on this device ([`crate::ui::vault`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vault {
    /// A record is kept on this device (checked on load; kept; erased).
    pub on_device: bool,
    /// Opened files whose results were unlocked from it: their files are not at hand.
    pub restored: Vec<u32>,
}

/// Contributions put together by the worker for the facilitator's view.
#[derive(Debug, Clone, PartialEq)]
pub struct Facilitation {
    /// The worker is reading the files.
    pub busy: bool,
    pub combined: Option<crate::contribute::combine::Combined>,
    /// The files that are not contributions this Reflet reads, and why.
    pub problems: Vec<(String, ErrorKind)>,
}

impl Facilitation {
    fn new(
        busy: bool,
        combined: Option<crate::contribute::combine::Combined>,
        problems: Vec<(String, ErrorKind)>,
    ) -> Self {
        Facilitation {
            busy,
            combined,
            problems,
        }
    }
}

/// An export of one file (the file at `path` in opened file `id`): waiting for the worker while
/// `done` is `None`, then how many positions, trips or rows it holds, or why it failed.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportState {
    pub id: u32,
    pub path: String,
    pub what: What,
    pub format: Format,
    pub done: Option<Result<u64, ErrorKind>>,
    /// Where the file is (a `blob:` URL), to save it again.
    pub url: Option<String>,
}

impl DayState {
    /// A day of file `id`'s `path` asked: the day shown stays until the next one comes, if it is
    /// the same file's.
    fn asked(before: Option<DayState>, id: u32, path: String) -> DayState {
        let view = before
            .filter(|d| d.id == id && d.path == path)
            .and_then(|d| d.view);
        DayState {
            id,
            path,
            view,
            waiting: true,
            gone: false,
        }
    }

    fn shown(&mut self, view: Option<DayView>, known: bool) {
        self.gone = !known;
        self.view = view.map(Rc::new);
        self.waiting = false;
    }
}

/// The day view of one file: the day the worker last sent, and whether another is on its way.
#[derive(Debug, Clone, PartialEq)]
pub struct DayState {
    /// The opened file, and the path of the location file in it.
    pub id: u32,
    pub path: String,
    pub view: Option<Rc<DayView>>,
    pub waiting: bool,
    /// The worker keeps nothing of that file (it was read by a worker since stopped).
    pub gone: bool,
}

/// The positions the worker keeps in map mode, the bytes they take, and its wasm memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    pub points: u64,
    pub bytes: u64,
    pub wasm_bytes: u64,
}

impl State {
    /// Workshop mode (`?kiosk` in the address).
    pub fn workshop(&self) -> bool {
        self.kiosk.is_some()
    }

    pub fn new(lang: Lang, selftest: bool) -> Self {
        State {
            lang,
            view: View::Home,
            engine: Engine::Loading,
            phase: Phase::Empty,
            net: NetLog::default(),
            announcement: None,
            announcements: 0,
            selftest,
            kept: None,
            day: None,
            scan_failed: None,
            export: None,
            letter: None,
            facilitation: None,
            kiosk: None,
            masked: false,
            ended: None,
            vault: Vault::default(),
        }
    }

    fn announce(&mut self, announcement: Announcement) {
        self.announcement = Some(announcement);
        self.announcements = self.announcements.wrapping_add(1);
    }

    pub fn files(&self) -> &[FileEntry] {
        match &self.phase {
            Phase::Empty => &[],
            Phase::Working { files } | Phase::Ready { files } => files,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // each action is moved once into the reducer
pub enum Action {
    SetLang(Lang),
    Show(View),
    EngineReady {
        at: f64,
    },
    EngineFailed,
    /// Files handed to the worker, with ids chosen by the caller; `at` is the page clock.
    FilesChosen {
        files: Vec<(u32, FileRef)>,
        at: f64,
    },
    FileStarted {
        id: u32,
        at: f64,
    },
    /// Progress of the file being read; `at` is the page clock.
    Progress {
        id: u32,
        read: ReadProgress,
        at: f64,
    },
    /// The person cancelled: files not finished keep what was found and say they were cancelled.
    Cancel,
    /// Reports from inside a file (the file itself, or an archive's entries), in a batch.
    FileFound {
        id: u32,
        reports: Vec<FileReport>,
    },
    FileFinished {
        id: u32,
    },
    /// The worker died: the file that killed it (if known) gets an error and keeps what was found
    /// before; the other files go back to waiting (the caller hands them to the new worker).
    WorkerCrashed {
        culprit: Option<u32>,
    },
    /// Network requests observed, by their start time on the page clock.
    Requests {
        times: Vec<f64>,
    },
    /// Map mode: what the worker keeps, after each file.
    Kept(Kept),
    /// A day of a location file was asked of the worker.
    DayAsked {
        id: u32,
        path: String,
    },
    /// The worker's answer: `None` when the file has no day to show (`known`) or the worker
    /// keeps nothing of it.
    DayShown {
        id: u32,
        path: String,
        view: Option<DayView>,
        known: bool,
    },
    DayClosed,
    /// A file's report after a correction, replacing the one with the same path.
    ReportUpdated {
        id: u32,
        report: FileReport,
    },
    /// A raw view was asked: any earlier failure is forgotten.
    ScanAsked,
    /// The raw view of the file at `path` in opened file `id` (`None`: it could not be read).
    Scanned {
        id: u32,
        path: String,
        scan: Option<crate::scan::FileScan>,
    },
    /// "Ask them": the letter page, addressed to the company a finding names.
    AskLetter(LetterPrefill),
    /// An export was asked of the worker (`done` is `None`).
    ExportAsked(ExportState),
    /// Whether results are kept on this device: checked on load, true once kept.
    VaultStored(bool),
    /// Results unlocked from this device, with ids chosen by the caller; `at` is the page clock.
    Unlocked {
        files: Vec<(u32, crate::ui::vault::KeptFile)>,
        at: f64,
    },
    /// "Forget everything" erased the results kept on this device (false: it could not).
    VaultErased(bool),
    /// The worker's answer to it (the file is already downloaded when it is made): `done` is
    /// set.
    Exported(ExportState),
    /// Contribution files were handed to the worker to combine.
    CombineAsked,
    /// The worker combined them.
    Combined {
        combined: crate::contribute::combine::Combined,
        problems: Vec<(String, ErrorKind)>,
    },
    Forget,
    /// Workshop mode: everything is forgotten, as by [`Action::Forget`], the mask taken off, and
    /// the page says so (`idle`: after a while without activity).
    EndSession {
        idle: bool,
    },
    /// The presenter's mask, on or off.
    ToggleMask,
}

/// The worker's answer to an export: only the answer to the export asked last is shown.
fn answered(next: &mut State, answer: &ExportState) {
    let asked = |e: &&mut ExportState| {
        (e.id, &e.path, e.what, e.format) == (answer.id, &answer.path, answer.what, answer.format)
    };
    if let Some(export) = next.export.as_mut().filter(asked) {
        export.done = answer.done;
        export.url.clone_from(&answer.url);
    }
}

/// The reducer: the next state from the current one and an action.
#[allow(clippy::too_many_lines)] // one arm an action
pub fn reduce(state: &State, action: Action) -> State {
    let mut next = state.clone();
    match action {
        Action::SetLang(lang) => next.lang = lang,
        Action::Show(view) => show(&mut next, view),
        Action::EngineReady { at } => {
            next.engine = Engine::Ready;
            next.net.ready_at.get_or_insert(at);
        }
        Action::EngineFailed => next.engine = Engine::Failed,
        Action::FilesChosen { files, at } => {
            if files.is_empty() {
                return next;
            }
            next.announce(Announcement::FilesAdded(files.len()));
            next.ended = None;
            next.net.files_at.get_or_insert(at);
            next.view = View::Home;
            let mut list = next.files().to_vec();
            list.extend(files.into_iter().map(|(id, file)| FileEntry {
                id,
                file,
                status: FileStatus::Waiting,
                reports: Vec::new(),
                started_at: None,
                progress: None,
            }));
            next.phase = phase_for(list);
        }
        Action::FileStarted { id, at } => update_file(&mut next, id, |e| {
            e.status = FileStatus::Reading;
            e.started_at = Some(at);
            e.progress = None;
        }),
        Action::Progress { id, read, at } => update_file(&mut next, id, |e| {
            let elapsed = e.started_at.map_or(0.0, |start| (at - start).max(0.0));
            #[allow(clippy::cast_precision_loss)] // an estimate
            let eta_ms = (read.done > 0 && elapsed > 0.0)
                .then(|| elapsed * read.total.saturating_sub(read.done) as f64 / read.done as f64);
            e.progress = Some(Progress { read, eta_ms });
        }),
        Action::Cancel => cancel(&mut next),
        Action::FileFound { id, reports } => {
            update_file(&mut next, id, |e| {
                e.reports.extend(reports.into_iter().map(Shared::new));
            });
        }
        Action::FileFinished { id } => update_file(&mut next, id, |e| {
            e.status = FileStatus::Done;
            e.progress = None;
        }),
        Action::WorkerCrashed { culprit } => worker_crashed(&mut next, culprit),
        Action::Requests { times } => next.net.times.extend(times),
        Action::Kept(kept) => next.kept = Some(kept),
        Action::DayAsked { id, path } => {
            next.day = Some(DayState::asked(next.day.take(), id, path));
        }
        Action::DayShown {
            id,
            path,
            view,
            known,
        } => day_shown(&mut next, id, &path, view, known),
        Action::DayClosed => next.day = None,
        Action::ReportUpdated { id, report } => update_file(&mut next, id, |e| {
            if let Some(old) = e
                .reports
                .iter_mut()
                .find(|r| r.file.path == report.file.path)
            {
                *old = Shared::new(report);
            }
        }),
        Action::ScanAsked => next.scan_failed = None,
        Action::Scanned { id, path, scan } => scanned(&mut next, id, path, scan),
        Action::ExportAsked(export) => next.export = Some(export),
        Action::AskLetter(prefill) => {
            next.letter = Some(prefill);
            next.view = View::Letter;
        }
        Action::Exported(answer) => answered(&mut next, &answer),
        Action::CombineAsked => {
            // What was shown stays until the new answer comes.
            let shown = next.facilitation.take().and_then(|f| f.combined);
            next.facilitation = Some(Facilitation::new(true, shown, Vec::new()));
        }
        Action::Combined { combined, problems } => {
            next.facilitation = Some(Facilitation::new(false, Some(combined), problems));
        }
        Action::VaultStored(on) => next.vault.on_device = on,
        Action::Unlocked { files, at } => unlocked(&mut next, files, at),
        Action::VaultErased(erased) => vault_erased(&mut next, erased),
        Action::Forget => forget(&mut next),
        Action::EndSession { idle } => {
            forget(&mut next);
            next.masked = false;
            next.ended = Some(idle);
        }
        Action::ToggleMask => next.masked = !next.masked,
    }
    next
}

/// The worker died: the file that killed it (if known) gets an error and keeps what was found
/// before; the others go back to waiting. What the worker kept (the day view's data) is gone.
/// Another page: leaving the letter, the header's "Ask for more" opens a blank one next time.
fn show(next: &mut State, view: View) {
    if view != View::Letter {
        next.letter = None;
    }
    next.view = view;
}

/// An export still waiting when the worker stops (it died, or the person cancelled) will not
/// come: it says why, and its buttons work again.
fn export_stopped(next: &mut State, why: ErrorKind) {
    if let Some(export) = next.export.as_mut().filter(|e| e.done.is_none()) {
        export.done = Some(Err(why));
    }
}

/// Workshop mode from the address's query (`?kiosk`, `?kiosk=N`): `None` outside it, else the
/// idle minutes after which the session ends by itself (`None` inside: never). Minutes may have
/// decimals; at least 0.05 (3 s, for tests) and at most a day.
pub fn kiosk(query: &str) -> Option<Option<f64>> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|part| match part.split_once('=') {
            Some(("kiosk", minutes)) => Some(
                minutes
                    .parse::<f64>()
                    .ok()
                    .filter(|m| m.is_finite() && *m > 0.0)
                    .map(|m| m.clamp(0.05, 1440.0)),
            ),
            None if part == "kiosk" => Some(None),
            _ => None,
        })
}

/// Everything the person opened or asked is forgotten; back to the start.
fn forget(next: &mut State) {
    next.vault.restored.clear();
    next.masked = false;
    next.letter = None;
    next.facilitation = None;
    next.export = None;
    next.scan_failed = None;
    next.phase = Phase::Empty;
    next.kept = None;
    next.day = None;
    next.view = View::Home;
    next.net.files_at = None;
    next.announce(Announcement::Forgotten);
}

fn day_shown(next: &mut State, id: u32, path: &str, view: Option<DayView>, known: bool) {
    if let Some(day) = next.day.as_mut().filter(|d| d.id == id && d.path == path) {
        day.shown(view, known);
    }
}

fn worker_crashed(next: &mut State, culprit: Option<u32>) {
    export_stopped(next, ErrorKind::Crashed);
    if let Some(facilitation) = next.facilitation.as_mut().filter(|f| f.busy) {
        facilitation.busy = false;
        facilitation.problems = vec![(String::new(), ErrorKind::Crashed)];
    }
    next.day = None;
    let mut list = next.files().to_vec();
    for entry in &mut list {
        if Some(entry.id) == culprit {
            entry.status = FileStatus::Done;
            entry.reports.push(Shared::new(FileReport::failed(
                entry.file.clone(),
                ErrorKind::Crashed,
            )));
        } else if entry.status == FileStatus::Reading {
            // Read again from the start by the new worker.
            entry.status = FileStatus::Waiting;
            entry.reports.clear();
        }
    }
    if !list.is_empty() {
        next.phase = phase_for(list);
    }
}

/// Results unlocked from this device: listed as files done, with their reports.
fn unlocked(next: &mut State, files: Vec<(u32, crate::ui::vault::KeptFile)>, at: f64) {
    if files.is_empty() {
        return;
    }
    next.announce(Announcement::Unlocked(files.len()));
    next.net.files_at.get_or_insert(at);
    next.view = View::Home;
    let mut list = next.files().to_vec();
    for (id, kept) in files {
        next.vault.restored.push(id);
        list.push(FileEntry {
            id,
            file: kept.file(),
            status: FileStatus::Done,
            reports: kept.reports.into_iter().map(Shared::new).collect(),
            started_at: None,
            progress: None,
        });
    }
    next.phase = phase_for(list);
}

/// After "Forget everything" (which announced the page's memory erased): the device too.
fn vault_erased(next: &mut State, erased: bool) {
    if !next.vault.on_device {
        return;
    }
    next.vault.on_device = !erased;
    next.announce(if erased {
        Announcement::DeviceErased
    } else {
        Announcement::EraseFailed
    });
}

/// A raw view came back: the report gets its scan, or the panel says it could not be made.
fn scanned(next: &mut State, id: u32, path: String, scan: Option<crate::scan::FileScan>) {
    let Some(scan) = scan else {
        next.scan_failed = Some((id, path));
        return;
    };
    next.scan_failed = None;
    update_file(next, id, |e| {
        if let Some(report) = e.reports.iter_mut().find(|r| r.file.path == path) {
            report.make_mut().scan = Some(scan);
        }
    });
}

/// Cancel: the files not done are done, with an error saying they were cancelled.
fn cancel(next: &mut State) {
    export_stopped(next, ErrorKind::Cancelled);
    // The worker is ended: the positions it kept are gone.
    next.kept = None;
    next.day = None;
    let mut list = next.files().to_vec();
    for entry in list.iter_mut().filter(|e| e.status != FileStatus::Done) {
        entry.status = FileStatus::Done;
        entry.reports.push(Shared::new(FileReport::failed(
            entry.file.clone(),
            ErrorKind::Cancelled,
        )));
    }
    if !list.is_empty() {
        next.phase = phase_for(list);
    }
}

fn update_file(state: &mut State, id: u32, change: impl FnOnce(&mut FileEntry)) {
    let mut list = state.files().to_vec();
    let Some(entry) = list.iter_mut().find(|e| e.id == id) else {
        // A late message about a forgotten file: ignore it.
        return;
    };
    change(entry);
    state.phase = phase_for(list);
}

fn phase_for(files: Vec<FileEntry>) -> Phase {
    if files.is_empty() {
        Phase::Empty
    } else if files.iter().all(|f| f.status == FileStatus::Done) {
        Phase::Ready { files }
    } else {
        Phase::Working { files }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Kind;

    fn ready() -> State {
        reduce(
            &State::new(Lang::Fr, false),
            Action::EngineReady { at: 100.0 },
        )
    }

    fn chosen(state: &State, names: &[(u32, &str)], at: f64) -> State {
        let files = names
            .iter()
            .map(|&(id, n)| (id, FileRef::new(n, 10)))
            .collect();
        reduce(state, Action::FilesChosen { files, at })
    }

    fn found(id: u32, name: &str) -> Action {
        Action::FileFound {
            id,
            reports: vec![FileReport::identified(
                FileRef::new(name, 10),
                Kind::Unknown,
            )],
        }
    }

    /// Started, one report, finished.
    fn done(state: &State, id: u32, name: &str) -> State {
        [
            Action::FileStarted { id, at: 0.0 },
            found(id, name),
            Action::FileFinished { id },
        ]
        .into_iter()
        .fold(state.clone(), |s, a| reduce(&s, a))
    }

    #[test]
    fn parts_of_one_export_are_one_group_and_gaps_are_named() {
        let state = chosen(
            &ready(),
            &[
                (1, "takeout-20241128T101010Z-003.zip"),
                (2, "Records.json"),
                (3, "takeout-20241128T101010Z-001.zip"),
                (4, "takeout-20230101T000000Z-001.zip"),
                (5, "other/takeout-20241128T101010Z-005.zip"),
                (6, "other/takeout-20241128T101010Z-004.zip"),
            ],
            0.0,
        );
        let state = done(&state, 3, "Takeout/a.json");
        let groups = groups(state.files());
        let shape: Vec<(Option<&str>, Vec<u32>, Vec<u32>)> = groups
            .iter()
            .map(|g| {
                (
                    g.stem.as_deref(),
                    g.parts.iter().map(|p| p.id).collect(),
                    g.missing.clone(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (Some("takeout-20241128T101010Z"), vec![3, 1], vec![2]),
                (None, vec![2], vec![]),
                (None, vec![4], vec![]),
                (
                    Some("other/takeout-20241128T101010Z"),
                    vec![6, 5],
                    vec![1, 2, 3]
                ),
            ]
        );
        let first = &groups[0];
        assert_eq!((first.id(), first.size(), first.is_done()), (1, 20, false));
        assert!(first.is_archive());
        assert_eq!(first.reports().count(), 1);
    }

    #[test]
    fn files_go_from_waiting_to_ready() {
        let s = chosen(&ready(), &[(1, "a.json"), (2, "b.json")], 200.0);
        assert!(matches!(s.phase, Phase::Working { .. }));
        assert_eq!(s.announcement, Some(Announcement::FilesAdded(2)));
        let s = reduce(&s, Action::FileStarted { id: 1, at: 0.0 });
        assert_eq!(s.files()[0].status, FileStatus::Reading);
        let s = done(&s, 1, "a.json");
        assert!(matches!(s.phase, Phase::Working { .. }));
        assert_eq!(s.files()[0].reports.len(), 1);
        assert!(!s.files()[0].is_archive());
        let s = done(&s, 2, "b.json");
        assert!(matches!(s.phase, Phase::Ready { .. }));
        // The announcement stays until the next one, so the live region does not go blank.
        assert_eq!(s.announcement, Some(Announcement::FilesAdded(2)));
        assert_eq!(s.announcements, 1);
        // Adding more files goes back to working, keeping the first ones.
        let s = chosen(&s, &[(3, "c.csv")], 300.0);
        assert!(matches!(&s.phase, Phase::Working { files } if files.len() == 3));
        // One file, then one more: the same kind of sentence, counted twice.
        let s = chosen(&s, &[(4, "d.csv")], 400.0);
        assert_eq!(
            (s.announcement, s.announcements),
            (Some(Announcement::FilesAdded(1)), 3)
        );
    }

    #[test]
    fn an_archive_collects_the_reports_of_its_entries() {
        let s = chosen(&ready(), &[(1, "takeout.zip")], 200.0);
        let mut entry = FileReport::identified(FileRef::new("Takeout/a.json", 3), Kind::Unknown);
        entry.container = Some("takeout.zip".into());
        let s = reduce(&s, Action::FileStarted { id: 1, at: 0.0 });
        let s = reduce(
            &s,
            Action::FileFound {
                id: 1,
                reports: vec![entry.clone()],
            },
        );
        let s = reduce(
            &s,
            Action::FileFound {
                id: 1,
                reports: vec![entry],
            },
        );
        assert!(s.files()[0].is_archive());
        assert_eq!(s.files()[0].reports.len(), 2);
        assert!(matches!(s.phase, Phase::Working { .. }));
        let s = reduce(&s, Action::FileFinished { id: 1 });
        assert!(matches!(s.phase, Phase::Ready { .. }));
    }

    #[test]
    fn progress_gives_a_percentage_and_an_estimate_of_the_time_left() {
        let s = chosen(&ready(), &[(1, "takeout.zip"), (2, "b.json")], 200.0);
        let s = reduce(&s, Action::FileStarted { id: 1, at: 1000.0 });
        let s = reduce(
            &s,
            Action::Progress {
                id: 1,
                read: ReadProgress {
                    done: 250,
                    total: 1000,
                    entry: "Takeout/a.json".into(),
                    found: 3,
                },
                at: 3000.0,
            },
        );
        let p = s.files()[0].progress.clone().unwrap();
        assert_eq!(p.read.percent(), 25);
        // 2 s for a quarter: 6 s for the rest.
        assert_eq!(p.eta_ms, Some(6000.0));
        assert_eq!(p.read.entry, "Takeout/a.json");
        let s = reduce(&s, Action::FileFinished { id: 1 });
        assert_eq!(s.files()[0].progress, None);
    }

    #[test]
    fn cancel_stops_every_unfinished_file_and_keeps_what_was_found() {
        let s = chosen(
            &ready(),
            &[(1, "a.json"), (2, "big.zip"), (3, "c.json")],
            200.0,
        );
        let s = done(&s, 1, "a.json");
        let s = reduce(&s, Action::FileStarted { id: 2, at: 0.0 });
        let s = reduce(&s, found(2, "inside.json"));
        let s = reduce(&s, Action::Cancel);
        assert!(matches!(s.phase, Phase::Ready { .. }));
        let kinds: Vec<Vec<Option<ErrorKind>>> = s
            .files()
            .iter()
            .map(|f| {
                f.reports
                    .iter()
                    .map(|r| r.error.as_ref().map(|e| e.kind))
                    .collect()
            })
            .collect();
        assert_eq!(
            kinds,
            [
                vec![None],
                vec![None, Some(ErrorKind::Cancelled)],
                vec![Some(ErrorKind::Cancelled)]
            ]
        );
    }

    #[test]
    fn choosing_nothing_changes_nothing() {
        let s = ready();
        assert_eq!(
            reduce(
                &s,
                Action::FilesChosen {
                    files: vec![],
                    at: 1.0
                }
            )
            .phase,
            Phase::Empty
        );
    }

    #[test]
    fn forget_drops_everything_and_returns_home() {
        let s = chosen(&ready(), &[(1, "a.json")], 200.0);
        let s = reduce(&s, Action::Show(View::Promise));
        let s = reduce(&s, Action::Forget);
        assert_eq!(s.phase, Phase::Empty);
        assert_eq!(s.view, View::Home);
        assert!(s.files().is_empty());
        assert_eq!(s.announcement, Some(Announcement::Forgotten));
        // A late result for a forgotten file does not bring it back.
        assert_eq!(done(&s, 1, "a.json").phase, Phase::Empty);
    }

    #[test]
    fn a_crash_marks_only_the_file_being_read() {
        let s = chosen(
            &ready(),
            &[(1, "a.json"), (2, "b.json"), (3, "c.json")],
            200.0,
        );
        let s = done(&s, 1, "a.json");
        let s = reduce(&s, Action::FileStarted { id: 2, at: 0.0 });
        let s = reduce(&s, found(2, "b.json/first-entry.json"));
        let s = reduce(&s, Action::WorkerCrashed { culprit: Some(2) });
        let files = s.files();
        assert_eq!(files[0].status, FileStatus::Done);
        assert!(files[0].reports[0].error.is_none());
        // The crashed file keeps what was found before the crash, and says it stopped.
        assert_eq!(files[1].status, FileStatus::Done);
        assert_eq!(files[1].reports.len(), 2);
        assert_eq!(
            files[1].reports[1].error.as_ref().map(|e| e.kind),
            Some(ErrorKind::Crashed)
        );
        assert_eq!(files[2].status, FileStatus::Waiting);
        assert!(matches!(s.phase, Phase::Working { .. }));
    }

    #[test]
    fn the_counter_counts_from_load_then_from_opening_files() {
        let s = reduce(
            &State::new(Lang::En, false),
            Action::Requests {
                times: vec![5.0, 50.0],
            },
        );
        assert_eq!(s.net.count(), 0, "load-time fetches are not counted");
        let s = reduce(&s, Action::EngineReady { at: 100.0 });
        assert_eq!(s.net.count(), 0);
        let s = reduce(&s, Action::Requests { times: vec![150.0] });
        assert_eq!(s.net.count(), 1, "a request after load counts");
        let s = chosen(&s, &[(1, "a.json")], 200.0);
        assert_eq!(s.net.count(), 0, "counting restarts when files are opened");
        let s = reduce(
            &s,
            Action::Requests {
                times: vec![250.0, 260.0],
            },
        );
        assert_eq!(s.net.count(), 2);
        let s = reduce(&s, Action::Forget);
        assert_eq!(
            s.net.count(),
            3,
            "after forgetting, back to counting since load"
        );
    }

    #[test]
    fn the_engine_can_fail_and_language_can_switch() {
        let s = reduce(&State::new(Lang::Fr, true), Action::EngineFailed);
        assert_eq!(s.engine, Engine::Failed);
        assert!(s.selftest);
        assert_eq!(reduce(&s, Action::SetLang(Lang::En)).lang, Lang::En);
    }

    fn day(date: &str) -> DayView {
        DayView {
            date: date.into(),
            previous: None,
            next: None,
            first: date.into(),
            last: date.into(),
            path_kept: true,
            positions: 3,
            path: Vec::new(),
            stops: Vec::new(),
            trips: Vec::new(),
            metres: 0,
            grams: 0,
        }
    }

    #[test]
    fn a_day_stays_shown_until_the_next_arrives_and_goes_with_the_worker() {
        let s = done(&chosen(&ready(), &[(1, "a.zip")], 0.0), 1, "a.zip");
        let asked = |s: &State, id, path: &str| {
            reduce(
                s,
                Action::DayAsked {
                    id,
                    path: path.into(),
                },
            )
        };
        let shown = |s: &State, id, path: &str, view: Option<DayView>| {
            reduce(
                s,
                Action::DayShown {
                    id,
                    path: path.into(),
                    known: view.is_some(),
                    view,
                },
            )
        };
        let s = asked(&s, 1, "Records.json");
        assert!(s
            .day
            .as_ref()
            .is_some_and(|d| d.waiting && d.view.is_none()));
        let s = shown(&s, 1, "Records.json", Some(day("2024-03-04")));
        // The next day asked: the one shown stays while it comes.
        let s = asked(&s, 1, "Records.json");
        let d = s.day.clone().unwrap();
        assert!(d.waiting);
        assert_eq!(d.view.unwrap().date, "2024-03-04");
        // An answer for another file is not this one's.
        let s = shown(&s, 1, "Other.json", Some(day("2024-03-05")));
        assert_eq!(
            s.day.as_ref().unwrap().view.as_ref().unwrap().date,
            "2024-03-04"
        );
        // Another file's day replaces it; a worker that keeps nothing says so.
        let s = asked(&s, 1, "Other.json");
        assert!(s.day.as_ref().unwrap().view.is_none());
        let s = shown(&s, 1, "Other.json", None);
        assert!(s.day.as_ref().is_some_and(|d| d.gone && !d.waiting));
        assert_eq!(reduce(&s, Action::DayClosed).day, None);
        // The worker's end takes the day with it.
        assert_eq!(
            reduce(&s, Action::WorkerCrashed { culprit: None }).day,
            None
        );
        assert_eq!(reduce(&s, Action::Cancel).day, None);
        assert_eq!(reduce(&s, Action::Forget).day, None);
    }

    #[test]
    fn a_corrected_report_replaces_the_one_with_its_path() {
        let s = done(&chosen(&ready(), &[(1, "a.json")], 0.0), 1, "a.json");
        let mut report =
            FileReport::identified(FileRef::new("a.json", 10), Kind::Source("x".into()));
        report.confidence = Some(42);
        let s = reduce(&s, Action::ReportUpdated { id: 1, report });
        let reports = &s.files()[0].reports;
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].confidence, Some(42));
    }

    #[test]
    fn a_raw_view_fills_the_report_s_scan_or_says_it_failed() {
        let s = chosen(&State::new(Lang::En, false), &[(1, "Records.json")], 0.0);
        let s = reduce(&s, found(1, "Records.json"));
        let (scan, _) = crate::scan::scan(
            "Records.json",
            b"{\"a\": \"jean@exemple.fr\"}",
            &mut &b""[..],
        );
        let s = reduce(
            &s,
            Action::Scanned {
                id: 1,
                path: "Records.json".into(),
                scan: scan.clone(),
            },
        );
        assert_eq!(s.files()[0].reports[0].scan, scan);
        assert_eq!(s.scan_failed, None);
        let s = reduce(
            &s,
            Action::Scanned {
                id: 1,
                path: "Records.json".into(),
                scan: None,
            },
        );
        assert_eq!(s.scan_failed, Some((1, "Records.json".to_owned())));
        // What was found stays.
        assert_eq!(s.files()[0].reports[0].scan, scan);
        assert_eq!(reduce(&s, Action::Forget).scan_failed, None);
    }

    #[test]
    fn an_export_is_answered_once_and_never_left_waiting() {
        let asked = |path: &str| ExportState {
            id: 1,
            path: path.into(),
            what: What::Positions,
            format: Format::GeoJson,
            done: None,
            url: None,
        };
        let s = reduce(
            &State::new(Lang::En, false),
            Action::ExportAsked(asked("a.json")),
        );
        // An answer to an earlier export does not change the one asked last.
        let old = ExportState {
            done: Some(Ok(3)),
            ..asked("b.json")
        };
        let s = reduce(&s, Action::Exported(old));
        assert_eq!(s.export.as_ref().unwrap().done, None);
        let s2 = reduce(
            &s,
            Action::Exported(ExportState {
                done: Some(Ok(12)),
                ..asked("a.json")
            }),
        );
        assert_eq!(s2.export.as_ref().unwrap().done, Some(Ok(12)));
        // The worker dies or is cancelled before answering: the export says so.
        let crashed = reduce(&s, Action::WorkerCrashed { culprit: None });
        assert_eq!(crashed.export.unwrap().done, Some(Err(ErrorKind::Crashed)));
        let cancelled = reduce(&s, Action::Cancel);
        assert_eq!(
            cancelled.export.unwrap().done,
            Some(Err(ErrorKind::Cancelled))
        );
        assert_eq!(reduce(&s, Action::Forget).export, None);
    }

    #[test]
    fn a_letter_from_a_finding_is_forgotten_on_leaving_it() {
        let prefill = crate::letters::LetterPrefill {
            company: "Alexander Group".into(),
            context: crate::i18n::Messages::from_fn(|_| "x".into()),
        };
        let s = reduce(
            &State::new(Lang::En, false),
            Action::AskLetter(prefill.clone()),
        );
        assert_eq!((s.view, s.letter.as_ref()), (View::Letter, Some(&prefill)));
        // The address follows (#letter): the prefill stays.
        let s = reduce(&s, Action::Show(View::Letter));
        assert_eq!(s.letter.as_ref(), Some(&prefill));
        let s = reduce(&s, Action::Show(View::Home));
        assert_eq!(s.letter, None);
    }

    #[test]
    fn a_facilitation_keeps_what_it_showed_until_the_answer_and_is_forgotten_with_the_rest() {
        use crate::contribute::combine::Combined;
        let s = reduce(&ready(), Action::CombineAsked);
        assert_eq!(s.facilitation.as_ref().map(|f| f.busy), Some(true));
        let combined = Combined {
            people: 3,
            k: 2,
            ..Combined::default()
        };
        let problems = vec![("notes.txt".to_owned(), ErrorKind::WrongType)];
        let s = reduce(
            &s,
            Action::Combined {
                combined: combined.clone(),
                problems: problems.clone(),
            },
        );
        let shown = s.facilitation.clone().unwrap();
        assert!(!shown.busy);
        assert_eq!(shown.combined.as_ref(), Some(&combined));
        assert_eq!(shown.problems, problems);
        // Asked again (k changed): the last picture stays while the worker reads.
        let s = reduce(&s, Action::CombineAsked);
        let waiting = s.facilitation.clone().unwrap();
        assert!(waiting.busy && waiting.problems.is_empty());
        assert_eq!(waiting.combined, Some(combined));
        // The worker died meanwhile: never left "reading".
        let crashed = reduce(&s, Action::WorkerCrashed { culprit: None });
        let after = crashed.facilitation.unwrap();
        assert!(!after.busy);
        assert_eq!(after.problems, vec![(String::new(), ErrorKind::Crashed)]);
        assert_eq!(reduce(&s, Action::Forget).facilitation, None);
    }

    #[test]
    fn kiosk_mode_is_read_from_the_address() {
        assert_eq!(kiosk(""), None);
        assert_eq!(kiosk("?mode=summary"), None);
        assert_eq!(kiosk("?kiosk"), Some(None));
        assert_eq!(kiosk("?kiosk=0"), Some(None));
        assert_eq!(kiosk("?mode=summary&kiosk=10"), Some(Some(10.0)));
        assert_eq!(kiosk("?kiosk=0.01"), Some(Some(0.05)));
        assert_eq!(kiosk("?kiosk=abc"), Some(None));
        assert_eq!(kiosk("?kiosk=1e9"), Some(Some(1440.0)));
    }

    #[test]
    fn ending_a_session_forgets_everything_takes_the_mask_off_and_says_so_until_new_files() {
        let s = chosen(&ready(), &[(1, "a.json")], 0.0);
        let s = reduce(&s, Action::ToggleMask);
        assert!(s.masked);
        let s = reduce(&s, Action::EndSession { idle: true });
        assert!(s.files().is_empty() && !s.masked);
        assert_eq!(s.ended, Some(true));
        assert_eq!(s.view, View::Home);
        let s = chosen(&s, &[(2, "b.json")], 1.0);
        assert_eq!(s.ended, None);
    }
}
