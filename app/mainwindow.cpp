#include "mainwindow.h"

#include "app/dialogs.h"
#include "app/lessonlibrary.h"
#include "model/playback_pace.h"
#include "model/scenario_json.h"
#include "model/world_at.h"
#include "widgets/charts.h"
#include "widgets/eventlist.h"
#include "widgets/faultlist.h"
#include "widgets/fieldhelp.h"
#include "widgets/inspector.h"
#include "widgets/lessonreader.h"
#include "widgets/mapview.h"
#include "widgets/palette.h"
#include "widgets/summaryview.h"
#include "widgets/timeline.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace app {

namespace {
const QString kDefaultScenario = QStringLiteral(":/lessons/scenarios/start-here.json");
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    build_views();
    build_actions();
    build_playback_bar();
    build_watch();
    build_compare_actions();
    connect(&doc_, &Document::changed, this, &MainWindow::document_changed);
    connect(&doc_, &Document::path_changed, this, [this] { update_title(); });
    connect(&doc_, &Document::modified_changed, this, [this] { update_title(); });
    connect(&live_, &LiveRun::updated, this, &MainWindow::run_updated);
    connect(&clock_, &PlaybackClock::moved, this, &MainWindow::show_playhead);
    connect(&clock_, &PlaybackClock::state_changed, this, [this](bool playing) {
        play_->setText(playing ? tr("&Pause") : tr("&Play"));
        update_icons();
    });
    connect(&clock_, &PlaybackClock::reached_end, this,
            [this] { say(tr("End of the run: replay finished.")); });
    connect(&autosaver_, &Autosaver::failed, this,
            [this](const QString &why) { say(tr("Autosave failed: %1").arg(why), 0); });
    busy_timer_ = new QTimer(this);
    busy_timer_->setInterval(100);
    connect(busy_timer_, &QTimer::timeout, this, &MainWindow::update_busy);
    busy_timer_->start();
    fit_to_screen();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    set_theme(static_cast<Theme>(settings.value(QStringLiteral("view/theme"), 0).toInt()));
}

