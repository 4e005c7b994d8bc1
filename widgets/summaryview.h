#pragma once
// The headline figures of a run: RTO for reads and writes taken apart, RPO, lost writes,
// availability and cost, per population and per fault, and the break-even when it applies.

#include "model/report.h"

#include <QTextBrowser>

#include <memory>

namespace widgets {

class SummaryView : public QTextBrowser {
    Q_OBJECT
public:
    explicit SummaryView(QWidget *parent = nullptr);
    // Shows the report's figures; while the view is hidden (another tab is on show), only
    // once it is shown, so that an edit pays for what is on screen.
    void show_report(std::shared_ptr<const model::Report> report);
    bool up_to_date() const { return !pending_; }
    // The same figures as the HTML shown, for tests and export.
    static QString html(const model::Report &report);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void apply();
    std::shared_ptr<const model::Report> pending_;
    QString shown_html_;
};

} // namespace widgets
