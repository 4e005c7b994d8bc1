#include "presentation.h"

#include "app/lessonlibrary.h"
#include "model/simulation.h"
#include "model/world_at.h"
#include "widgets/mapview.h"
#include "widgets/timeline.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

#include <algorithm>

namespace app {

Presentation::Presentation(const model::Lesson &lesson, int walkthrough, QWidget *parent)
    : QWidget(parent, Qt::Window), lesson_(lesson), walk_index_(walkthrough),
      walk_(lesson.walkthroughs.at(static_cast<std::size_t>(walkthrough))) {
    setWindowTitle(tr("Walkthrough: %1").arg(QString::fromStdString(walk_.title)));
    setAttribute(Qt::WA_DeleteOnClose);
    // High contrast and large type, whatever the desktop theme.
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::black);
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(20, 20, 20));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(42, 42, 42));
    p.setColor(QPalette::PlaceholderText, QColor(185, 185, 185));
    p.setColor(QPalette::Mid, QColor(95, 95, 95));
    p.setColor(QPalette::Button, QColor(30, 30, 30));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(86, 156, 214));
    p.setColor(QPalette::HighlightedText, Qt::black);
    setPalette(p);
    setAutoFillBackground(true);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.8);
    setFont(f);

    map_ = new widgets::MapView(this);
    map_->set_editable(false); // the presenter fails and recovers; parts stay
    timeline_ = new widgets::Timeline(this);
    // The clicker's keys belong to the presentation, not to the map or the timeline.
    map_->setFocusPolicy(Qt::NoFocus);
    timeline_->setFocusPolicy(Qt::NoFocus);
    setFocusPolicy(Qt::StrongFocus);
    timeline_->setMinimumHeight(280);
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    QFont cf = f;
    cf.setPointSizeF(f.pointSizeF() * 1.3);
    cf.setBold(true);
    caption_->setFont(cf);
    counter_ = new QLabel(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(caption_);
    layout->addWidget(map_, 3);
    layout->addWidget(timeline_, 2);
    layout->addWidget(counter_);
    blank_ = new QWidget(this);
    blank_->setAutoFillBackground(true);
    blank_->setPalette(p);
    blank_->hide();

    const model::ScenarioLoad load =
        model::load_lesson_scenario(lesson_, walk_.scenario, qt_reader());
    if (load.scenario)
        base_ = *load.scenario;
    scenario_ = base_;

    // Speaker notes on a second screen when there is one.
    const auto screens = QGuiApplication::screens();
    if (screens.size() > 1) {
        notes_window_ = new QWidget(nullptr, Qt::Window);
        notes_window_->setWindowTitle(tr("Speaker notes"));
        notes_ = new QLabel(notes_window_);
        notes_->setWordWrap(true);
        auto *nl = new QVBoxLayout(notes_window_);
        nl->addWidget(notes_);
        notes_window_->setGeometry(screens.at(1)->availableGeometry());
        notes_window_->show();
    }

    connect(&clock_, &PlaybackClock::moved, this, &Presentation::show_at);
    connect(&live_, &LiveRun::updated, this, [this] {
        // A run (scripted or off script) is current: the map and timeline show it, paired.
        const RunSnapshot &run = live_.current();
        map_->show_scenario(*run.scenario);
        timeline_->set_report(run.report, *run.scenario);
        show_at(clock_.playhead());
        // A step's scripted run: the step goes on from here.
        if (const std::optional<Pending> pending = std::exchange(pending_, std::nullopt))
            finish_step(*pending);
    });
    connect(map_, &widgets::MapView::quick_action, this, &Presentation::change_off_script);
    go_to(0);
}

Presentation::~Presentation() {
    delete notes_window_;
}

