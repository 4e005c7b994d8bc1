// The main window's menus, tool bar, file commands and themes.
#include "mainwindow.h"

#include "app/calculators.h"
#include "app/dialogs.h"
#include "model/report_io.h"
#include "model/scenario_json.h"
#include "model/world_at.h"
#include "widgets/charts.h"
#include "widgets/fieldhelp.h"
#include "widgets/inspector.h"
#include "widgets/mapview.h"
#include "widgets/timeline.h"

#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QStyleFactory>
#include <QSvgGenerator>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>

namespace app {

namespace {

enum class MediaIcon { play, pause, previous, next };

// Transport icons drawn in the palette's text colour, so they stay visible in every theme
// (the style's standard media icons are dark grey whatever the palette).
QIcon media_icon(MediaIcon kind, const QColor &colour) {
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        const double u = size / 16.0;
        const auto triangle = [&](double x0, double x1) { // pointing right
            p.drawPolygon(QPolygonF(
                {QPointF(x0 * u, 3 * u), QPointF(x1 * u, 8 * u), QPointF(x0 * u, 13 * u)}));
        };
        const auto left = [&](double x0, double x1) {
            p.drawPolygon(QPolygonF(
                {QPointF(x1 * u, 3 * u), QPointF(x0 * u, 8 * u), QPointF(x1 * u, 13 * u)}));
        };
        switch (kind) {
        case MediaIcon::play:
            triangle(4, 13);
            break;
        case MediaIcon::pause:
            p.drawRect(QRectF(4 * u, 3 * u, 3 * u, 10 * u));
            p.drawRect(QRectF(9 * u, 3 * u, 3 * u, 10 * u));
            break;
        case MediaIcon::previous:
            p.drawRect(QRectF(2 * u, 3 * u, 2 * u, 10 * u));
            left(4, 9);
            left(9, 14);
            break;
        case MediaIcon::next:
            triangle(2, 7);
            triangle(7, 12);
            p.drawRect(QRectF(12 * u, 3 * u, 2 * u, 10 * u));
            break;
        }
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

QAction *add(QMenu *menu, const QString &text, const QKeySequence &keys, const QString &tip) {
    QAction *a = menu->addAction(text);
    if (!keys.isEmpty())
        a->setShortcut(keys);
    a->setToolTip(tip);
    a->setStatusTip(tip);
    return a;
}

} // namespace

void MainWindow::build_actions() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    connect(add(file, tr("&New Scenario"), QKeySequence::New, tr("Start from an empty scenario")),
            &QAction::triggered, this, &MainWindow::new_scenario);
    connect(add(file, tr("&Open Scenario..."), QKeySequence::Open, tr("Open a scenario file")),
            &QAction::triggered, this, &MainWindow::choose_and_open);
    recent_menu_ = file->addMenu(tr("Open &Recent"));
    rebuild_recent_menu();
    connect(add(file, tr("&Save"), QKeySequence::Save, tr("Save the scenario")),
            &QAction::triggered, this, [this] { save(); });
    connect(add(file, tr("Save &As..."), QKeySequence(tr("Ctrl+Shift+S")),
                tr("Save under another name")),
            &QAction::triggered, this, [this] { save_as(); });
    file->addSeparator();
    QMenu *exports = file->addMenu(tr("&Export"));
    connect(add(exports, tr("Map as &PNG..."), {}, tr("The map at the playhead as a picture")),
            &QAction::triggered, this, [this] { export_picture(true, false); });
    connect(add(exports, tr("Map as &SVG..."), {}, tr("The map at the playhead as vector art")),
            &QAction::triggered, this, [this] { export_picture(true, true); });
    connect(add(exports, tr("&Timeline as PNG..."), {}, tr("The timeline as a picture")),
            &QAction::triggered, this, [this] { export_picture(false, false); });
    connect(add(exports, tr("Timeline as S&VG..."), {}, tr("The timeline as vector art")),
            &QAction::triggered, this, [this] { export_picture(false, true); });
    connect(add(exports, tr("Report as &JSON..."), {}, tr("The full report of the run")),
            &QAction::triggered, this, [this] { export_report(false); });
    connect(add(exports, tr("Series as &CSV..."), {}, tr("The sampled series of the run")),
            &QAction::triggered, this, [this] { export_report(true); });
    file->addSeparator();
    connect(add(file, tr("&Quit"), QKeySequence::Quit, tr("Leave Failover Lab")),
            &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // One undo history per design: a comparison's B has its own, made active with its side.
    undo_group_ = new QUndoGroup(this);
    undo_group_->addStack(doc_.undo_stack());
    undo_group_->setActiveStack(doc_.undo_stack());
    QAction *undo = undo_group_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = undo_group_->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    connect(add(edit, tr("&Delete"), QKeySequence::Delete, tr("Remove the selected component")),
            &QAction::triggered, this, &MainWindow::remove_selected);
    connect(add(edit, tr("D&uplicate"), QKeySequence(tr("Ctrl+D")),
                tr("Copy the selected population or fault")),
            &QAction::triggered, this, [this] {
                const QString id = selected_;
                report_edit(doc().edit(tr("Duplicate %1").arg(id), [&](model::Scenario &s) {
                    return model::duplicate_component(s, id.toStdString());
                }));
            });
    edit->addSeparator();
    // The scenario's own settings: from this dialog, or from the inspector with nothing
    // selected; either way one undoable edit.
    const auto change_settings = [this](const model::ScenarioSettings &settings) {
        if (settings == model::scenario_settings_of(doc().scenario()))
            return;
        report_edit(doc().edit(tr("Change scenario settings"), [&](model::Scenario &s) {
            return model::set_scenario_settings(s, settings);
        }));
    };
    QAction *settings = add(edit, tr("Scenario &Settings..."), QKeySequence(tr("Ctrl+,")),
                            tr("The scenario's name, run length, sample step, seed and SLO"));
    settings->setObjectName(QStringLiteral("scenario_settings"));
    connect(settings, &QAction::triggered, this, [this, change_settings] {
        if (const auto chosen =
                ask_scenario_settings(this, model::scenario_settings_of(doc().scenario())))
            change_settings(*chosen);
    });
    connect(inspector_, &widgets::Inspector::settings_edit_requested, this, change_settings);

    view_menu_ = menuBar()->addMenu(tr("&View"));
    connect(add(view_menu_, tr("Zoom &In"), QKeySequence::ZoomIn, tr("Zoom into the map")),
            &QAction::triggered, this, [this] { map_->zoom_in(); });
    connect(add(view_menu_, tr("Zoom &Out"), QKeySequence::ZoomOut, tr("Zoom out of the map")),
            &QAction::triggered, this, [this] { map_->zoom_out(); });
    connect(add(view_menu_, tr("&Fit to Content"), QKeySequence(tr("Ctrl+0")),
                tr("Show every component")),
            &QAction::triggered, this, [this] { map_->fit_to_content(); });
    view_menu_->addSeparator();
    reduce_motion_ = add(view_menu_, tr("&Reduce Motion"), {},
                         tr("Show traffic as flow widths instead of moving dots"));
    reduce_motion_->setCheckable(true);
    reduce_motion_->setChecked(QSettings().value(QStringLiteral("view/reduce_motion")).toBool());
    map_->set_reduce_motion(reduce_motion_->isChecked());
    connect(reduce_motion_, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("view/reduce_motion"), on);
        map_->set_reduce_motion(on);
        if (compare_)
            compare_->map(Side::b)->set_reduce_motion(on);
    });
    QMenu *theme = view_menu_->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const std::pair<QString, Theme> choices[] = {
        {tr("&System"), Theme::system}, {tr("&Light"), Theme::light}, {tr("&Dark"), Theme::dark}};
    const int current = QSettings().value(QStringLiteral("view/theme"), 0).toInt();
    for (const auto &[label, value] : choices) {
        QAction *a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(static_cast<int>(value) == current);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, value = value] { set_theme(value); });
    }
    view_menu_->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        view_menu_->addAction(d->toggleViewAction());

    QMenu *play = menuBar()->addMenu(tr("&Playback"));
    play_ = add(play, tr("&Play"), QKeySequence(Qt::Key_Space), tr("Play or pause the replay"));
    connect(play_, &QAction::triggered, &clock_, &PlaybackClock::toggle);
    QAction *prev = add(play, tr("P&revious Event"), QKeySequence(tr("Ctrl+Left")),
                        tr("Jump to the previous event"));
    prev_ = prev;
    connect(prev, &QAction::triggered, this, [this] {
        if (report_)
            clock_.seek(model::previous_event_time(*report_, clock_.playhead()).value_or(0));
    });
    QAction *next =
        add(play, tr("&Next Event"), QKeySequence(tr("Ctrl+Right")), tr("Jump to the next event"));
    next_ = next;
    connect(next, &QAction::triggered, this, [this] {
        if (report_)
            clock_.seek(model::next_event_time(*report_, clock_.playhead()).value_or(clock_.end()));
    });
    connect(add(play, tr("Go to &Start"), QKeySequence(tr("Ctrl+Home")), tr("Rewind")),
            &QAction::triggered, this, [this] { clock_.seek(0); });
    connect(add(play, tr("Go to &End"), QKeySequence(tr("Ctrl+End")), tr("Jump to the end")),
            &QAction::triggered, this, [this] { clock_.seek(clock_.end()); });
    connect(add(play, tr("&Faster"), QKeySequence(tr("Ctrl+]")), tr("Double the replay speed")),
            &QAction::triggered, this, [this] {
                speed_->setCurrentIndex(std::min(speed_->currentIndex() + 1, speed_->count() - 1));
            });
    connect(add(play, tr("&Slower"), QKeySequence(tr("Ctrl+[")), tr("Halve the replay speed")),
            &QAction::triggered, this,
            [this] { speed_->setCurrentIndex(std::max(speed_->currentIndex() - 1, 0)); });
    play->addSeparator();
    QAction *again = add(play, tr("Run the Model &Again"), QKeySequence(Qt::Key_F9),
                         tr("Run the open scenario again"));
    connect(again, &QAction::triggered, this, [this] { live_.request(doc_.scenario()); });
    QAction *cancel = add(play, tr("&Cancel the Run"), QKeySequence(Qt::Key_Escape),
                          tr("Stop waiting for the model; the views keep the last finished run"));
    cancel->setObjectName(QStringLiteral("cancel_run"));
    connect(cancel, &QAction::triggered, this, &MainWindow::cancel_model_work);
    play->addSeparator();
    QMenu *fault = menuBar()->addMenu(tr("F&ault"));
    connect(add(fault, tr("&Fail Selected Region Now"), QKeySequence(tr("Ctrl+F")),
                tr("A region outage at the playhead")),
            &QAction::triggered, this, [this] {
                quick_action({model::QuickAction::fail_region, selected_.toStdString(), {}, 0});
            });
    connect(add(fault, tr("&Recover Selected Region Now"), QKeySequence(tr("Ctrl+R")),
                tr("End the selected region's outage at the playhead")),
            &QAction::triggered, this, [this] {
                quick_action({model::QuickAction::recover_region, selected_.toStdString(), {}, 0});
            });

    QMenu *lessons = menuBar()->addMenu(tr("&Lessons"));
    connect(add(lessons, tr("&Present Walkthrough"), QKeySequence(Qt::Key_F5),
                tr("Present the current chapter's walkthrough full screen, or choose one")),
            &QAction::triggered, this, [this] {
                const int lesson = reader_->current();
                if (lesson >= 0 &&
                    !reader_->lessons()[static_cast<std::size_t>(lesson)].walkthroughs.empty()) {
                    start_walkthrough(lesson, 0);
                    return;
                }
                // No walkthrough here: offer them all, to pick with the arrow keys and Enter.
                say(tr("This chapter has no walkthrough; choose one"));
                walkthroughs_menu_->popup(mapToGlobal(rect().center()));
            });
    walkthroughs_menu_ = lessons->addMenu(tr("&Walkthroughs"));
    walkthroughs_menu_->setToolTipsVisible(true);
    rebuild_walkthroughs_menu();
    connect(add(lessons, tr("Worked Example: &RTO Calculator"), QKeySequence(tr("Ctrl+Shift+R")),
                tr("Health-check interval, threshold and TTL against the RTO (C15)")),
            &QAction::triggered, this, [this] { open_worked_example(model::WorkedExample::rto); });
    connect(add(lessons, tr("Worked Example: &Break-even"), QKeySequence(tr("Ctrl+Shift+B")),
                tr("Each pattern's running cost against its downtime cost (C6)")),
            &QAction::triggered, this,
            [this] { open_worked_example(model::WorkedExample::break_even); });
    lessons->addSeparator();
    connect(add(lessons, tr("&Test Yourself on This Chapter"), QKeySequence(tr("Ctrl+Shift+T")),
                tr("The open chapter's questions, graded by the model")),
            &QAction::triggered, this, [this] { test_yourself(std::max(0, reader_->current())); });
    connect(add(lessons, tr("&Interview Practice..."), QKeySequence(tr("Ctrl+Shift+I")),
                tr("Questions drawn across the course, against the clock, with a review")),
            &QAction::triggered, this, [this] {
                const QStringList lengths = {tr("5 questions in 10 minutes"),
                                             tr("10 questions in 20 minutes"),
                                             tr("20 questions in 40 minutes")};
                bool ok = false;
                const QString pick =
                    QInputDialog::getItem(this, tr("Interview Practice"),
                                          tr("Length of the round:"), lengths, 1, false, &ok);
                if (!ok)
                    return;
                const int n = pick == lengths[0] ? 5 : pick == lengths[2] ? 20 : 10;
                interview_practice(n, 2 * n,
                                   static_cast<std::uint64_t>(QDateTime::currentSecsSinceEpoch()));
            });
    lessons->addSeparator();
    connect(
        add(lessons, tr("&Load Lesson Pack..."), {}, tr("Add the lessons in a folder of your own")),
        &QAction::triggered, this, [this] {
            const QString folder = QFileDialog::getExistingDirectory(this, tr("Load Lesson Pack"));
            if (!folder.isEmpty())
                load_lesson_pack(folder);
        });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(add(help, tr("&About Failover Lab"), {}, tr("Version and licence")),
            &QAction::triggered, this, [this] {
                QMessageBox::about(this, tr("About Failover Lab"),
                                   tr("<b>Failover Lab</b> %1<br>Learn multi-region failover by "
                                      "breaking things.<br>Map data: Natural Earth (public "
                                      "domain) via world-atlas.")
                                       .arg(QApplication::applicationVersion()));
            });

    // While the model works for more than a moment: what is going on, and a way out.
    busy_ = new QWidget(this);
    busy_->setObjectName(QStringLiteral("model_busy"));
    auto *busy_layout = new QHBoxLayout(busy_);
    busy_layout->setContentsMargins(0, 0, 0, 0);
    busy_layout->addWidget(new QLabel(tr("Running the model\u2026"), busy_));
    auto *cancel_button = new QToolButton(busy_);
    cancel_button->setDefaultAction(cancel);
    cancel_button->setText(tr("Cancel"));
    cancel_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    busy_layout->addWidget(cancel_button);
    busy_->hide();
    statusBar()->addPermanentWidget(busy_);

    QToolBar *bar = addToolBar(tr("Playback"));
    bar->setObjectName(QStringLiteral("playback"));
    bar->addAction(prev);
    bar->addAction(play_);
    bar->addAction(next);
}

