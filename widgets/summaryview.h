#pragma once
// The headline figures of a run: RTO for reads and writes taken apart, RPO, lost writes,
// availability and cost, per population and per fault, and the break-even when it applies.

#include "model/report.h"

#include <QTextBrowser>

namespace widgets {

class SummaryView : public QTextBrowser {
    Q_OBJECT
public:
    explicit SummaryView(QWidget *parent = nullptr);
    void show_report(const model::Report &report);
    // The same figures as the HTML shown, for tests and export.
    static QString html(const model::Report &report);
};

} // namespace widgets
