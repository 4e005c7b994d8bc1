#pragma once
// The headline figures of a run: RTO for reads and writes taken apart, RPO, lost writes.

#include "model/report.h"

#include <QLabel>

namespace widgets {

class SummaryView : public QLabel {
    Q_OBJECT
public:
    explicit SummaryView(QWidget *parent = nullptr);
    void show_report(const model::Report &report);
};

} // namespace widgets