void MainWindow::build_views() {
    // The map, under a banner that stays for the session when the progress file has a problem.
    auto *centre = new QWidget(this);
    centre_ = centre;
    auto *centre_layout = new QVBoxLayout(centre);
    centre_layout->setContentsMargins(0, 0, 0, 0);
    centre_layout->setSpacing(0);
    banner_ = new QLabel(centre);
    banner_->setObjectName(QStringLiteral("progress_warning"));
    banner_->setWordWrap(true);
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner_->setMargin(8);
    banner_->setAutoFillBackground(true);
    // The theme's tooltip colours: set apart from the window in every theme, light or dark.
    banner_->setBackgroundRole(QPalette::ToolTipBase);
    banner_->setForegroundRole(QPalette::ToolTipText);
    banner_->setFrameShape(QFrame::StyledPanel);
    banner_->setAccessibleName(tr("Progress file warning"));
    banner_->hide();
    map_ = new widgets::MapView(centre);
    centre_layout->addWidget(banner_);
    centre_layout->addWidget(map_, 1);
    setCentralWidget(centre);
    const auto dock = [this](const QString &title, const QString &name, QWidget *w,
                             Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        addDockWidget(area, d);
        return d;
    };
    palette_ = new widgets::Palette(this);
    // The palette shares the right column with the inspector, the faults and the lessons: a
    // column of its own would take the map's width on a small screen.
    QDockWidget *palette_dock =
        dock(tr("Components"), QStringLiteral("palette"), palette_, Qt::RightDockWidgetArea);
    inspector_ = new widgets::Inspector(this);
    QDockWidget *inspector_dock =
        dock(tr("Inspector"), QStringLiteral("inspector"), inspector_, Qt::RightDockWidgetArea);
    tabifyDockWidget(palette_dock, inspector_dock);
    faults_ = new widgets::FaultList(this);
    QDockWidget *faults_dock =
        dock(tr("Faults"), QStringLiteral("faults"), faults_, Qt::RightDockWidgetArea);
    tabifyDockWidget(inspector_dock, faults_dock);
    inspector_dock->raise();

    reader_ = new widgets::LessonReader(this);
    QDockWidget *lessons_dock =
        dock(tr("Lessons"), QStringLiteral("lessons"), reader_, Qt::RightDockWidgetArea);
    tabifyDockWidget(faults_dock, lessons_dock);
    lessons_dock->raise();
    QStringList problems;
    reader_->set_lessons(load_lessons(QStringLiteral(":/lessons"), &problems));
    quizzes_ = load_quiz_folder(QStringLiteral(":/lessons/quizzes"), &problems);
    for (const QString &p : problems)
        qWarning("%s", qPrintable(p));
    if (QString progress_error; !progress_.load(&progress_error)) {
        // Not a passing status message: the learner keeps seeing it until the session ends.
        banner_->setText(QStringLiteral("\u26a0 ") + progress_error);
        banner_->show();
    }
    reader_->set_progress(progress_.progress());
    connect(reader_, &widgets::LessonReader::open_scenario, this,
            &MainWindow::open_lesson_scenario);
    connect(reader_, &widgets::LessonReader::try_this, this, &MainWindow::run_try_this);
    connect(reader_, &widgets::LessonReader::show_what_happened, this,
            &MainWindow::show_what_happened);
    connect(reader_, &widgets::LessonReader::compare_step, this, &MainWindow::open_try_comparison);
    connect(reader_, &widgets::LessonReader::start_walkthrough, this,
            &MainWindow::start_walkthrough);
    connect(reader_, &widgets::LessonReader::open_worked_example, this,
            &MainWindow::open_worked_example);
    connect(reader_, &widgets::LessonReader::test_yourself, this, &MainWindow::test_yourself);
    connect(reader_, &widgets::LessonReader::lesson_read, this, &MainWindow::mark_lesson_read);
    connect(reader_, &widgets::LessonReader::link_requested, this, &MainWindow::open_link);
    connect(reader_, &widgets::LessonReader::link_refused, this, [this](const QUrl &url) {
        say(tr("Not opened: %1 is not a web address (only http and https links open)")
                .arg(url.toDisplayString()));
    });

    auto *bottom = new QTabWidget(this);
    bottom->setDocumentMode(true); // no frame: the dock is the frame
    timeline_ = new widgets::Timeline(bottom);
    charts_ = new widgets::ChartsPanel(bottom);
    events_ = new widgets::EventList(bottom);
    summary_ = new widgets::SummaryView(bottom);
    bottom->addTab(timeline_, tr("&Timeline"));
    bottom->addTab(charts_, tr("C&harts"));
    bottom->addTab(events_, tr("&Events"));
    bottom->addTab(summary_, tr("&Summary"));
    QDockWidget *replay =
        dock(tr("Replay"), QStringLiteral("replay"), bottom, Qt::BottomDockWidgetArea);
    // The replay is the lower part of the workspace and its tabs name it: no title bar takes
    // height from the map on a 720-pixel screen (View > Replay still hides and shows it).
    replay->setTitleBarWidget(new QWidget(replay));
    replay->setFeatures(QDockWidget::DockWidgetClosable);
    // The right docks (reader, inspector) run the full height of the window; the replay dock
    // sits under the map.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);

    connect(map_, &widgets::MapView::component_dropped, this, &MainWindow::drop_component);
    connect(map_, &widgets::MapView::drop_refused, this, [this](const QString &why) { say(why); });
    connect(map_, &widgets::MapView::component_moved, this, &MainWindow::move_component);
    connect(map_, &widgets::MapView::link_requested, this, &MainWindow::link_components);
    connect(map_, &widgets::MapView::quick_action, this, &MainWindow::quick_action);
    connect(map_, &widgets::MapView::selection_changed, this, [this](const QString &id) {
        if (compare_ && compare_->active() != Side::a)
            return; // design B's map speaks for itself
        selected_ = id;
        inspector_->show_component(doc_.scenario(), id);
    });
    connect(palette_, &widgets::Palette::add_requested, this, [this](model::ComponentKind kind) {
        // Without a mouse: region-bound parts go to the selected region, or the first one.
        QString region = model::kind_of(doc().scenario(), selected_.toStdString()) == "region"
                             ? selected_
                             : QString();
        if (region.isEmpty() && !doc().scenario().regions.empty())
            region = QString::fromStdString(doc().scenario().regions.front().id);
        drop_component(kind, {40.0, -30.0}, region);
    });
    connect(inspector_, &widgets::Inspector::field_edit_requested, this, &MainWindow::edit_field);
    connect(faults_, &widgets::FaultList::fault_add_requested, this, &MainWindow::add_fault);
    connect(faults_, &widgets::FaultList::fault_remove_requested, this, [this](const QString &id) {
        report_edit(doc().edit(tr("Remove fault %1").arg(id), [&](model::Scenario &s) {
            return model::remove_fault(s, id.toStdString());
        }));
    });
    connect(faults_, &widgets::FaultList::fault_edit_requested, this, &MainWindow::edit_field);
    connect(faults_, &widgets::FaultList::fault_chosen, this,
            [this](const QString &, model::Ms at) { clock_.seek(at); });
    connect(timeline_, &widgets::Timeline::seek_requested, &clock_, &PlaybackClock::seek);
    connect(charts_, &widgets::ChartsPanel::seek_requested, &clock_, &PlaybackClock::seek);
    connect(events_, &widgets::EventList::event_chosen, &clock_, &PlaybackClock::seek);
}

