// The main window's means to watch a failover: the time window the timeline and the charts
// share and its zoom to the failover, slow playback at events, the map legend, the keyboard
// shortcuts page, hover highlighting between the map and the timeline, and the first size.
#include "mainwindow.h"

#include "model/failover_span.h"
#include "widgets/charts.h"
#include "widgets/eventlist.h"
#include "widgets/maplegend.h"
#include "widgets/mapview.h"
#include "widgets/shortcutshelp.h"
#include "widgets/timeline.h"
#include "widgets/timewindow.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace app {
namespace {

QMenu *menu_titled(QMenuBar *bar, const QString &title) {
    for (QAction *a : bar->actions())
        if (a->menu() && a->menu()->title() == title)
            return a->menu();
    return nullptr;
}

QAction *first_action(QMenu *menu) {
    return menu && !menu->actions().isEmpty() ? menu->actions().front() : nullptr;
}

void collect(QMenu *menu, QList<QAction *> &out) {
    for (QAction *a : menu->actions()) {
        if (a->menu())
            collect(a->menu(), out);
        else if (!a->shortcuts().isEmpty() && !out.contains(a))
            out.append(a);
    }
}

} // namespace

void MainWindow::build_watch() {
    time_window_ = new widgets::SharedTimeWindow(this);
    timeline_->set_time_window(time_window_);
    charts_->set_time_window(time_window_);
    connect(timeline_, &widgets::Timeline::component_hovered, map_,
            &widgets::MapView::set_highlight);
    connect(map_, &widgets::MapView::component_hovered, timeline_,
            &widgets::Timeline::set_highlight);

    legend_ = new widgets::MapLegend;
    auto *scroll = new QScrollArea;
    scroll->setWidget(legend_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    legend_dock_ = new QDockWidget(tr("Map Legend"), this);
    legend_dock_->setObjectName(QStringLiteral("legend"));
    legend_dock_->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, legend_dock_);
    if (auto *lessons = findChild<QDockWidget *>(QStringLiteral("lessons"))) {
        tabifyDockWidget(lessons, legend_dock_);
        lessons->raise();
    }
    const auto show_legend = [this] {
        legend_dock_->show();
        legend_dock_->raise();
    };
    connect(map_, &widgets::MapView::legend_requested, this, show_legend);

    // View: the timeline's zoom, which the charts follow.
    view_menu_->insertSeparator(first_action(view_menu_));
    QAction *failover = new QAction(tr("Zoom Timeline to the &Failover"), this);
    failover->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    failover->setToolTip(tr("Show the timeline and the charts from the first fault to the last "
                            "recovery"));
    failover->setStatusTip(failover->toolTip());
    failover->setObjectName(QStringLiteral("zoom_to_failover"));
    connect(failover, &QAction::triggered, this, &MainWindow::zoom_to_failover);
    QAction *whole = new QAction(tr("Show the &Whole Run"), this);
    whole->setShortcut(QKeySequence(tr("Ctrl+Shift+0")));
    whole->setToolTip(tr("Zoom the timeline and the charts out to the whole run"));
    whole->setStatusTip(whole->toolTip());
    connect(whole, &QAction::triggered, time_window_, &widgets::SharedTimeWindow::reset);
    QMenu *zoom = new QMenu(tr("T&imeline Zoom"), view_menu_);
    zoom->addAction(failover);
    zoom->addAction(whole);
    zoom->addSeparator();
    zoom->addAction(timeline_->zoom_in_action());
    zoom->addAction(timeline_->zoom_out_action());
    zoom->addAction(timeline_->zoom_reset_action());
    view_menu_->insertMenu(first_action(view_menu_), zoom);
    addAction(failover); // its shortcut works wherever the focus is
    addAction(whole);

    // Playback: slow at events.
    slow_at_events_ = new QAction(tr("S&low at Events"), this);
    slow_at_events_->setCheckable(true);
    slow_at_events_->setShortcut(QKeySequence(tr("Ctrl+E")));
    slow_at_events_->setToolTip(tr("Play at 1x within 10 s of each event and at the chosen "
                                   "speed in between"));
    slow_at_events_->setStatusTip(slow_at_events_->toolTip());
    slow_at_events_->setObjectName(QStringLiteral("slow_at_events"));
    slow_at_events_->setChecked(QSettings().value(QStringLiteral("view/slow_at_events")).toBool());
    clock_.set_slow_at_events(slow_at_events_->isChecked());
    connect(slow_at_events_, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("view/slow_at_events"), on);
        clock_.set_slow_at_events(on);
    });
    if (QMenu *play = menu_titled(menuBar(), tr("&Playback")))
        play->addAction(slow_at_events_);
    if (auto *bar = findChild<QToolBar *>(QStringLiteral("playback"))) {
        bar->addSeparator();
        bar->addAction(slow_at_events_);
        bar->addAction(failover);
    }

    // Help: the shortcuts page and the legend.
    if (QMenu *help = menu_titled(menuBar(), tr("&Help"))) {
        QAction *about = first_action(help);
        QAction *keys = new QAction(tr("&Keyboard Shortcuts"), this);
        keys->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(tr("Ctrl+/"))});
        keys->setToolTip(tr("Every keyboard shortcut of the window"));
        keys->setStatusTip(keys->toolTip());
        connect(keys, &QAction::triggered, this, [this] { show_shortcuts(); });
        help->insertAction(about, keys);
        QAction *legend = new QAction(tr("Map &Legend"), this);
        legend->setShortcut(QKeySequence(tr("Ctrl+L")));
        legend->setToolTip(tr("What every symbol on the map means"));
        legend->setStatusTip(legend->toolTip());
        connect(legend, &QAction::triggered, this, show_legend);
        help->insertAction(about, legend);
        help->insertSeparator(about);
    }
}

