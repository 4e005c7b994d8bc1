#pragma once
// The main window only wires: document and undo stack, the model runner, the playback clock,
// and the views (map, palette, inspector, faults, timeline, charts, events).

#include "app/autosave.h"
#include "app/comparison.h"
#include "app/document.h"
#include "app/liverun.h"
#include "app/playback.h"
#include "app/progress.h"
#include "model/compare_lesson.h"
#include "model/edit.h"
#include "model/quick_actions.h"
#include "model/quiz.h"
#include "model/report.h"
#include "widgets/lessonreader.h"

#include <QMainWindow>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QSlider;
class QTimer;
class QUrl;
class QUndoGroup;

namespace widgets {
class ChartsPanel;
class EventList;
class FaultList;
class Inspector;
class LessonReader;
class MapLegend;
class MapView;
class SharedTimeWindow;
class ShortcutsHelp;
class Palette;
class SummaryView;
class Timeline;
} // namespace widgets

namespace app {

class QuizPanel;

class Calculators;

enum class Theme { system, light, dark };

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens path, or the default lesson's scenario when path is empty or cannot be opened.
    void open_initial(const QString &path);
    // Loads a scenario file and runs it, here and now (start-up, tests); a bad file shows its
    // problems and leaves the open one untouched. Anything but a regular file (a folder, a
    // pipe) is refused before it is opened, so nothing waits on it.
    bool open_file(const QString &path);
    // The same as File > Open does it: the file is read, checked and run off the GUI thread;
    // the scenario replaces the open one when it has loaded. If it cannot be opened, its
    // problems are shown and `otherwise` (if given) runs.
    void open_file_in_background(const QString &path, std::function<void()> otherwise = {});
    // Offers each autosave that a session left behind (a crash, a kill) for recovery: Recover
    // opens it as a modified document bound to its original file; Discard deletes it; Later
    // keeps it for the next start.
    void offer_recovery();
    Autosaver *autosaver() { return &autosaver_; }
    // Whether model work asked for from this window is still running (runs, loads, steps).
    bool model_busy() const;
    // Cancel (Esc, or the status bar's button while "running..." shows): the runs and loads in
    // flight are abandoned, and the views keep the last finished run.
    void cancel_model_work();
    // What the window says about the progress file for the whole session ("" if nothing).
    QString progress_warning() const;
    bool save_to(const QString &path);

    Document *document() { return &doc_; }
    PlaybackClock *clock() { return &clock_; }
    LiveRun *live_run() { return &live_; }
    widgets::MapView *map() { return map_; }
    widgets::Timeline *timeline() { return timeline_; }
    widgets::ChartsPanel *charts() { return charts_; }
    widgets::EventList *events() { return events_; }
    widgets::SharedTimeWindow *time_window() { return time_window_; }
    widgets::MapLegend *legend() { return legend_; }
    // Zooms the timeline and the charts to the failover of the current run (model/failover_span).
    void zoom_to_failover();
    // Help > Keyboard Shortcuts: the page, listing every action with a shortcut.
    widgets::ShortcutsHelp *show_shortcuts();
    // Every action of the window and its views that has a shortcut.
    QList<QAction *> shortcut_actions() const;
    // Sizes the window to the available geometry of the screen it opens on, the map getting
    // most of it and every dock keeping room to be used.
    void fit_to_screen();
    // The same for a given available geometry.
    void fit_to(const QRect &available);
    // How a dropped region is chosen among the known ones ("" for one's own, nothing to
    // cancel); by default a menu at the mouse. Tests answer without a menu.
    using RegionChoice =
        std::function<std::optional<QString>(const std::vector<model::KnownRegion> &offered)>;
    void set_region_choice(RegionChoice choose) { choose_region_ = std::move(choose); }
    widgets::LessonReader *reader() { return reader_; }
    ProgressStore *progress() { return &progress_; }
    // Lessons: load a chapter's scenario, run a "try this" step, present a walkthrough.
    bool open_lesson_scenario(int lesson, const QString &relative);
    // Runs the step off the GUI thread; try_this_graded() when its result is shown.
    void run_try_this(int lesson, int step);
    bool try_this_busy() const { return try_runner_.busy(); }
    void show_what_happened(int lesson, int step);
    void mark_lesson_read(int lesson);
    void open_worked_example(model::WorkedExample example);
    // The quiz panel on a chapter's questions (by reader index), or an interview round.
    QuizPanel *test_yourself(int lesson);
    QuizPanel *interview_practice(int count, int minutes, std::uint64_t seed);
    const std::vector<model::Quiz> &quizzes() const { return quizzes_; }
    // The grade of the last prediction made in a "try this" step (tests).
    const std::optional<model::Grade> &last_prediction() const { return last_prediction_; }
    QWidget *start_walkthrough(int lesson, int walkthrough);
    void load_lesson_pack(const QString &folder);
    std::shared_ptr<const model::Report> report() const { return report_; }
    // Runs the model now on this thread (start-up and tests); edits otherwise run in the
    // background.
    void run_model_now();
    void set_theme(Theme theme);
    // The transport icons in the current palette's text colour.
    void update_icons();
    // Lessons > Walkthroughs: every walkthrough of every loaded chapter.
    void rebuild_walkthroughs_menu();
    // The worked examples of C15 and C6 (0 and 1), in one window kept for the session.
    // Comparison (mainwindow_compare.cpp): branch the open design into A and a copy B, or open
    // two given designs side by side; keep one side as the design, which ends the comparison.
    bool branch();
    bool open_comparison(model::Scenario a, model::Scenario b, const QString &a_label,
                         const QString &b_label);
    bool open_try_comparison(int lesson, int step);
    bool open_walk_comparison(int lesson, int walkthrough, int step);
    bool keep_side(Side side);
    Comparison *comparison() { return compare_.get(); }
    // The document edits go to: the active side's while comparing, else the open one.
    Document &doc();
    void set_active_side(Side side);
    // Where a message for the user went last (status bar), for tests.
    QString last_message() const { return last_message_; }

protected:
    void closeEvent(QCloseEvent *event) override;

signals:
    void try_this_graded(int lesson, int step, bool held);

private:
    void build_views();
    void build_actions();
    void build_playback_bar();
    void build_watch(); // mainwindow_watch.cpp: zoom, legend, help, slow at events
    void document_changed();
    // The inspector, the faults and the title, from the document edits go to.
    void document_changed_panels();
    void run_updated(double ms);
    void show_try_result(int lesson, int step, const model::Report &report,
                         std::optional<double> predicted);
    void record_answer(int chapter, const QString &question, bool right);
    void show_playhead(model::Ms t);
    void say(const QString &message, int timeout_ms = 6000);
    void save_progress();
    bool confirm_discard();
    bool refuse_non_file(const QString &path);
    void show_open_problems(const QString &path, const model::Problems &problems,
                            const QString &instead = {});
    // Makes a loaded scenario the document; the run follows in the background and `then` runs
    // when it has arrived.
    void adopt(model::Scenario scenario, const QString &path, std::function<void()> then);
    void update_busy();
    void open_link(const QUrl &url);
    void update_title();
    void add_recent(const QString &path);
    void rebuild_recent_menu();
    void build_compare_actions();
    void side_changed();
    bool save_side(Side side, bool choose_path);
    // Asks about each side's unsaved changes and ends the comparison keeping A; false if the
    // learner cancelled.
    bool confirm_end_comparison();
    // Asks whether to save a design's unsaved changes before they go; false: cancelled.
    bool ask_unsaved(Side side);
    void finish_comparison();
    // The lesson at an index of the reader's list, nullptr if none.
    const model::Lesson *lesson_at(int lesson) const;
    // Opens a lesson step's prepared comparison, or says why it cannot.
    bool open_prepared_comparison(model::PreparedComparison c);
    QString compare_title() const;