QString Presentation::caption() const {
    if (shown_step_ < 0 || shown_step_ >= steps())
        return {};
    // Figures come from the scripted run: going off script changes the map, not the script.
    const std::string &text = walk_.steps[static_cast<std::size_t>(shown_step_)].caption;
    return QString::fromStdString(scripted_report_ ? model::fill_figures(text, *scripted_report_)
                                                   : text);
}

void Presentation::go_to(int step) {
    if (step < 0 || step >= steps())
        return;
    // A step starts from where the previous step's script put the playhead, whichever way the
    // presenter arrived (forward, back, or Backspace after going off script).
    const bool forward = step == step_ + 1;
    if (forward && step_ >= 0) {
        scripted_.resize(static_cast<std::size_t>(step_) + 1);
        scripted_.back() = target_;
    }
    const model::Ms from = step > 0 && static_cast<std::size_t>(step) <= scripted_.size()
                               ? scripted_[static_cast<std::size_t>(step) - 1]
                               : 0;
    step_ = step;
    off_script_ = false;
    notice_.clear();
    // The scripted state of a step: the scenario with every step's actions up to it.
    scenario_ = base_;
    model::RunOptions options;
    for (int k = 0; k <= step; ++k) {
        const model::EditResult r = model::apply_actions(
            scenario_, walk_.steps[static_cast<std::size_t>(k)].actions, options);
        if (!r.ok)
            notice_ =
                tr("This step could not be applied: %1").arg(QString::fromStdString(r.message));
    }
    // The step's run goes off the GUI thread; the step goes on when it has arrived.
    pending_ = Pending{step, forward, from};
    live_.request(scenario_);
}

void Presentation::finish_step(const Pending &pending) {
    const int step = pending.step;
    const bool forward = pending.forward;
    const model::Ms from = pending.from;
    const std::shared_ptr<const model::Report> report = live_.current().report;
    if (!report || step != step_)
        return;
    // Where this step's playhead goes: a time, the next event of a kind, or where it was.
    const model::WalkStep &s = walk_.steps[static_cast<std::size_t>(step)];
    target_ = from;
    if (s.at_ms)
        target_ = *s.at_ms;
    if (s.wait_for) {
        const model::Ms limit = s.timeout_ms > 0 ? from + s.timeout_ms : report->run.end_ms;
        std::optional<model::Ms> found;
        for (const auto &e : report->run.events)
            if (e.kind == *s.wait_for && e.t_ms > from && e.t_ms <= limit) {
                found = e.t_ms;
                break;
            }
        if (found) {
            target_ = *found;
        } else {
            target_ = std::min(limit, report->run.end_ms);
            notice_ = tr("\"%1\" did not happen in this run")
                          .arg(QString::fromUtf8(model::to_string(*s.wait_for)));
        }
    }
    scripted_report_ = report;
    if (shown_step_ < 0)
        shown_step_ = step; // the first caption: there is none on screen to keep meanwhile
    if (forward && target_ > from) {
        // Animate up to the target, in at most about three seconds; show_at stops there, and
        // the step's caption arrives with the map.
        clock_.pause();
        clock_.seek(from);
        clock_.set_speed(std::max(20.0, static_cast<double>(target_ - from) / 3000.0));
        clock_.play();
    } else {
        // Back, or restored: the scripted moment at once, view framed as the script left it.
        clock_.pause();
        clock_.seek(target_);
        if (!forward)
            restore_framing();
        arrive();
    }
    update_caption();
}

void Presentation::arrive() {
    shown_step_ = step_;
    show_at(clock_.playhead());
}

void Presentation::next() {
    go_to(step_ + 1);
}
void Presentation::previous() {
    go_to(step_ - 1);
}
void Presentation::restore() {
    go_to(step_);
}

void Presentation::toggle_blank() {
    blanked_ = !blanked_;
    blank_->setGeometry(rect());
    blank_->setVisible(blanked_);
    blank_->raise();
}

