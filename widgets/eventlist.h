#pragma once
// The trace of a run as a list: clock time and the event's sentence, one row per event. The
// latest event at the playhead is the current row, scrolled into view as the replay moves.

#include "model/report.h"
#include "model/sim_time.h"

#include <QTreeWidget>

#include <memory>

namespace widgets {

class EventList : public QTreeWidget {
    Q_OBJECT
public:
    explicit EventList(QWidget *parent = nullptr);
    // Lists the report's events; while the list is hidden, only once it is shown.
    void show_report(std::shared_ptr<const model::Report> report);
    bool up_to_date() const { return !pending_; }
    // The longest clock time a row can show: the last millisecond of a run of the longest
    // duration a scenario allows (a day, the duration field's maximum).
    static constexpr model::Ms kWidestClockMs = 24 * model::kHour - 1;
    // Makes the last event at or before t current (none before the first event).
    void set_playhead(model::Ms t);
    // The row of the current event, -1 when none.
    int current_row() const;

signals:
    void event_chosen(qint64 t_ms);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void apply();
    void follow_playhead();
    std::shared_ptr<const model::Report> pending_;
    std::vector<model::Ms> times_; // of the rows listed, in order
    model::Ms playhead_ = 0;
};

// The sentence of an event in the user's language: the model's template through tr().
QString event_sentence(const model::Event &event);

} // namespace widgets
