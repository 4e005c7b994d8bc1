#pragma once
// The trace of a run as a list: clock time and the event's sentence, one row per event.

#include "model/report.h"

#include <QTreeWidget>

namespace widgets {

class EventList : public QTreeWidget {
    Q_OBJECT
public:
    explicit EventList(QWidget *parent = nullptr);
    void show_report(const model::Report &report);

signals:
    void event_chosen(qint64 t_ms);
};

// The sentence of an event in the user's language: the model's template through tr().
QString event_sentence(const model::Event &event);

} // namespace widgets