void Presentation::show_at(model::Ms t) {
    if (clock_.playing() && t >= target_) {
        clock_.pause();
        shown_step_ = step_;
        clock_.seek(target_); // lands here again, paused, and draws with the step's caption
        return;
    }
    const RunSnapshot &run = live_.current();
    if (!run)
        return;
    map_->show_world(*run.scenario, model::world_at(*run.scenario, *run.report, t));
    timeline_->set_playhead(t);
    update_caption();
}

void Presentation::change_off_script(const model::QuickRequest &request) {
    // The presenter improvises with the map's quick actions at the playhead; the script's
    // parts stay (nothing is removed on the projector).
    if (request.action == model::QuickAction::remove ||
        !model::apply_quick_action(scenario_, request, clock_.playhead()).ok)
        return;
    off_script_ = true;
    live_.request(scenario_);
}

QString Presentation::counter_text() const {
    return counter_->text();
}

void Presentation::update_caption() {
    QString text = caption();
    if (!notice_.isEmpty())
        text += QStringLiteral("\n") + notice_;
    caption_->setText(text);
    counter_->setText(
        tr("Step %1 of %2  \u00b7  %3%4")
            // The step the caption and the map show, not the one the map is moving to.
            .arg((shown_step_ >= 0 ? shown_step_ : step_) + 1)
            .arg(steps())
            .arg(QString::fromStdString(
                     model::format_clock(clock_.playhead() - clock_.playhead() % 1000)),
                 off_script_ ? tr("  \u00b7  off script (Backspace restores)") : QString()));
    if (const int at = shown_step_ >= 0 ? shown_step_ : step_;
        at >= 0 && walk_.steps[static_cast<std::size_t>(at)].compare) {
        const model::CompareSpec &c = *walk_.steps[static_cast<std::size_t>(at)].compare;
        counter_->setText(counter_->text() +
                          tr("  \u00b7  C: compare %1 with %2")
                              .arg(c.a.empty() ? tr("A") : QString::fromStdString(c.a),
                                   c.b.empty() ? tr("B") : QString::fromStdString(c.b)));
    }
    if (notes_ && shown_step_ >= 0 && scripted_report_)
        notes_->setText(QString::fromStdString(model::fill_figures(
            walk_.steps[static_cast<std::size_t>(shown_step_)].notes, *scripted_report_)));
}

void Presentation::keyPressEvent(QKeyEvent *event) {
    switch (event->key()) {
    case Qt::Key_PageDown:
    case Qt::Key_Space:
    case Qt::Key_Right:
    case Qt::Key_Down:
        next();
        break;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
        previous();
        break;
    case Qt::Key_B:
    case Qt::Key_Period:
        toggle_blank();
        break;
    case Qt::Key_Backspace:
        restore();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        map_->zoom_in();
        break;
    case Qt::Key_Minus:
        map_->zoom_out();
        break;
    case Qt::Key_Escape:
        close();
        break;
    case Qt::Key_C: {
        const int at = shown_step_ >= 0 ? shown_step_ : step_;
        if (at >= 0 && walk_.steps[static_cast<std::size_t>(at)].compare) {
            emit compare_requested(walk_index_, at);
            close();
        }
        break;
    }
    default:
        QWidget::keyPressEvent(event);
    }
}

void Presentation::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    // Full screen arrives after construction: frame the scenario once the map has its size.
    QTimer::singleShot(0, map_, [this] {
        map_->fit_to_content();
        framing_ = {map_->transform(), map_->mapToScene(map_->viewport()->rect().center())};
    });
}

void Presentation::restore_framing() {
    // The view the walkthrough was framed in, exactly: a fresh fit would measure the boxes as
    // they are now, and a failed region's box is not the size it was.
    if (!framing_) {
        map_->fit_to_content();
        return;
    }
    map_->setTransform(framing_->transform);
    map_->centerOn(framing_->center);
}

void Presentation::closeEvent(QCloseEvent *event) {
    live_.close();
    emit closed();
    event->accept();
}

} // namespace app
