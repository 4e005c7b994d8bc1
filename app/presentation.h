#pragma once
// Presentation mode for instructor walkthroughs: full screen, large type, the map, the timeline
// and a caption, driven by the keys a presentation clicker sends (PageDown / PageUp / Space /
// arrows move between steps, Esc leaves, B blanks the screen, Backspace restores the scripted
// state after the presenter went off-script). Speaker notes go to a second screen when there
// is one. Every number shown comes from running the model on the step's scenario.

#include "app/liverun.h"
#include "app/playback.h"
#include "model/lesson.h"
#include "model/quick_actions.h"
#include "model/report.h"

#include <QPointF>
#include <QTransform>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QLabel;

namespace widgets {
class MapView;
class Timeline;
} // namespace widgets

namespace app {

class Presentation : public QWidget {
    Q_OBJECT
public:
    Presentation(const model::Lesson &lesson, int walkthrough, QWidget *parent = nullptr);
    ~Presentation() override;

    int step() const { return step_; }
    int steps() const { return static_cast<int>(walk_.steps.size()); }
    // A step's scripted state is run off the GUI thread; the step arrives with its run.
    void go_to(int step);
    // Whether a step's run is still to arrive.
    bool busy() const { return pending_.has_value(); }
    void next();
    void previous();
    // Back to the scripted state of the current step (drops the presenter's own changes).
    void restore();
    void toggle_blank();
    bool blanked() const { return blanked_; }
    bool off_script() const { return off_script_; }
    QString caption() const;
    // "Step n of m · time": the step on show, like the caption.
    QString counter_text() const;
    QString notice() const { return notice_; } // e.g. "did not happen in this run"
    model::Ms playhead() const { return clock_.playhead(); }
    const model::Scenario &scenario() const { return scenario_; }
    std::shared_ptr<const model::Report> report() const { return live_.current().report; }
    LiveRun *live_run() { return &live_; }
    // The step whose caption is on screen: it changes when the map has reached the step.
    int shown_step() const { return shown_step_; }
    widgets::MapView *map() const { return map_; }

signals:
    void closed();
    // The presenter asked for the comparison the step on show opens (key C).
    void compare_requested(int walkthrough, int step);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void show_at(model::Ms t);
    void arrive();
    struct Pending {
        int step;
        bool forward;
        model::Ms from;
    };
    void finish_step(const Pending &pending);
    void change_off_script(const model::QuickRequest &request);
    void restore_framing();
    void update_caption();

    model::Lesson lesson_;
    int walk_index_ = 0;
    model::Walkthrough walk_;
    model::Scenario base_;
    model::Scenario scenario_;
    LiveRun live_; // the run on screen (scripted, or off script)
    PlaybackClock &clock_ = *live_.clock();
    std::shared_ptr<const model::Report>
        scripted_report_; // the step's scripted run: captions quote it
    int step_ = -1;
    int shown_step_ = -1;
    bool blanked_ = false;
    bool off_script_ = false;
    QString notice_;
    model::Ms target_ = 0;
    std::vector<model::Ms> scripted_; // where each step visited so far put the playhead
    std::optional<Pending> pending_;  // a step whose run has not arrived yet

    widgets::MapView *map_ = nullptr;
    widgets::Timeline *timeline_ = nullptr;
    QLabel *caption_ = nullptr;
    QLabel *counter_ = nullptr;
    QWidget *blank_ = nullptr;
    QWidget *notes_window_ = nullptr;
    QLabel *notes_ = nullptr;
    // The map's framing when the walkthrough was laid out: Backspace and going back return to it.
    struct Framing {
        QTransform transform;
        QPointF center;
    };
    std::optional<Framing> framing_;
};

} // namespace app
