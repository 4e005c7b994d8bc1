#include "mainwindow.h"

#include "app/lessonlibrary.h"
#include "model/scenario_json.h"
#include "model/world_at.h"
#include "widgets/charts.h"
#include "widgets/eventlist.h"
#include "widgets/faultlist.h"
#include "widgets/inspector.h"
#include "widgets/lessonreader.h"
#include "widgets/mapview.h"
#include "widgets/palette.h"
#include "widgets/summaryview.h"
#include "widgets/timeline.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace app {

namespace {
const QString kDefaultScenario = QStringLiteral(":/lessons/scenarios/start-here.json");
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    build_views();
    build_actions();
    build_playback_bar();
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
    resize(1400, 900);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    set_theme(static_cast<Theme>(settings.value(QStringLiteral("view/theme"), 0).toInt()));
}

void MainWindow::build_views() {
    map_ = new widgets::MapView(this);
    setCentralWidget(map_);
    const auto dock = [this](const QString &title, const QString &name, QWidget *w,
                             Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        addDockWidget(area, d);
        return d;
    };
    palette_ = new widgets::Palette(this);
    QDockWidget *palette_dock =
        dock(tr("Components"), QStringLiteral("palette"), palette_, Qt::LeftDockWidgetArea);
    inspector_ = new widgets::Inspector(this);
    QDockWidget *inspector_dock =
        dock(tr("Inspector"), QStringLiteral("inspector"), inspector_, Qt::RightDockWidgetArea);
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
    QString progress_error;
    if (!progress_.load(&progress_error))
        QMetaObject::invokeMethod(
            this, [this, progress_error] { say(progress_error, 15000); }, Qt::QueuedConnection);
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

    auto *bottom = new QTabWidget(this);
    timeline_ = new widgets::Timeline(bottom);
    charts_ = new widgets::ChartsPanel(bottom);
    events_ = new widgets::EventList(bottom);
    summary_ = new widgets::SummaryView(bottom);
    bottom->addTab(timeline_, tr("&Timeline"));
    bottom->addTab(charts_, tr("C&harts"));
    bottom->addTab(events_, tr("&Events"));
    bottom->addTab(summary_, tr("&Summary"));
    QDockWidget *replay_dock =
        dock(tr("Replay"), QStringLiteral("replay"), bottom, Qt::BottomDockWidgetArea);
    // The right docks (reader, inspector) run the full height of the window; the replay dock
    // sits under the map.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    // First-run proportions: the map gets the middle, the reader enough width to read.
    resizeDocks({palette_dock, lessons_dock}, {190, 480}, Qt::Horizontal);
    resizeDocks({replay_dock}, {330}, Qt::Vertical);

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
    if (path.isEmpty() || !open_file(path)) {
        // The default lesson: its chapter in the reader, its scenario on the map.
        const auto &lessons = reader_->lessons();
        int first = -1;
        for (std::size_t i = 0; i < lessons.size() && first < 0; ++i)
            if (lessons[i].scenarios.front() == "scenarios/start-here.json")
                first = static_cast<int>(i);
        if (first >= 0) {
            reader_->show_lesson(first);
            open_lesson_scenario(first, QStringLiteral("scenarios/start-here.json"));
        } else {
            open_file(kDefaultScenario);
        }
    }
    map_->fit_to_content();
}

bool MainWindow::open_file(const QString &path) {
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
        load = model::parse_scenario(f.readAll().toStdString(), path.toStdString());
    if (!load.scenario) {
        QStringList lines;
        for (const auto &p : load.problems)
            lines << QString::fromStdString(p.text());
        QMessageBox box(QMessageBox::Warning, tr("Cannot open scenario"),
                        tr("The scenario was not opened; what is open stays as it was."),
                        QMessageBox::Ok, this);
        box.setDetailedText(lines.join('\n'));
        box.setInformativeText(lines.mid(0, 3).join('\n'));
        box.exec();
        say(tr("Not opened: %1").arg(lines.value(0)));
        return false;
    }
    clock_.pause();
    doc_.reset(std::move(*load.scenario), path.startsWith(':') ? QString() : path);
    if (!path.startsWith(':'))
        add_recent(path);
    run_model_now();
    clock_.seek(0);
    return true;
}

MainWindow::~MainWindow() {
    // Nothing the document does while it is destroyed may ask for a run any more.
    disconnect(&doc_, nullptr, this, nullptr);
    compare_.reset();
    live_.close();
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
    report_ = run.report;
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
    } else if (ms > 0) {
        statusBar()->showMessage(tr("Model run in %1 ms").arg(ms, 0, 'f', 1), 3000);
    }
}

void MainWindow::show_playhead(model::Ms t) {
    const RunSnapshot &run = live_.current();
    if (!run)
        return;
    map_->show_world(*run.scenario, model::world_at(*run.scenario, *run.report, t));
    timeline_->set_playhead(t);
    charts_->set_playhead(t);
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
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("The scenario has changes that are not saved. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
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
    event->accept();
}

} // namespace app