void MainWindow::build_playback_bar() {
    auto *bar = findChild<QToolBar *>(QStringLiteral("playback"));
    speed_ = new QComboBox(bar);
    speed_->setToolTip(tr("Replay speed: simulated seconds per real second"));
    for (double v : {0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0})
        speed_->addItem(tr("%1x").arg(v), v);
    speed_->setCurrentIndex(5);
    clock_.set_speed(10.0);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this] { clock_.set_speed(speed_->currentData().toDouble()); });
    bar->addWidget(speed_);
    scrubber_ = new QSlider(Qt::Horizontal, bar);
    scrubber_->setToolTip(tr("Drag to move the playhead"));
    scrubber_->setMinimumWidth(300);
    connect(scrubber_, &QSlider::valueChanged, this,
            [this](int s) { clock_.seek(static_cast<model::Ms>(s) * 1000); });
    bar->addWidget(scrubber_);
    clock_label_ = new QLabel(bar);
    clock_label_->setToolTip(tr("Playhead / end of the run"));
    clock_label_->setMinimumWidth(150);
    bar->addWidget(clock_label_);
}

void MainWindow::new_scenario() {
    if (!confirm_discard())
        return;
    adopt(model::starter_scenario(tr("Untitled").toStdString()), QString(), [this] {
        clock_.seek(0);
        map_->fit_to_content();
    });
}