void MainWindow::open_initial(const QString &path) {
    // The default lesson: its chapter in the reader, its scenario on the map. The built-in
    // scenario is small and known, so it is read and run here, before the window shows.
    const auto open_default = [this] {
        const auto &lessons = reader_->lessons();
        int first = -1;
        for (std::size_t i = 0; i < lessons.size() && first < 0; ++i)
            if (lessons[i].scenarios.front() == "scenarios/start-here.json")
                first = static_cast<int>(i);
        if (first >= 0)
            reader_->show_lesson(first);
        open_file(kDefaultScenario);
        map_->fit_to_content();
    };
    if (path.isEmpty()) {
        open_default();
        return;
    }
    // A file named on the command line may be anything up to the limits: it is read and run
    // off the GUI thread, and the default lesson opens if it cannot be.
    open_file_in_background(path, open_default);
}

bool MainWindow::refuse_non_file(const QString &path) {
    const QFileInfo info(path);
    if (path.startsWith(QLatin1Char(':')) || info.isFile())
        return false;
    // A folder or a pipe is refused before anything opens it: reading a pipe would wait for a
    // writer that may never come.
    const QString why = !info.exists() && !info.isSymLink() ? tr("the file does not exist")
                        : info.isDir()                      ? tr("it is a folder, not a file")
                                                            : tr("it is not a regular file");
    warn(this, tr("Cannot open scenario"),
         tr("%1 was not opened; what is open stays as it was.").arg(QDir::toNativeSeparators(path)),
         tr("It cannot be opened: %1.").arg(why));
    say(tr("Not opened: %1: %2").arg(QDir::toNativeSeparators(path), why));
    return true;
}

void MainWindow::show_open_problems(const QString &path, const model::Problems &problems,
                                    const QString &instead) {
    QStringList reasons, details;
    for (const model::Problem &p : problems) {
        reasons << widgets::problem_text(p);
        details << QString::fromStdString(p.text());
    }
    QString shown = reasons.mid(0, 3).join(QLatin1Char('\n'));
    if (reasons.size() > 3)
        shown += QLatin1Char('\n') + tr("… and %n more (see the details)", nullptr,
                                        static_cast<int>(reasons.size() - 3));
    warn(
        this, tr("Cannot open scenario"),
        instead.isEmpty()
            ? tr("%1 was not opened; what is open stays as it was.").arg(QFileInfo(path).fileName())
            : tr("%1 was not opened; %2").arg(QFileInfo(path).fileName(), instead),
        shown, details.join(QLatin1Char('\n')));
    // In words; the places as JSON pointers are in the box's details.
    say(tr("Not opened: %1").arg(reasons.value(0)));
}

void MainWindow::adopt(model::Scenario scenario, const QString &path, std::function<void()> then) {
    clock_.pause();
    after_run_ = std::move(then);
    doc_.reset(std::move(scenario), path); // its changed() asks for the run
    if (!path.isEmpty())
        add_recent(path);
}

bool MainWindow::open_file(const QString &path) {
    if (refuse_non_file(path))
        return false;
    QFile f(path);
    model::ScenarioLoad load;
    if (!f.open(QIODevice::ReadOnly))
        load.problems.push_back(
            {path.toStdString(), "",
             tr("cannot open the file: %1").arg(f.errorString()).toStdString()});
    else if (f.size() > static_cast<qint64>(model::kMaxScenarioBytes))
        load.problems.push_back(
            {path.toStdString(), "", tr("the file is larger than 8 MiB").toStdString()});
    else
        load = read_scenario_text(f.readAll().toStdString(), path);
    if (!load.scenario) {
        show_open_problems(path, load.problems);
        return false;
    }
    clock_.pause();
    after_run_ = nullptr;
    doc_.reset(std::move(*load.scenario), path.startsWith(':') ? QString() : path);
    if (!path.startsWith(':'))
        add_recent(path);
    run_model_now();
    clock_.seek(0);
    return true;
}

