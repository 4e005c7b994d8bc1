// The main window's side of a comparison: branching, the active side, saving and keeping a
// side, and the lesson steps that open a comparison.
#include "mainwindow.h"

#include "app/lessonlibrary.h"
#include "model/compare_lesson.h"
#include "model/scenario_json.h"
#include "widgets/comparisonpanel.h"
#include "widgets/faultlist.h"
#include "widgets/inspector.h"
#include "widgets/lessonreader.h"
#include "widgets/mapview.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QTimer>
#include <QToolBar>
#include <QUndoGroup>
#include <QVBoxLayout>

#include <algorithm>

namespace app {

namespace {
Side other(Side side) {
    return side == Side::a ? Side::b : Side::a;
}
QString letter(Side side) {
    return side == Side::a ? QStringLiteral("A") : QStringLiteral("B");
}
} // namespace

Document &MainWindow::doc() {
    return compare_ ? *compare_->document(compare_->active()) : doc_;
}

void MainWindow::build_compare_actions() {
    QMenu *menu = new QMenu(tr("&Compare"), this);
    // Before Help, where the other menus are.
    QAction *help = menuBar()->actions().isEmpty() ? nullptr : menuBar()->actions().back();
    menuBar()->insertMenu(help, menu);
    const auto add = [&](const QString &text, const QKeySequence &keys, const QString &tip) {
        QAction *a = menu->addAction(text);
        a->setShortcut(keys);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        return a;
    };
    branch_ = add(tr("&Branch This Design"), QKeySequence(tr("Ctrl+B")),
                  tr("Compare the open design (A) with a copy of it (B) to change"));
    branch_->setObjectName(QStringLiteral("branch"));
    connect(branch_, &QAction::triggered, this, [this] { branch(); });
    menu->addSeparator();
    QAction *edit_a = add(tr("Edit Design &A"), QKeySequence(tr("Ctrl+1")),
                          tr("Edits, the inspector and the faults go to design A"));
    connect(edit_a, &QAction::triggered, this, [this] { set_active_side(Side::a); });
    QAction *edit_b = add(tr("Edit Design &B"), QKeySequence(tr("Ctrl+2")),
                          tr("Edits, the inspector and the faults go to design B"));
    connect(edit_b, &QAction::triggered, this, [this] { set_active_side(Side::b); });
    menu->addSeparator();
    QAction *save_b_as = add(tr("Save Design B &As..."), {}, tr("Save design B under a name"));
    connect(save_b_as, &QAction::triggered, this, [this] { save_side(Side::b, true); });
    QAction *keep_a =
        add(tr("&Keep Design A"), {}, tr("End the comparison and go on with design A"));
    connect(keep_a, &QAction::triggered, this, [this] { keep_side(Side::a); });
    QAction *keep_b =
        add(tr("Keep &Design B"), {}, tr("End the comparison and go on with design B"));
    connect(keep_b, &QAction::triggered, this, [this] { keep_side(Side::b); });
    compare_actions_ = {edit_a, edit_b, save_b_as, keep_a, keep_b};
    for (QAction *action : compare_actions_)
        action->setEnabled(false);

    QToolBar *bar = addToolBar(tr("Compare"));
    bar->setObjectName(QStringLiteral("compare"));
    bar->addAction(branch_);
}

bool MainWindow::branch() {
    if (compare_) {
        say(tr("Already comparing: keep design A or B first (Compare menu)."));
        return false;
    }
    return open_comparison(doc_.scenario(), doc_.scenario(), {}, {});
}

bool MainWindow::open_comparison(model::Scenario a, model::Scenario b, const QString &a_label,
                                 const QString &b_label) {
    if (compare_)
        return false;
    // A lesson's A replaces the open design; a branch keeps it as it is (and its undo history).
    if (model::write_scenario(a) != model::write_scenario(doc_.scenario())) {
        if (!confirm_discard())
            return false;
        clock_.pause();
        doc_.reset(std::move(a), QString()); // its run comes from the background runner
    }
    compare_ = std::make_unique<Comparison>(&doc_, &live_, map_, b);
    Comparison *c = compare_.get();
    c->autosave_b(autosaver_.folder());
    c->set_labels(a_label, b_label);

    // The workspace: map A in pane A beside pane B; the replay dock shows the comparison.
    // The banner and map A's frame wait, hidden, until the comparison ends.
    takeCentralWidget(); // gives up ownership: the window keeps it as a hidden child
    centre_->setParent(this);
    centre_->hide();
    c->pane(Side::a)->set_body(map_);
    setCentralWidget(c->workspace());
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("replay"))) {
        replay_widget_ = dock->widget();
        replay_height_ = dock->height();
        c->panel()->set_time_window(time_window_);
        dock->setWidget(c->panel());
        c->panel()->show();
        // Two timelines want more room than one, but the maps keep the larger part (once the
        // panel is laid out: the dock takes its new widget's size first).
        QTimer::singleShot(0, this, [this, dock] {
            resizeDocks({dock}, {std::max(replay_height_, height() / 3)}, Qt::Vertical);
        });
    }
    undo_group_->addStack(c->document(Side::b)->undo_stack());

    widgets::MapView *b_map = c->map(Side::b);
    b_map->set_reduce_motion(reduce_motion_->isChecked());
    connect(b_map, &widgets::MapView::component_dropped, this, &MainWindow::drop_component);
    connect(b_map, &widgets::MapView::drop_refused, this, [this](const QString &why) { say(why); });
    connect(b_map, &widgets::MapView::component_moved, this, &MainWindow::move_component);
    connect(b_map, &widgets::MapView::link_requested, this, &MainWindow::link_components);
    connect(b_map, &widgets::MapView::quick_action, this, &MainWindow::quick_action);
    connect(b_map, &widgets::MapView::selection_changed, this, [this](const QString &id) {
        if (!compare_ || compare_->active() != Side::b)
            return;
        selected_ = id;
        inspector_->show_component(doc().scenario(), id);
    });
    connect(c, &Comparison::active_changed, this, &MainWindow::side_changed);
    connect(c, &Comparison::b_changed, this, [this] {
        if (compare_ && compare_->active() == Side::b)
            document_changed_panels();
        update_title();
    });
    connect(c, &Comparison::save_requested, this,
            [this](Side side, bool choose) { save_side(side, choose); });
    connect(c, &Comparison::keep_requested, this, [this](Side side) {
        // Queued: the pane whose button was pressed goes with the comparison.
        QTimer::singleShot(0, this, [this, side] { keep_side(side); });
    });
    connect(c->panel(), &widgets::ComparisonPanel::seek_requested, &clock_, &PlaybackClock::seek);
    for (QAction *action : compare_actions_)
        action->setEnabled(true);
    branch_->setEnabled(false);

    c->a_updated();
    side_changed();
    update_title();
    // Both maps frame their design once the split has given them their sizes.
    QTimer::singleShot(0, this, [this] {
        if (!compare_)
            return;
        compare_->map(Side::a)->fit_to_content();
        compare_->map(Side::b)->fit_to_content();
    });
    say(tr("Comparing: A is the design as it was, B a copy to change. Edits go to the side "
           "you click; Ctrl+1 and Ctrl+2 choose one."),
        10000);
    return true;
}