void MainWindow::choose_and_open() {
    if (!confirm_discard())
        return;
    const QString path = choose_scenario_to_open(this);
    if (!path.isEmpty())
        open_file_in_background(path);
}

bool MainWindow::save() {
    return doc().path().isEmpty() ? save_as() : save_to(doc().path());
}

bool MainWindow::save_as() {
    const QString path =
        choose_scenario_to_save(this, doc().path(), QString::fromStdString(doc().scenario().name));
    return !path.isEmpty() && save_to(path);
}

bool MainWindow::save_to(const QString &path) {
    QString error;
    if (!doc().save(path, &error)) {
        warn(this, tr("Not saved"),
             tr("The scenario could not be saved to %1.").arg(QDir::toNativeSeparators(path)),
             error);
        return false;
    }
    add_recent(path);
    say(tr("Saved %1").arg(path));
    update_title();
    return true;
}

void MainWindow::export_report(bool csv) {
    if (!report_)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, csv ? tr("Export Series") : tr("Export Report"), QString(),
        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile f(path);
    const std::string text = csv ? model::report_csv(*report_) : model::report_json(*report_);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(text.data(), static_cast<qint64>(text.size())) < 0 || !f.commit()) {
        QMessageBox::warning(this, tr("Not exported"), f.errorString());
        return;
    }
    say(tr("Exported %1").arg(path));
}