void MainWindow::open_file_in_background(const QString &path, std::function<void()> otherwise) {
    if (refuse_non_file(path)) {
        if (otherwise)
            otherwise();
        return;
    }
    say(tr("Opening %1\u2026").arg(QDir::toNativeSeparators(path)), 0);
    loader_.request_work<std::shared_ptr<model::ScenarioLoad>>(
        [path](const std::atomic<bool> &) {
            return std::make_shared<model::ScenarioLoad>(read_scenario_file(path));
        },
        [this, path, otherwise](std::shared_ptr<model::ScenarioLoad> load) {
            if (!load->scenario) {
                show_open_problems(path, load->problems,
                                   otherwise ? tr("the first lesson opens instead.") : QString());
                if (otherwise)
                    otherwise();
                return;
            }
            adopt(std::move(*load->scenario), path, [this, path] {
                clock_.seek(0);
                map_->fit_to_content();
                say(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
            });
        });
}

MainWindow::~MainWindow() {
    // Nothing the document does while it is destroyed may ask for a run any more.
    disconnect(&doc_, nullptr, this, nullptr);
    disconnect(&doc_, nullptr, &autosaver_, nullptr);
    compare_.reset();
    live_.close();
    loader_.cancel();
    try_runner_.cancel();
}

void MainWindow::run_model_now() {
    live_.run_now(doc_.scenario());
}

void MainWindow::document_changed() {
    document_changed_panels();
    live_.request(doc_.scenario()); // a live what-if: the view keeps its playhead
}

void MainWindow::document_changed_panels() {
    const model::Scenario &s = doc().scenario();
    faults_->show_scenario(s);
    if (model::kind_of(s, selected_.toStdString()).empty())
        selected_.clear();
    inspector_->show_component(s, selected_);
    update_title();
}

void MainWindow::run_updated(double ms) {
    // The map, the timeline and the charts show the scenario this report was computed from.
    const RunSnapshot &run = live_.current();
    // A scenario just opened: what waited for its run (a seek, a play) happens now.
    const std::function<void()> then = std::exchange(after_run_, nullptr);
    report_ = run.report;
    clock_.set_slow_times(model::slow_event_times(report_->run));
    map_->show_scenario(*run.scenario);
    timeline_->set_report(report_, *run.scenario);
    charts_->set_report(report_, *run.scenario);
    events_->show_report(report_);
    summary_->show_report(report_);
    if (compare_)
        compare_->a_updated();
    show_playhead(clock_.playhead());
    if (!report_->run.internal_errors.empty()) {
        const model::InternalError &e = report_->run.internal_errors.front();
        say(tr("The model reported an internal error in \"%1\" at %2: %3. The run went on "
               "without that event; please report it with the scenario file.")
                .arg(QString::fromStdString(report_->scenario_name),
                     QString::fromStdString(model::format_clock(e.t_ms)),
                     QString::fromStdString(e.what)),
            0);
    } else if (ms > 0 && !then) {
        statusBar()->showMessage(tr("Model run in %1 ms").arg(ms, 0, 'f', 1), 3000);
    }
    if (then)
        then();
}

bool MainWindow::model_busy() const {
    return live_.busy() || try_runner_.busy() || loader_.busy();
}

void MainWindow::cancel_model_work() {
    if (!model_busy())
        return;
    live_.abandon();
    try_runner_.abandon();
    loader_.abandon();
    after_run_ = nullptr;
    busy_ticks_ = 0;
    update_busy();
    say(tr("Cancelled: the views show the last run that finished. Any edit runs the model "
           "again."),
        8000);
}

void MainWindow::update_busy() {
    // Shown only when work takes a moment (about a third of a second), so that quick runs do
    // not flicker in the status bar.
    busy_ticks_ = model_busy() ? busy_ticks_ + 1 : 0;
    busy_->setVisible(busy_ticks_ >= 3);
}

void MainWindow::open_link(const QUrl &url) {
    if (confirm_and_open_link(this, url))
        say(tr("Opened %1 in the web browser").arg(url.toDisplayString()));
    else
        say(tr("Not opened: %1").arg(url.toDisplayString()));
}

QString MainWindow::progress_warning() const {
    return banner_->isHidden() ? QString() : banner_->text();
}

void MainWindow::offer_recovery() {
    for (const LeftBehind &a : autosaver_.left_behind()) {
        const QString file = a.original.isEmpty() ? tr("the unsaved scenario \"%1\"").arg(a.name)
                                                  : QDir::toNativeSeparators(a.original);
        const QString when = QLocale().toString(a.saved_at, QLocale::LongFormat);
        const RecoveryChoice choice = ask_recovery(
            this,
            tr("Changes to %1 were not saved when Failover Lab last closed. They were autosaved "
               "at %2.")
                .arg(file, when),
            tr("Recover opens them, still unsaved: Save writes them to %1. Discard deletes the "
               "autosave. Later keeps it for the next start.")
                .arg(a.original.isEmpty() ? tr("a file you choose")
                                          : QDir::toNativeSeparators(a.original)));
        if (choice == RecoveryChoice::later) {
            autosaver_.keep(a);
            continue;
        }
        if (choice == RecoveryChoice::discard) {
            autosaver_.remove(a);
            say(tr("The autosave of %1 was deleted").arg(file));
            continue;
        }
        if (!confirm_discard()) {
            autosaver_.keep(a);
            continue;
        }
        model::ScenarioLoad load = Autosaver::load(a);
        if (!load.scenario) {
            show_open_problems(a.scenario_file, load.problems);
            autosaver_.keep(a);
            continue;
        }
        clock_.pause();
        // The recovered design runs off the GUI thread, like any opened file.
        after_run_ = [this] {
            clock_.seek(0);
            map_->fit_to_content();
        };
        doc_.recover(std::move(*load.scenario), a.original); // its changed() asks for the run
        // This session's own autosave takes over before the old one goes.
        autosaver_.save_now();
        autosaver_.wait();
        autosaver_.remove(a);
        say(tr("Recovered %1, autosaved at %2; it is not saved yet").arg(file, when), 0);
        break; // one document at a time: any others wait for the next start
    }
}

void MainWindow::show_playhead(model::Ms t) {
    const RunSnapshot &run = live_.current();
    if (!run)
        return;
    map_->show_world(*run.scenario, model::world_at(*run.scenario, *run.report, t));
    timeline_->set_playhead(t);
    charts_->set_playhead(t);
    events_->set_playhead(t);
    if (compare_)
        compare_->show_playhead(t);
    clock_label_->setText(
        tr("%1 / %2").arg(QString::fromStdString(model::format_clock(t - t % 1000)),
                          QString::fromStdString(model::format_clock(clock_.end()))));
    const QSignalBlocker block(scrubber_);
    scrubber_->setMaximum(static_cast<int>(clock_.end() / 1000));
    scrubber_->setValue(static_cast<int>(t / 1000));
}

void MainWindow::say(const QString &message, int timeout_ms) {
    last_message_ = message;
    statusBar()->showMessage(message, timeout_ms);
}

void MainWindow::update_title() {
    if (compare_) {
        setWindowTitle(compare_title());
        setWindowModified(false);
        return;
    }
    const QString name = doc_.path().isEmpty() ? QString::fromStdString(doc_.scenario().name)
                                               : QFileInfo(doc_.path()).fileName();
    setWindowTitle(tr("%1[*] - Failover Lab").arg(name.isEmpty() ? tr("Untitled") : name));
    setWindowModified(doc_.modified());
}

bool MainWindow::confirm_discard() {
    if (compare_)
        return confirm_end_comparison();
    if (!doc_.modified())
        return true;
    switch (ask_save_changes(this,
                             tr("The scenario has changes that are not saved. Save them first?"))) {
    case SaveChoice::save:
        return save();
    case SaveChoice::discard:
        autosaver_.discard(); // given up on purpose: nothing to recover next time
        return true;
    case SaveChoice::cancel:
        break;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!confirm_discard()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    live_.close(); // the window is going: no run may start or land any more
    // A clean close leaves no autosave behind.
    autosaver_.discard();
    autosaver_.wait();
    event->accept();
}

} // namespace app