void MainWindow::set_active_side(Side side) {
    if (compare_)
        compare_->set_active(side);
}

void MainWindow::side_changed() {
    if (!compare_)
        return;
    const Side side = compare_->active();
    undo_group_->setActiveStack(compare_->document(side)->undo_stack());
    selected_ = compare_->map(side)->selected_id();
    document_changed_panels();
    say(tr("Editing design %1: %2").arg(letter(side), compare_->name(side)), 4000);
}

bool MainWindow::save_side(Side side, bool choose_path) {
    if (!compare_)
        return choose_path ? save_as() : save();
    compare_->set_active(side);
    return choose_path ? save_as() : save();
}

bool MainWindow::ask_unsaved(Side side) {
    Document *d = compare_ ? compare_->document(side) : &doc_;
    if (!d->modified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("Design %1 (%2) has changes that are not saved. Save them first?")
            .arg(letter(side), compare_ ? compare_->name(side) : QString()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save_side(side, false);
    return answer == QMessageBox::Discard;
}

bool MainWindow::confirm_end_comparison() {
    if (!ask_unsaved(Side::b) || !ask_unsaved(Side::a))
        return false;
    finish_comparison();
    return true;
}

bool MainWindow::keep_side(Side keep) {
    if (!compare_)
        return false;
    if (!ask_unsaved(other(keep)))
        return false;
    if (keep == Side::a) {
        finish_comparison();
        say(tr("Kept design A; the comparison ended."));
        return true;
    }
    Document *b = compare_->document(Side::b);
    model::Scenario kept = b->scenario();
    const QString path = b->path();
    const bool unsaved = b->modified();
    finish_comparison();
    doc_.reset(std::move(kept), path);
    if (unsaved)
        doc_.mark_unsaved(); // B's changes are still to be saved, now as the open design's
    say(tr("Kept design B as the open design; the comparison ended."));
    return true;
}

void MainWindow::finish_comparison() {
    if (!compare_)
        return;
    undo_group_->removeStack(compare_->document(Side::b)->undo_stack());
    undo_group_->setActiveStack(doc_.undo_stack());
    compare_->pane(Side::a)->take_body();
    takeCentralWidget(); // the comparison's, which goes with it
    static_cast<QVBoxLayout *>(centre_->layout())->addWidget(map_, 1);
    setCentralWidget(centre_);
    centre_->show();
    map_->show();
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("replay")); dock && replay_widget_) {
        dock->setWidget(replay_widget_);
        replay_widget_->show();
        resizeDocks({dock}, {replay_height_}, Qt::Vertical);
    }
    replay_widget_ = nullptr;
    // Every way here has settled B: saved, discarded, or kept as the open design (whose own
    // autosave now covers it).
    compare_->discard_b_autosave();
    compare_.reset();
    for (QAction *action : compare_actions_)
        action->setEnabled(false);
    branch_->setEnabled(true);
    if (live_.current())
        clock_.set_end(live_.current().report->run.end_ms);
    selected_ = map_->selected_id();
    document_changed_panels();
    update_title();
    QTimer::singleShot(0, map_, [this] { map_->fit_to_content(); });
}

