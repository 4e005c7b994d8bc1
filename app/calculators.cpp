#include "calculators.h"

#include "app/lessonlibrary.h"
#include "model/edit.h"
#include "model/scenario_json.h"
#include "model/worked_examples.h"
#include "widgets/rtobars.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace app {

namespace {

std::optional<model::Scenario> load_built_in(const QString &name, QString *error) {
    const QString path = QStringLiteral(":/lessons/scenarios/%1.json").arg(name);
    const std::optional<std::string> text = qt_reader()(path.toStdString());
    if (!text) {
        *error = QObject::tr("cannot read %1").arg(path);
        return std::nullopt;
    }
    model::ScenarioLoad load = model::parse_scenario(*text, path.toStdString());
    if (!load.scenario) {
        *error = QString::fromStdString(load.problems.empty() ? path.toStdString()
                                                              : load.problems.front().text());
        return std::nullopt;
    }
    return std::move(*load.scenario);
}

QString money(double v) {
    return QLocale().toString(v, 'f', 0);
}

QSlider *slider(int min, int max, int page, const QString &tip, QWidget *parent) {
    auto *s = new QSlider(Qt::Horizontal, parent);
    s->setRange(min, max);
    s->setPageStep(page);
    s->setToolTip(tip);
    s->setMinimumWidth(260);
    return s;
}

// One row of the form: the slider and, beside it, its value in words.
QWidget *with_value(QSlider *s, QLabel *value, QWidget *parent) {
    auto *row = new QWidget(parent);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(s, 1);
    value->setMinimumWidth(110);
    h->addWidget(value);
    return row;
}

} // namespace

// The read RTO of the worked example as one stacked bar on a fixed scale, so dragging a slider
// visibly lengthens or shortens it.
class BreakdownBar : public QWidget {
public:
    explicit BreakdownBar(QWidget *parent) : QWidget(parent) {
        setMinimumHeight(46);
        setToolTip(tr("The read RTO taken apart, on a scale of 20 minutes"));
    }
    void set_rto(const model::Rto &rto) {
        rto_ = rto;
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing, true);
        const QRectF area = QRectF(rect()).adjusted(24, 4, -24, -18);
        p.setPen(palette().color(QPalette::Mid));
        p.setBrush(palette().color(QPalette::Base));
        p.drawRect(area);
        constexpr double kScaleMs = 20 * 60 * 1000.0;
        const double px_per_ms = area.width() / kScaleMs;
        p.setFont(font());
        if (!rto_.ms) {
            p.setPen(palette().color(QPalette::Text));
            p.drawText(area, Qt::AlignCenter, widgets::rto_status_text(rto_));
            return;
        }
        for (const widgets::RtoSegment &seg :
             widgets::rto_segments(rto_.breakdown, area.left(), px_per_ms)) {
            const QRectF r(seg.x, area.top(), std::min(seg.width, area.right() - seg.x),
                           area.height());
            if (r.width() <= 0)
                continue;
            p.setPen(Qt::NoPen);
            p.setBrush(widgets::part_colour(seg.part, palette()));
            p.drawRect(r);
            const QString text = widgets::duration_text(seg.ms);
            if (p.fontMetrics().horizontalAdvance(text) + 6 < r.width()) {
                p.setPen(Qt::black);
                p.drawText(r, Qt::AlignCenter, text);
            }
        }
        p.setPen(palette().color(QPalette::WindowText));
        for (int minute = 0; minute <= 20; minute += 5) {
            const double x = area.left() + minute * 60000.0 * px_per_ms;
            p.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
            p.drawText(QRectF(x - 30, area.bottom() + 4, 60, 14), Qt::AlignCenter,
                       tr("%1 min").arg(minute));
        }
    }

private:
    model::Rto rto_;
};

