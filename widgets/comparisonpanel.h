#pragma once
// The lower half of a comparison: the two timelines one above the other on one time axis, the
// charts of both runs overlaid (A solid, B dashed), and the difference of the two reports. It
// shows what it is given and asks to move the playhead; the one clock of the comparison decides.

#include "model/compare.h"
#include "model/report.h"
#include "model/scenario.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QTabWidget;

namespace widgets {

class ChartsPanel;
class SharedTimeWindow;
class SummaryDiff;
class Timeline;

class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPanel(QWidget *parent = nullptr);

    // Both runs with the scenarios they came from, and the model's difference of the two.
    void show_runs(std::shared_ptr<const model::Report> a, const model::Scenario &a_scenario,
                   std::shared_ptr<const model::Report> b, const model::Scenario &b_scenario,
                   std::vector<model::FigureDiff> diffs);
    void set_names(const QString &a, const QString &b);
    void set_playhead(model::Ms t);
    // Both timelines and the charts show the main window's zoom window.
    void set_time_window(SharedTimeWindow *window);

    Timeline *timeline_a() const { return timeline_a_; }
    Timeline *timeline_b() const { return timeline_b_; }
    ChartsPanel *charts() const { return charts_; }
    SummaryDiff *diff() const { return diff_; }
    QTabWidget *tabs() const { return tabs_; }

signals:
    void seek_requested(model::Ms t);

protected:
    void changeEvent(QEvent *event) override;

private:
    void align_timelines();
    void restyle_badges();
    QTabWidget *tabs_ = nullptr;
    Timeline *timeline_a_ = nullptr;
    Timeline *timeline_b_ = nullptr;
    QLabel *badge_a_ = nullptr;
    QLabel *badge_b_ = nullptr;
    ChartsPanel *charts_ = nullptr;
    SummaryDiff *diff_ = nullptr;
    std::shared_ptr<const model::Report> a_, b_;
    QString a_name_, b_name_;
};

} // namespace widgets
