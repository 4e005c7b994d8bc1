#pragma once
// Two interactive worked examples whose every figure is the model's, recomputed as a slider
// moves: the RTO of a DNS failover from its health-check interval, failure threshold and TTL
// (curriculum C15), and the break-even of the four patterns against the cost of downtime (C6).

#include "app/runner.h"
#include "model/lesson_types.h"
#include "model/report.h"
#include "model/scenario.h"
#include "model/worked_examples.h"

#include <QDialog>

#include <array>
#include <optional>

class QComboBox;
class QLabel;
class QSlider;
class QTabWidget;
class QTableWidget;

namespace app {

class BreakdownBar;

class Calculators : public QDialog {
    Q_OBJECT
public:
    explicit Calculators(QWidget *parent = nullptr);

    void show_page(model::WorkedExample page);

    // The controls, for tests and for keyboard users: interval 10 or 30 s, threshold 1-10,
    // TTL in seconds; money per minute and per month, outages a year, and how long a region
    // outage lasts for a design that stays in one region.
    void set_rto_inputs(int interval_s, int threshold, int ttl_s);
    void set_money_inputs(int revenue_per_minute, int baseline_monthly, double outages_per_year,
                          int outage_minutes);

    // The model runs off the GUI thread: busy() while a run for the current inputs is on its
    // way, updated() when its figures are shown.
    bool busy() const { return rto_runner_.busy() || money_runner_.busy(); }

    // The model's figures for the current inputs.
    const std::optional<model::Report> &rto_report() const { return rto_report_; }
    struct PatternRow : model::PatternCost {
        QString name;
    };
    const std::array<PatternRow, 4> &patterns() const { return rows_; }
    // The pattern with the lowest yearly total (extra running cost plus downtime), by the
    // model's rule.
    int cheapest() const;
    QString rto_text() const;
    QString verdict_text() const;

signals:
    void updated(model::WorkedExample page);

private:
    QWidget *build_rto_page();
    void show_break_even(const model::BreakEvenTable &b);
    QWidget *build_money_page();
    void recompute_rto();
    void recompute_money();

    QTabWidget *tabs_ = nullptr;
    // C15
    model::Scenario ttl_scenario_;
    model::RtoInputs rto_inputs_;
    ModelRunner rto_runner_;
    std::optional<model::Report> rto_report_;
    QSlider *interval_ = nullptr, *threshold_ = nullptr, *ttl_ = nullptr;
    QLabel *interval_label_ = nullptr, *threshold_label_ = nullptr, *ttl_label_ = nullptr;
    QLabel *rto_result_ = nullptr;
    BreakdownBar *bar_ = nullptr;
    // C6
    std::array<model::Scenario, 4> pattern_scenarios_;
    std::array<PatternRow, 4> rows_;
    ModelRunner money_runner_;
    std::optional<model::BreakEvenTable> break_even_;
    QSlider *revenue_ = nullptr, *baseline_ = nullptr, *outages_ = nullptr, *outage_min_ = nullptr;
    QLabel *revenue_label_ = nullptr, *baseline_label_ = nullptr, *outages_label_ = nullptr,
           *outage_min_label_ = nullptr;
    QTableWidget *table_ = nullptr;
    QLabel *verdict_ = nullptr;
    QString load_error_;
};

} // namespace app
