#pragma once
// Two runs compared: the model's figure-by-figure difference (model/compare.h) as a table of A,
// B, the change and whether B is better or worse, said in words and symbols as well as colour;
// and the two RTO breakdowns as bars, A above B, on one scale.

#include "model/compare.h"
#include "model/report.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QTextBrowser;

namespace widgets {

// The RTO breakdowns of two runs, reads and writes, A's bar above B's, on one time scale.
class RtoPairBars : public QWidget {
    Q_OBJECT
public:
    explicit RtoPairBars(QWidget *parent = nullptr);
    void set_reports(std::shared_ptr<const model::Report> a,
                     std::shared_ptr<const model::Report> b);
    // Pixels per millisecond of the shared scale at the current width (0 when nothing to draw).
    double px_per_ms() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Row {
        QString label;
        const model::Rto *rto = nullptr;
    };
    std::vector<Row> rows() const;
    double bar_left() const;
    double bar_room() const;
    std::shared_ptr<const model::Report> a_, b_;
};

class SummaryDiff : public QWidget {
    Q_OBJECT
public:
    explicit SummaryDiff(QWidget *parent = nullptr);

    void show_diff(std::vector<model::FigureDiff> diffs, std::shared_ptr<const model::Report> a,
                   std::shared_ptr<const model::Report> b, const QString &a_name,
                   const QString &b_name);
    const std::vector<model::FigureDiff> &diffs() const { return diffs_; }
    RtoPairBars *bars() const { return bars_; }
    QString html() const;

    // The words for a figure and its values, as the table shows them.
    static QString figure_label(const std::string &figure);
    static QString value_text(const model::SideValue &value, model::FigureUnit unit);
    static QString delta_text(double delta, model::FigureUnit unit);
    static QString verdict_text(model::Change change);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    std::vector<model::FigureDiff> diffs_;
    std::shared_ptr<const model::Report> a_, b_;
    QString a_name_, b_name_;
    QLabel *headline_ = nullptr;
    RtoPairBars *bars_ = nullptr;
    QTextBrowser *table_ = nullptr;
};

} // namespace widgets