void MainWindow::zoom_to_failover() {
    if (!report_)
        return;
    const std::optional<model::TimeSpan> span = model::failover_span(*report_);
    if (!span) {
        say(tr("This run has no fault: nothing to zoom to"));
        return;
    }
    time_window_->set(widgets::TimeWindow::of(span->from_ms, span->to_ms, report_->run.end_ms));
    if (!time_window_->window().contains(clock_.playhead()))
        clock_.seek(span->from_ms);
}

QList<QAction *> MainWindow::shortcut_actions() const {
    QList<QAction *> out;
    for (QAction *a : menuBar()->actions())
        if (a->menu())
            collect(a->menu(), out);
    for (QAction *a : findChildren<QAction *>())
        if (!a->shortcuts().isEmpty() && !a->text().isEmpty() && !out.contains(a))
            out.append(a);
    return out;
}

widgets::ShortcutsHelp *MainWindow::show_shortcuts() {
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(dialog);
    auto *note = new QLabel(tr("Keys of the timeline work while it has the focus (click it "
                               "first). The map's own keys: + and - zoom, the arrows pan, Tab "
                               "selects the next part, F and R fail and recover a region."));
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *page = new widgets::ShortcutsHelp(dialog);
    page->set_actions(shortcut_actions());
    layout->addWidget(page);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    const QRect avail = geometry();
    dialog->resize(std::min(640, avail.width() - 40), std::min(620, avail.height() - 40));
    dialog->move(geometry().center() - dialog->rect().center());
    dialog->show();
    return page;
}

void MainWindow::fit_to_screen() {
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    fit_to(screen ? screen->availableGeometry() : QRect(0, 0, 1280, 720));
}

void MainWindow::fit_to(const QRect &avail) {
    // Docks and the toolbar keep their minimum sizes on the smallest screens we support.
    setMinimumSize(std::min(avail.width(), 960), std::min(avail.height(), 600));
    setGeometry(avail);
    // The right column a fifth of the width, the replay two ninths of the height (as low as
    // its tabs' smallest pages allow): the map gets the rest, at least half of the window.
    const int right = std::clamp(avail.width() / 5, 260, 480);
    const int bottom = std::clamp(avail.height() * 2 / 9, 150, 340);
    QList<QDockWidget *> column, replay;
    for (QDockWidget *d : findChildren<QDockWidget *>()) {
        if (dockWidgetArea(d) == Qt::RightDockWidgetArea)
            column << d;
        else if (dockWidgetArea(d) == Qt::BottomDockWidgetArea)
            replay << d;
    }
    // A column's parts wrap their text: none may hold the column wider than it was given.
    for (QDockWidget *d : column)
        d->widget()->setMinimumWidth(std::min(d->widget()->minimumSizeHint().width(), right - 20));
    if (!column.isEmpty())
        resizeDocks({column.front()}, {right}, Qt::Horizontal);
    if (!replay.isEmpty())
        resizeDocks({replay.front()}, {bottom}, Qt::Vertical);
}

} // namespace app