    // Intents from the views, turned into undoable edits.
    void drop_component(model::ComponentKind kind, model::LatLon where, const QString &region);
    void move_component(const QString &id, model::LatLon where, bool finished);
    void link_components(const QString &from, const QString &to);
    void quick_action(const model::QuickRequest &request);
    void edit_field(const QString &id, const QString &field, const QString &json_value);
    void add_fault(model::FaultKind kind);
    void remove_selected();
    void report_edit(const model::EditResult &result);

    void new_scenario();
    void choose_and_open();
    bool save();
    bool save_as();
    void export_report(bool csv);
    void export_picture(bool map, bool svg);

    Document doc_;
    Autosaver autosaver_{&doc_};
    LiveRun live_;           // the scenario as last run, its report and clock
    ModelRunner try_runner_; // "try this" steps, off the GUI thread
    ModelRunner loader_;     // files and lesson scenarios read and checked off the GUI thread
    std::function<void()> after_run_; // what waits for the run of a scenario just opened
    QLabel *banner_ = nullptr;        // the progress file's warning, for the whole session
    QWidget *centre_ = nullptr;       // the banner over the map; set aside while comparing
    QWidget *busy_ = nullptr;         // "running..." and Cancel, in the status bar
    QTimer *busy_timer_ = nullptr;
    int busy_ticks_ = 0;
    PlaybackClock &clock_ = *live_.clock();
    std::shared_ptr<const model::Report> report_; // live_.current().report
    QString selected_;
    int drag_serial_ = 0;
    QString last_message_;

    widgets::MapView *map_ = nullptr;
    widgets::Palette *palette_ = nullptr;
    widgets::Inspector *inspector_ = nullptr;
    widgets::FaultList *faults_ = nullptr;
    widgets::Timeline *timeline_ = nullptr;
    widgets::ChartsPanel *charts_ = nullptr;
    widgets::EventList *events_ = nullptr;
    widgets::SummaryView *summary_ = nullptr;
    widgets::SharedTimeWindow *time_window_ = nullptr;
    widgets::MapLegend *legend_ = nullptr;
    QDockWidget *legend_dock_ = nullptr;
    QAction *slow_at_events_ = nullptr;
    RegionChoice choose_region_;
    widgets::LessonReader *reader_ = nullptr;
    ProgressStore progress_;
    std::vector<model::Quiz> quizzes_;
    std::optional<model::Grade> last_prediction_;
    QuizPanel *quiz_ = nullptr;

    QAction *play_ = nullptr;
    QAction *prev_ = nullptr;
    QAction *next_ = nullptr;
    QAction *reduce_motion_ = nullptr;
    QMenu *recent_menu_ = nullptr;
    QMenu *view_menu_ = nullptr;
    QMenu *walkthroughs_menu_ = nullptr;
    Calculators *calculators_ = nullptr;
    QSlider *scrubber_ = nullptr;
    QLabel *clock_label_ = nullptr;
    QComboBox *speed_ = nullptr;

    std::unique_ptr<Comparison> compare_;
    QWidget *replay_widget_ = nullptr; // the replay dock's own tabs while a comparison has it
    int replay_height_ = 0;            // and its height before
    QUndoGroup *undo_group_ = nullptr;
    QAction *branch_ = nullptr;
    QList<QAction *> compare_actions_; // enabled only while comparing
};

} // namespace app
