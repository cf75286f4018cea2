//! One small component per file, named as nouns. They render props and call callbacks; state and
//! effects live in `App`.

mod across_view;
mod chart_canvas;
mod counts_chart;
mod day_view;
mod drop_zone;
mod everyday_details;
mod export_menu;
mod facilitate_page;
mod file_list;
mod grid_chart;
mod header;
mod idle_warning;
mod keep_panel;
mod landing;
mod letter_page;
mod live_region;
mod map_view;
mod media_details;
mod net_counter;
mod portrait_view;
mod promise_page;
mod report_actions;
mod rhythm_chart;
mod routine_chart;
mod scan_view;
mod self_test;
mod share_page;
mod social_details;
mod trips_chart;
mod unlock_panel;

pub use across_view::AcrossView;
pub use counts_chart::CountsChart;
pub use day_view::{DayContext, DayPanel};
pub use drop_zone::DropZone;
pub use export_menu::{ActContext, ExportMenu};
pub use facilitate_page::FacilitatePage;
pub use file_list::FileList;
pub use header::{GuidesLink, Header};
pub use idle_warning::IdleWarning;
pub use keep_panel::KeepPanel;
pub use landing::Landing;
pub use letter_page::LetterPage;
pub use live_region::LiveRegion;
pub use map_view::{warm_up as warm_up_maps, MapView};
pub use media_details::MediaTopDetails;
pub use net_counter::NetCounter;
pub use portrait_view::{KnowsTable, TimelineChart};
pub use promise_page::PromisePage;
pub use report_actions::ReportActions;
pub use rhythm_chart::RhythmChart;
pub use routine_chart::RoutineChart;
pub use scan_view::{scan_line, ScanButton, ScanContext, ScanPanel};
pub use self_test::SelfTest;
pub use share_page::SharePage;
pub use social_details::{
    AdsDetails, ContactListsDetails, ContactsDetails, ConversationsDetails, InferencesDetails,
    LoginsDetails,
};
pub use trips_chart::TripsChart;
pub use unlock_panel::UnlockPanel;
