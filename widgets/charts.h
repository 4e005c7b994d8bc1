#pragma once
// The run's sampled series as charts, one per tab: success rate and p99 latency per population,
// requests per region, replication lag per replica, lost writes and conflicts. Every chart
// shows the playhead as a cursor; a click on a chart asks to move the playhead there.

#include "model/report.h"

#include <QWidget>

#include <memory>
#include <vector>

class QTabWidget;

namespace widgets {

class SharedTimeWindow;
class TimeChart;

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    void set_report(std::shared_ptr<const model::Report> report, const model::Scenario &scenario);
    // A second run drawn over the first (a comparison: A solid, B dashed); null for none.
    void set_compared(std::shared_ptr<const model::Report> report, const model::Scenario &scenario);
    void set_playhead(model::Ms t);
    model::Ms playhead() const { return playhead_; }
    // Every chart's x axis follows this window (e.g. the timeline's zoom). Not owned.
    void set_time_window(SharedTimeWindow *window);
    const std::vector<TimeChart *> &charts() const { return charts_; }

    // All charts, one under the other, at the size they have on screen.
    bool export_png(const QString &path);

    // How many charts hold the current report's lines. A new report fills only the chart
    // on show, at once; the others when their tab is first shown (a chart costs milliseconds
    // to fill, and an edit should reach the screen within a frame).
    int charts_filled() const;

protected:
    void showEvent(QShowEvent *event) override;

signals:
    void seek_requested(model::Ms t);

private:
    QTabWidget *tabs_ = nullptr;
    TimeChart *success_ = nullptr;
    TimeChart *requests_ = nullptr;
    TimeChart *lag_ = nullptr;
    TimeChart *losses_ = nullptr;
    TimeChart *latency_ = nullptr;
    TimeChart *cdn_ = nullptr;
    std::vector<TimeChart *> charts_;
    std::shared_ptr<const model::Report> report_;
    bool has_databases_ = false;
    std::shared_ptr<const model::Report> compared_;
    bool compared_has_databases_ = false;
    std::vector<bool> filled_; // per chart: holds report_'s lines

    void fill(std::size_t chart);
    void apply_window();
    SharedTimeWindow *window_ = nullptr;
    void fill_shown();
    model::Ms playhead_ = 0;
};

} // namespace widgets