Calculators::Calculators(QWidget *parent) : QDialog(parent) {
    setWindowTitle(tr("Worked examples"));
    tabs_ = new QTabWidget(this);
    tabs_->addTab(build_rto_page(), tr("&RTO from TTL and health checks (C15)"));
    tabs_->addTab(build_money_page(), tr("&Break-even of the patterns (C6)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs_);
    layout->addWidget(buttons);
    resize(820, 560);
    recompute_rto();
    recompute_money();
}

void Calculators::show_page(model::WorkedExample page) {
    tabs_->setCurrentIndex(page == model::WorkedExample::rto ? 0 : 1);
}

QWidget *Calculators::build_rto_page() {
    auto *page = new QWidget(this);
    auto *intro = new QLabel(
        tr("The textbook example: a Route 53 failover record with health checks on the primary. "
           "Move a slider and the model runs the scenario \"dns-ttl-floor\" again: 15 checkers "
           "with their own phases, the 18 % rule, the delay before DNS answers change, and "
           "clients that re-resolve when their cached answer expires."),
        page);
    intro->setWordWrap(true);
    interval_ = slider(0, 1, 1, tr("Route 53 checks every 10 s (fast) or 30 s (standard)"), page);
    threshold_ =
        slider(1, 10, 1, tr("Consecutive failed probes before a checker says unhealthy"), page);
    ttl_ = slider(0, 900, 30, tr("How long clients may cache the DNS answer (seconds)"), page);
    ttl_->setSingleStep(5);
    interval_label_ = new QLabel(page);
    threshold_label_ = new QLabel(page);
    ttl_label_ = new QLabel(page);
    auto *form = new QFormLayout;
    form->addRow(tr("Health-check &interval"), with_value(interval_, interval_label_, page));
    form->addRow(tr("Failure &threshold"), with_value(threshold_, threshold_label_, page));
    form->addRow(tr("Record &TTL"), with_value(ttl_, ttl_label_, page));
    bar_ = new BreakdownBar(page);
    rto_result_ = new QLabel(page);
    rto_result_->setWordWrap(true);
    rto_result_->setTextFormat(Qt::RichText);
    rto_result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(bar_);
    layout->addWidget(rto_result_);
    layout->addStretch(1);

    if (auto s = load_built_in(QString::fromLatin1(model::kRtoExampleScenario), &load_error_))
        ttl_scenario_ = std::move(*s);
    // Start at the scenario's own values.
    const QSignalBlocker b1(interval_), b2(threshold_), b3(ttl_);
    const model::RtoInputs start = model::rto_inputs_of(ttl_scenario_);
    interval_->setValue(start.interval_ms >= 30 * model::kSecond ? 1 : 0);
    threshold_->setValue(start.threshold);
    ttl_->setValue(static_cast<int>(start.ttl_ms / model::kSecond));
    for (QSlider *s : {interval_, threshold_, ttl_})
        connect(s, &QSlider::valueChanged, this, &Calculators::recompute_rto);
    return page;
}

QWidget *Calculators::build_money_page() {
    auto *page = new QWidget(this);
    auto *intro = new QLabel(
        tr("What a design costs a year against what its downtime costs. The model gives each "
           "pattern's cost multiplier and its RTO after a region outage (for the single region, "
           "the outage itself, however long it lasts); you give the money. A design pays for "
           "itself when the downtime it saves is worth more than its extra running cost."),
        page);
    intro->setWordWrap(true);
    revenue_ = slider(0, 500, 10, tr("Revenue lost per minute of downtime, in hundreds"), page);
    baseline_ = slider(1, 500, 10,
                       tr("What the app costs a month in one AZ of one region, in thousands; "
                          "the cost multipliers are relative to it"),
                       page);
    outages_ = slider(0, 50, 5, tr("Regional outages expected per year, in tenths"), page);
    outage_min_ = slider(1, 48, 4, tr("How long a region outage lasts, in 15-minute steps"), page);
    revenue_label_ = new QLabel(page);
    baseline_label_ = new QLabel(page);
    outages_label_ = new QLabel(page);
    outage_min_label_ = new QLabel(page);
    auto *form = new QFormLayout;
    form->addRow(tr("Revenue per &minute"), with_value(revenue_, revenue_label_, page));
    form->addRow(tr("Baseline monthly &cost (one AZ)"),
                 with_value(baseline_, baseline_label_, page));
    form->addRow(tr("&Outages per year"), with_value(outages_, outages_label_, page));
    form->addRow(tr("Region outage &length"), with_value(outage_min_, outage_min_label_, page));
    table_ = new QTableWidget(4, 5, page);
    table_->setHorizontalHeaderLabels({tr("Cost\nmultiplier"), tr("Extra cost\na year"),
                                       tr("Downtime\nper outage"), tr("Downtime\ncost a year"),
                                       tr("Total\na year")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setToolTip(tr("Each pattern's figures from the model, with your money inputs"));
    table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    verdict_ = new QLabel(page);
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(table_);
    layout->addWidget(verdict_);
    layout->addStretch(1);

    const QString labels[] = {tr("Single region, multi-AZ"), tr("Warm standby"), tr("Hot standby"),
                              tr("Active-active")};
    for (std::size_t i = 0; i < 4; ++i) {
        if (auto s = load_built_in(
                QString::fromLatin1(model::pattern_scenario(model::kPatterns[i])), &load_error_))
            pattern_scenarios_[i] = std::move(*s);
        rows_[i].name = labels[i];
        table_->setVerticalHeaderItem(static_cast<int>(i), new QTableWidgetItem(labels[i]));
    }
    const QSignalBlocker b1(revenue_), b2(baseline_), b3(outages_), b4(outage_min_);
    revenue_->setValue(50);   // 5,000 a minute
    baseline_->setValue(50);  // 50,000 a month
    outages_->setValue(10);   // one a year
    outage_min_->setValue(4); // an hour, the curriculum's example
    for (QSlider *s : {revenue_, baseline_, outages_, outage_min_})
        connect(s, &QSlider::valueChanged, this, &Calculators::recompute_money);
    return page;
}

void Calculators::set_rto_inputs(int interval_s, int threshold, int ttl_s) {
    const QSignalBlocker b1(interval_), b2(threshold_);
    interval_->setValue(interval_s >= 30 ? 1 : 0);
    threshold_->setValue(threshold);
    ttl_->setValue(ttl_s);
    recompute_rto();
}

void Calculators::set_money_inputs(int revenue_per_minute, int baseline_monthly,
                                   double outages_per_year, int outage_minutes) {
    const QSignalBlocker b1(revenue_), b2(baseline_), b3(outages_);
    revenue_->setValue(revenue_per_minute / 100);
    baseline_->setValue(baseline_monthly / 1000);
    outages_->setValue(static_cast<int>(outages_per_year * 10 + 0.5));
    outage_min_->setValue(outage_minutes / 15);
    recompute_money();
}

void Calculators::recompute_rto() {
    rto_inputs_ = {interval_->value() ? 30 * model::kSecond : 10 * model::kSecond,
                   threshold_->value(), ttl_->value() * model::kSecond};
    interval_label_->setText(widgets::duration_text(rto_inputs_.interval_ms));
    threshold_label_->setText(tr("%n probe(s)", nullptr, rto_inputs_.threshold));
    ttl_label_->setText(widgets::duration_text(rto_inputs_.ttl_ms));
    model::Scenario s = ttl_scenario_;
    QString problem = load_error_;
    if (const model::EditResult r = model::apply_rto_inputs(s, rto_inputs_); !r.ok)
        problem = QString::fromStdString(r.message);
    if (!problem.isEmpty()) {
        rto_runner_.cancel();
        rto_report_.reset();
        rto_result_->setText(tr("The model could not run: %1").arg(problem.toHtmlEscaped()));
        emit updated(model::WorkedExample::rto);
        return;
    }
    // The model runs off the GUI thread; the slider stays live, and only the last position's
    // run is shown.
    rto_runner_.request_all({{std::move(s), {}}}, [this](ModelRunner::Reports reports) {
        rto_report_ = *reports.front();
        bar_->set_rto(rto_report_->summary.read);
        rto_result_->setText(rto_text());
        emit updated(model::WorkedExample::rto);
    });
}

QString Calculators::rto_text() const {
    if (!rto_report_)
        return {};
    const model::Rto &rto = rto_report_->summary.read;
    const QString textbook =
        tr("Textbook floor: interval x threshold + TTL = %1 x %2 + %3 s = %4.")
            .arg(rto_inputs_.interval_ms / model::kSecond)
            .arg(rto_inputs_.threshold)
            .arg(rto_inputs_.ttl_ms / model::kSecond)
            .arg(widgets::duration_text(model::textbook_rto_floor(rto_inputs_)));
    if (!rto.ms)
        return tr("Read RTO: %1. %2").arg(widgets::rto_status_text(rto), textbook);
    const model::Breakdown &b = rto.breakdown;
    return tr("<b>Read RTO %1</b> = detection %2 + propagation %3 + client caches %4 + other "
              "%5.<br>%6<br>The model adds what the formula leaves out: checkers that probe "
              "at different moments, the delay before Route 53 answers differently, and "
              "clients whose caches expire one by one.")
        .arg(widgets::duration_text(*rto.ms), widgets::duration_text(b.detection),
             widgets::duration_text(b.propagation), widgets::duration_text(b.client_cache),
             widgets::duration_text(b.other + b.promotion + b.warmup), textbook);
}

void Calculators::recompute_money() {
    const model::MoneyInputs in{revenue_->value() * 100.0, baseline_->value() * 1000.0,
                                outages_->value() / 10.0,
                                outage_min_->value() * 15 * model::kMinute};
    revenue_label_->setText(tr("%1 / min").arg(money(in.revenue_per_minute)));
    baseline_label_->setText(tr("%1 / month").arg(money(in.baseline_monthly)));
    outages_label_->setText(tr("%1 a year").arg(QLocale().toString(in.outages_per_year, 'f', 1)));
    outage_min_label_->setText(widgets::duration_text(in.region_outage_ms));
    std::vector<ModelRunner::Job> jobs;
    for (std::size_t i = 0; i < model::kPatterns.size(); ++i) {
        model::Scenario s = pattern_scenarios_[i];
        if (const model::EditResult r = model::price_pattern(s, model::kPatterns[i], in); !r.ok) {
            money_runner_.cancel();
            verdict_->setText(tr("The model could not run: %1")
                                  .arg(QString::fromStdString(r.message).toHtmlEscaped()));
            emit updated(model::WorkedExample::break_even);
            return;
        }
        jobs.push_back({std::move(s), {}});
    }
    money_runner_.request_all(std::move(jobs), [this](ModelRunner::Reports reports) {
        std::array<model::PatternCost, 4> costs;
        for (std::size_t i = 0; i < costs.size(); ++i)
            costs[i] = model::pattern_cost(*reports[i]);
        show_break_even(model::break_even_table(costs));
        emit updated(model::WorkedExample::break_even);
    });
}

void Calculators::show_break_even(const model::BreakEvenTable &b) {
    break_even_ = b;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        static_cast<model::PatternCost &>(rows_[i]) = b.rows[i];
        const PatternRow &row = rows_[i];
        const int line = static_cast<int>(i);
        const auto cell = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QFont f = item->font();
            f.setBold(line == cheapest());
            item->setFont(f);
            table_->setItem(line, column, item);
        };
        cell(0, QStringLiteral("%1 x").arg(row.cost_multiplier, 0, 'f', 2));
        cell(1, money(row.extra_per_year));
        cell(2, widgets::duration_text(static_cast<model::Ms>(row.downtime_min * 60000.0)));
        cell(3, money(row.downtime_per_year));
        cell(4, money(row.total()));
    }
    verdict_->setText(verdict_text());
}

int Calculators::cheapest() const {
    return break_even_ ? static_cast<int>(break_even_->cheapest) : 0;
}

QString Calculators::verdict_text() const {
    if (!break_even_)
        return {};
    const model::BreakEvenTable &b = *break_even_;
    const PatternRow &single = rows_[0];
    const PatternRow &warm = rows_[1];
    // C6: what one region's outages cost a year is the most a faster recovery can be worth.
    QString out =
        tr("Cheapest a year: %1 (in bold). Staying in one region, the outages cost %2 a year; a "
           "warm standby cuts that to %3, so it is worth up to %4 a year more in running cost, "
           "and it costs %5 more.")
            .arg(rows_[static_cast<std::size_t>(cheapest())].name, money(single.downtime_per_year),
                 money(warm.downtime_per_year), money(b.warm_standby_worth),
                 money(b.warm_standby_extra));
    out += QLatin1Char(' ');
    out += b.active_active_pays
               ? tr("Active-active pays for itself here: its downtime savings outweigh "
                    "its extra running cost.")
               : tr("Active-active costs %1 a year more than the cheapest design and "
                    "does not pay for itself here.")
                     .arg(money(b.active_active_gap));
    return out;
}

} // namespace app