QString MainWindow::compare_title() const {
    const auto side = [this](Side s) {
        const Document *d = compare_->document(s);
        return tr("%1: %2%3")
            .arg(letter(s), compare_->name(s), d->modified() ? QStringLiteral("*") : QString());
    };
    return tr("Comparing %1 with %2 - Failover Lab").arg(side(Side::a), side(Side::b));
}

const model::Lesson *MainWindow::lesson_at(int lesson) const {
    const auto &lessons = reader_->lessons();
    if (lesson < 0 || lesson >= static_cast<int>(lessons.size()))
        return nullptr;
    return &lessons[static_cast<std::size_t>(lesson)];
}

bool MainWindow::open_prepared_comparison(model::PreparedComparison c) {
    if (!c.a) {
        say(tr("The comparison cannot be opened: %1").arg(QString::fromStdString(c.detail)));
        return false;
    }
    if (compare_ && !confirm_end_comparison())
        return false;
    return open_comparison(std::move(*c.a), std::move(*c.b), QString::fromStdString(c.a_label),
                           QString::fromStdString(c.b_label));
}

bool MainWindow::open_try_comparison(int lesson, int step) {
    const model::Lesson *l = lesson_at(lesson);
    return l && open_prepared_comparison(
                    model::prepare_try_comparison(*l, static_cast<std::size_t>(step), qt_reader()));
}

bool MainWindow::open_walk_comparison(int lesson, int walkthrough, int step) {
    const model::Lesson *l = lesson_at(lesson);
    return l && open_prepared_comparison(
                    model::prepare_walk_comparison(*l, static_cast<std::size_t>(walkthrough),
                                                   static_cast<std::size_t>(step), qt_reader()));
}

} // namespace app