void MainWindow::export_picture(bool map, bool svg) {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Picture"), QString(),
                                     svg ? tr("SVG files (*.svg)") : tr("PNG files (*.png)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    if (!map) {
        ok = svg ? timeline_->export_svg(path) : timeline_->export_png(path);
    } else if (svg) {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(map_->viewport()->size());
        gen.setViewBox(QRect(QPoint(0, 0), map_->viewport()->size()));
        gen.setTitle(tr("Failover Lab map"));
        QPainter p(&gen);
        map_->render(&p);
        ok = p.end();
    } else {
        ok = map_->grab().save(path);
    }
    say(ok ? tr("Exported %1").arg(path) : tr("Could not write %1").arg(path));
}

void MainWindow::add_recent(const QString &path) {
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recent"), recent.mid(0, 8));
    rebuild_recent_menu();
}

void MainWindow::rebuild_recent_menu() {
    recent_menu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recent")).toStringList();
    for (const QString &path : recent)
        connect(recent_menu_->addAction(path), &QAction::triggered, this, [this, path] {
            if (confirm_discard())
                open_file_in_background(path);
        });
    recent_menu_->setEnabled(!recent.isEmpty());
}

void MainWindow::set_theme(Theme theme) {
    QSettings().setValue(QStringLiteral("view/theme"), static_cast<int>(theme));
    static const QPalette system_palette = QApplication::palette(); // before any theme
    if (theme == Theme::system) {
        QApplication::setPalette(system_palette);
        update_icons();
        if (report_)
            show_playhead(clock_.playhead());
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = QApplication::style()->standardPalette();
    if (theme == Theme::dark) {
        p.setColor(QPalette::Window, QColor(45, 45, 48));
        p.setColor(QPalette::WindowText, QColor(230, 230, 230));
        p.setColor(QPalette::Base, QColor(30, 30, 32));
        p.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
        p.setColor(QPalette::Text, QColor(230, 230, 230));
        p.setColor(QPalette::Button, QColor(55, 55, 58));
        p.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
        p.setColor(QPalette::ToolTipText, QColor(235, 235, 235));
        p.setColor(QPalette::Highlight, QColor(86, 156, 214));
        p.setColor(QPalette::HighlightedText, Qt::black);
        p.setColor(QPalette::Mid, QColor(80, 80, 84));
        p.setColor(QPalette::Dark, QColor(25, 25, 27));
        p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(130, 130, 130));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(130, 130, 130));
    } else if (theme == Theme::light) {
        p.setColor(QPalette::Window, QColor(246, 246, 246));
        p.setColor(QPalette::Base, Qt::white);
    }
    QApplication::setPalette(p);
    update_icons();
    if (report_)
        show_playhead(clock_.playhead());
}

void MainWindow::rebuild_walkthroughs_menu() {
    walkthroughs_menu_->clear();
    const auto &all = reader_->lessons();
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t w = 0; w < all[i].walkthroughs.size(); ++w) {
            QAction *a =
                walkthroughs_menu_->addAction(QString::fromStdString(all[i].walkthroughs[w].title));
            a->setToolTip(tr("From the chapter \"%1\"").arg(QString::fromStdString(all[i].title)));
            connect(a, &QAction::triggered, this,
                    [this, lesson = static_cast<int>(i), walk = static_cast<int>(w)] {
                        reader_->show_lesson(lesson);
                        start_walkthrough(lesson, walk);
                    });
        }
    walkthroughs_menu_->setEnabled(!walkthroughs_menu_->isEmpty());
}

void MainWindow::update_icons() {
    const QColor colour = QApplication::palette().color(QPalette::WindowText);
    play_->setIcon(media_icon(clock_.playing() ? MediaIcon::pause : MediaIcon::play, colour));
    prev_->setIcon(media_icon(MediaIcon::previous, colour));
    next_->setIcon(media_icon(MediaIcon::next, colour));
}

} // namespace app
